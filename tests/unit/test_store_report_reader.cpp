// The reports' reader (ReportStore::each_ticket) reads the store on a second
// thread, in batches that are reused: every ticket must still come once, in
// id order, with its own marks, whatever the callback did to the one before;
// and a callback that stops or throws must stop the reading. The latest
// event's time and the selection by resolution time let a report trust the
// resolved_at column when nothing happened after its now.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/store/report_store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/lifecycle.hpp"

#include "support/test_desk.hpp"

using namespace desk;

namespace {

// Enough tickets that the reader's batches (256 tickets, four in flight)
// go round more than once.
constexpr int kTickets = 2600;

}  // namespace

TEST_SUITE("store/reports") {
  TEST_CASE("each_ticket gives every ticket once, in order, read afresh, and stops when asked") {
    testing::TestDesk d("reports.db");
    auto s = d.session();
    {
      store::WriteTransaction tx(*d.store);
      for (int i = 1; i <= kTickets; ++i) {
        tickets::LogRequest r;
        r.title = "ticket " + std::to_string(i);
        std::int64_t id = tickets::log_ticket(s, r).ticket.id;
        if (i % 3 == 0) tickets::start_work(s, id, {});
      }
      tx.commit();
    }
    store::ReportSelection sel;
    std::vector<std::int64_t> ids;
    int wrong = 0;
    d.store->reports().each_ticket(
        sel, [&](model::Ticket& t, const std::vector<model::Mark>& marks) {
          ids.push_back(t.id);
          bool started = t.id % 3 == 0;
          std::string title = "ticket " + std::to_string(t.id);
          std::size_t want_marks = started ? 2 : 1;  // logged, then in-progress
          if (t.title != title ||
              t.status != (started ? model::Status::in_progress : model::Status::new_) ||
              marks.size() != want_marks || marks[0].kind != model::EventKind::logged ||
              (started && marks[1].status != model::Status::in_progress))
            ++wrong;
          // A report may change the row in place: the next use of this slot
          // must not see it.
          t.status = model::Status::closed;
          t.title.clear();
          t.team = "somewhere";
          return true;
        });
    CHECK(wrong == 0);
    REQUIRE(ids.size() == kTickets);
    for (int i = 0; i < kTickets; ++i) CHECK(ids[static_cast<std::size_t>(i)] == i + 1);

    int calls = 0;
    d.store->reports().each_ticket(sel, [&](model::Ticket&, const auto&) { return ++calls < 700; });
    CHECK(calls == 700);

    calls = 0;
    CHECK_THROWS_WITH_AS(d.store->reports().each_ticket(sel,
                                                        [&](model::Ticket&, const auto&) -> bool {
                                                          if (++calls == 1800)
                                                            throw DataError("stop here");
                                                          return true;
                                                        }),
                         "stop here", DataError);
    CHECK(calls == 1800);
  }

  TEST_CASE("latest_event_at is the latest of any kind, and resolved_in selects by resolved_at") {
    testing::TestDesk d("latest.db");
    CHECK_FALSE(d.store->reports().latest_event_at().has_value());
    auto s = d.session(1'790'001'000);
    store::WriteTransaction tx(*d.store);
    for (int i = 1; i <= 3; ++i) {
      tickets::LogRequest r;
      r.title = "ticket " + std::to_string(i);
      r.at = from_unix(1'790'000'000);
      tickets::log_ticket(s, r);
    }
    auto resolve_at = [&](std::int64_t id, std::int64_t at) {
      tickets::ResolveRequest rr;
      rr.code = "fixed";
      rr.resolution = "done";
      rr.at = from_unix(at);
      tickets::resolve(s, id, rr);
    };
    resolve_at(1, 1'790'000'100);
    resolve_at(2, 1'790'000'200);
    resolve_at(3, 1'790'000'300);
    // An event of another kind, later, but earlier in the (kind, at) index.
    tickets::reopen(s, 2, "again", from_unix(1'790'000'250));
    tx.commit();
    CHECK(d.store->reports().latest_event_at() == from_unix(1'790'000'300));

    store::ReportSelection sel;
    sel.resolved_in = {from_unix(1'790'000'100), from_unix(1'790'000'300)};
    std::vector<std::int64_t> ids;
    d.store->reports().each_ticket(sel, [&](model::Ticket& t, const auto&) {
      ids.push_back(t.id);
      return true;
    });
    // 2 was reopened, 3 is at the end, exclusive.
    CHECK(ids == std::vector<std::int64_t>{1});
    // A span that holds when every ticket was logged is read by a scan: the
    // same tickets.
    sel.resolved_in = {from_unix(1'789'999'000), from_unix(1'790'000'300)};
    ids.clear();
    d.store->reports().each_ticket(sel, [&](model::Ticket& t, const auto&) {
      ids.push_back(t.id);
      return true;
    });
    CHECK(ids == std::vector<std::int64_t>{1});
  }
}
