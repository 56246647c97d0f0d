// A customer's record and an article's versions as their events tell them:
// what desk doctor holds the customers and knowledge-base tables to.
#include <doctest/doctest.h>

#include "desk/model/article_history.hpp"
#include "desk/model/customer_history.hpp"

using namespace desk;
using model::Customer;
using model::CustomerRecord;
using model::EventKind;

namespace {

model::Event about(EventKind kind, std::vector<model::Change> changes = {}) {
  model::Event e;
  e.kind = kind;
  e.subject = "customer:7";
  e.at = from_unix(1'800'000'000);
  e.changes = std::move(changes);
  return e;
}

Customer jane() {
  Customer c;
  c.name = "Jane Doe";
  c.email = "jane@example.org";
  c.phone = "020 7946 0958";
  c.tier = "vip";
  c.notes = "prefers email";
  return c;
}

}  // namespace

TEST_SUITE("model/customer history") {
  TEST_CASE("the changes name each differing field, null for empty") {
    auto changes = model::customer_changes(Customer{}, jane());
    REQUIRE(changes.size() == 5);
    CHECK(changes[0].field == "name");
    CHECK(changes[0].from.is_null());
    CHECK(changes[0].to == "Jane Doe");
    CHECK(changes[4].field == "notes");
    Customer moved = jane();
    moved.email.clear();
    moved.organisation = "Acme";
    auto edit = model::customer_changes(jane(), moved);
    REQUIRE(edit.size() == 2);
    CHECK(edit[0].field == "email");
    CHECK(edit[0].to.is_null());
    CHECK(edit[1].field == "organisation");
    CHECK(edit[1].to == "Acme");
    CHECK(model::customer_changes(jane(), jane()).empty());
  }

  TEST_CASE("added, edited and erased, the record is what the row must hold") {
    CustomerRecord r;
    model::apply(r, about(EventKind::customer_added, model::customer_changes(Customer{}, jane())));
    CHECK(r.added);
    CHECK(model::differences(jane(), r.customer).empty());
    model::apply(r, about(EventKind::customer_edited, {{"tier", "vip", nullptr}}));
    CHECK(r.customer.tier.empty());
    // Another kind of event about the customer changes nothing.
    model::apply(r, about(EventKind::service_added, {{"name", nullptr, "Mallory"}}));
    CHECK(r.customer.name == "Jane Doe");

    model::apply(r, about(EventKind::erased));
    CHECK(r.customer.name == model::kErased);
    CHECK(r.customer.email.empty());
    CHECK(r.customer.phone.empty());
    CHECK(r.customer.notes.empty());
    REQUIRE(r.customer.erased_at);
    CHECK(to_unix(*r.customer.erased_at) == 1'800'000'000);
    CHECK_FALSE(r.removed);
    Customer row = model::erased(jane());
    row.tier.clear();
    row.erased_at = from_unix(1'800'000'000);
    CHECK(model::differences(row, r.customer).empty());
  }

  TEST_CASE("the merged-away side is removed and the other side takes the changes") {
    CustomerRecord gone;
    model::apply(gone, about(EventKind::customer_added, {{"name", nullptr, "J Doe"}}));
    model::Event merged = about(EventKind::customer_merged);
    merged.extra["into"] = 3;
    model::apply(gone, merged);
    CHECK(gone.removed);

    CustomerRecord into;
    model::apply(into, about(EventKind::customer_added, {{"name", nullptr, "Jane Doe"}}));
    model::Event took = about(EventKind::customer_merged, {{"phone", nullptr, "0123"}});
    took.extra["merged"] = 7;
    model::apply(into, took);
    CHECK_FALSE(into.removed);
    CHECK(into.customer.phone == "0123");
  }

  TEST_CASE("differences say which field, what the row holds and what the events say") {
    Customer told = jane();
    Customer row = jane();
    row.name = "Mallory";
    row.notes.clear();
    row.erased_at = from_unix(1);
    auto d = model::differences(row, told);
    REQUIRE(d.size() == 3);
    CHECK(d[0] == "name is 'Mallory' in its row, 'Jane Doe' by its events");
    CHECK(d[1] == "notes is (none) in its row, 'prefers email' by its events");
    CHECK(d[2] == "it is erased in its row, not by its events");
    CHECK(model::differences(told, row)[2] == "its events erased it, its row is not erased");
  }
}

TEST_SUITE("model/article history") {
  TEST_CASE("a version's record holds its texts as its row does, and names what differs") {
    model::ArticleVersion v;
    v.number = 2;
    v.at = from_unix(1'800'000'000);
    v.actor = "alice";
    v.action = model::ArticleAction::edited;
    v.changed = {"body", "tags"};
    v.article.kind = model::ArticleKind::known_error;
    v.article.fix_status = model::FixStatus::in_progress;
    v.article.title = "VPN drops";
    v.article.tags = {"remote", "vpn"};
    v.article.version = 2;
    model::Json r = model::version_record(v);
    CHECK(r["number"] == 2);
    CHECK(r["action"] == "edited");
    CHECK(r["changed"] == "body,tags");
    CHECK(r["article"]["kind"] == "known-error");
    CHECK(r["article"]["fix_status"] == "in-progress");
    CHECK(r["article"]["tags"] == "remote vpn");
    CHECK(r["article"]["published_at"].is_null());
    CHECK(model::differing_keys(r, r).empty());

    model::ArticleVersion forged = v;
    forged.actor = "mallory";
    forged.article.body = "Call me.";
    forged.article.published_at = from_unix(1);
    CHECK(model::differing_keys(model::version_record(forged), r) ==
          std::vector<std::string>{"actor", "body", "published_at"});
    model::Json missing = r;
    missing["article"].erase("title");
    CHECK(model::differing_keys(r, missing) == std::vector<std::string>{"title"});
    CHECK(model::differing_keys(missing, r) == std::vector<std::string>{"title"});
  }
}
