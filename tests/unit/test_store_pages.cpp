// A page of tickets: the first `limit` after `offset`, in the query's order.
// A page of several statuses in id order is read status by status and merged
// (query_sql.cpp); it must hold exactly the tickets the whole list holds at
// those places. And a count that stops early stops where it was told.
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "desk/store/store.hpp"

#include "support/test_desk.hpp"

using namespace desk;
using model::Status;

namespace {

struct PagedDesk : testing::TestDesk {
  PagedDesk() : TestDesk("pages.db") {
    // Statuses interleaved so that no status's tickets are consecutive.
    const Status cycle[] = {Status::new_,     Status::assigned, Status::pending,
                            Status::assigned, Status::resolved, Status::in_progress,
                            Status::new_,     Status::closed,   Status::pending};
    store::WriteTransaction tx(*store);
    for (int i = 0; i < 60; ++i) {
      model::Ticket t;
      t.type = "incident";
      t.title = "ticket " + std::to_string(i);
      t.status = cycle[(i * 7 + i / 9) % 9];
      t.priority = i % 3 ? "P3" : "P1";
      t.assignee = i % 4 ? "alice" : "bob";
      t.created_at = from_unix(1'790'000'000 + i);
      t.updated_at = t.created_at;
      store->insert_ticket(t);
    }
    tx.commit();
  }

  std::vector<std::int64_t> ids(const model::Query& q) {
    std::vector<std::int64_t> out;
    store->each_ticket(q, store::Ordering{{"P1", "P2", "P3", "P4"}}, [&](const model::Ticket& t) {
      out.push_back(t.id);
      return true;
    });
    return out;
  }
};

std::vector<std::int64_t> slice(const std::vector<std::int64_t>& all, std::int64_t offset,
                                std::int64_t limit) {
  auto from = std::min<std::size_t>(all.size(), static_cast<std::size_t>(offset));
  auto to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(limit));
  return {all.begin() + static_cast<std::ptrdiff_t>(from),
          all.begin() + static_cast<std::ptrdiff_t>(to)};
}

}  // namespace

TEST_SUITE("store/pages") {
  TEST_CASE("a page of several statuses holds what the whole list holds at its places") {
    PagedDesk d;
    const std::vector<std::vector<Status>> status_sets = {
        {Status::new_, Status::assigned, Status::in_progress, Status::pending},
        {Status::pending, Status::new_},
        {Status::resolved, Status::closed, Status::assigned}};
    for (const auto& statuses : status_sets) {
      for (bool descending : {false, true}) {
        for (bool bob : {false, true}) {
          model::Query q;
          q.statuses = statuses;
          if (descending) q.sort = {{"id", true}};
          if (bob) q.assignees = {"bob"};
          std::vector<std::int64_t> all = d.ids(q);
          REQUIRE(all.size() > 4);
          for (std::int64_t i = 1; i < static_cast<std::int64_t>(all.size()); ++i)
            CHECK((descending ? all[i - 1] > all[i] : all[i - 1] < all[i]));
          for (std::int64_t offset : {0, 1, 3}) {
            for (std::int64_t limit : {1, 2, 5, 100}) {
              CAPTURE(statuses.size());
              CAPTURE(descending);
              CAPTURE(bob);
              CAPTURE(offset);
              CAPTURE(limit);
              model::Query page = q;
              page.limit = limit;
              page.offset = offset;
              CHECK(d.ids(page) == slice(all, offset, limit));
            }
          }
        }
      }
    }
  }

  TEST_CASE("a count stops at its ceiling and is exact below it") {
    PagedDesk d;
    model::Query open;
    open.statuses = {Status::new_, Status::assigned, Status::in_progress, Status::pending};
    std::int64_t all = d.store->count_tickets(open, 0);
    CHECK(all == static_cast<std::int64_t>(d.ids(open).size()));
    CHECK(all > 10);
    CHECK(d.store->count_tickets(open, 10) == 10);
    CHECK(d.store->count_tickets(open, all) == all);
    CHECK(d.store->count_tickets(open, all + 1) == all);
    model::Query words = open;
    words.words = {"ticket"};
    CHECK(d.store->count_tickets(words, 7) == 7);
    CHECK(d.store->count_tickets(words, 0) == all);
    words.words = {"1"};  // the open ones of 1, 10-19, 21, 31, 41, 51
    std::int64_t ones = d.store->count_tickets(words, 0);
    CHECK(ones == static_cast<std::int64_t>(d.ids(words).size()));
    CHECK(ones > 2);
    CHECK(ones < all);
    CHECK(d.store->count_tickets(words, 1000) == ones);
    CHECK(d.store->count_tickets(words, 2) == 2);
  }
}
