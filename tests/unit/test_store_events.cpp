// How the store writes an event: its data as JSON text (written straight,
// without a JSON value, but equal to dumping one), and an event prepared
// for the audit chain on another thread (a bulk import).
#include <doctest/doctest.h>

#include "desk/compliance/compliance.hpp"
#include "desk/config/load.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/open/open.hpp"
#include "desk/store/store.hpp"
#include "desk/work/session.hpp"

#include "support/test_desk.hpp"

using namespace desk;
using model::Event;
using model::Json;

namespace {

// What the data column held when it was written by way of a JSON value.
std::string data_by_value(const Event& e) {
  Json data = Json::object();
  if (!e.changes.empty()) {
    Json changes = Json::object();
    for (const auto& c : e.changes) changes[c.field] = Json::array({c.from, c.to});
    data["changes"] = std::move(changes);
  }
  if (!e.text.empty()) data["text"] = e.text;
  for (const auto& [k, v] : e.extra.items()) data[k] = v;
  return data.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Event event(std::int64_t id, std::int64_t ticket) {
  Event e;
  e.id = id;
  e.ticket_id = ticket;
  e.at = from_unix(1'790'000'000 + id);
  e.recorded_at = e.at;
  e.actor = "alice";
  e.kind = model::EventKind::note;
  e.text = "note " + std::to_string(id);
  return e;
}

}  // namespace

TEST_SUITE("store/events") {
  TEST_CASE("an event's data is the text of its JSON value, whatever it holds") {
    std::vector<Event> events(9);
    events[1].changes = {{"status", "new", "assigned"}, {"tier", Json(), 1}};
    events[2].text = "line one\n\"two\" \\ \x01 é 😀 and \xff bad UTF-8";
    events[3].extra = {{"channel", "email"}, {"nested", {{"a", {1, 2.5, true, nullptr}}}}};
    events[4].changes = {{"tags", Json::array(), Json::array({"vpn", "remote"})}};
    events[4].text = "with text";
    events[4].extra = {{"reason", "x"}, {"big", 18446744073709551615ULL}, {"neg", -3}};
    // Shapes desk does not make, where the value decides: a field changed
    // twice, extras named like the data's own keys.
    events[5].changes = {{"status", "a", "b"}, {"status", "b", "c"}};
    events[6].extra = {{"text", "an extra called text"}};
    events[6].text = "the text";
    events[7].extra = {{"changes", 5}};
    events[7].changes = {{"status", "a", "b"}};
    events[8].extra = {{"text", "only the extra"}};
    for (const auto& e : events) CHECK(store::encode(e).data == data_by_value(e));
  }

  TEST_CASE("a prepared event is written as prepared when it is of that event") {
    std::string location = desk::testing::new_store_location("prepared.db");
    store::create(location);
    auto db = store::open(location, store::Access::write, std::chrono::milliseconds(1000));
    config::Config config = config::defaults();
    work::Session s{config, *db, from_unix(1'790'000'000), "alice"};
    store::WriteTransaction tx(*db);
    model::Ticket t;
    t.type = "incident";
    t.title = "t";
    t.status = model::Status::new_;
    t.priority = "P3";
    std::int64_t ticket = db->insert_ticket(t);

    // Prepared for id 1 and written as id 1: the prepared salt and data stand.
    Event first = event(1, ticket);
    store::PreparedEvent ready = store::prepare_event(first);
    std::string salt = ready.record.salt;
    CHECK(db->append_prepared(first, ready) == 1);
    // Prepared for id 7, but the event is written with id 2: made again.
    Event second = event(7, ticket);
    store::PreparedEvent stale = store::prepare_event(second);
    second.id = 0;
    CHECK(db->append_prepared(second, stale) == 2);
    db->append_event(event(3, ticket));

    std::vector<audit::Record> records = db->audit().ticket_records(ticket);
    REQUIRE(records.size() == 3);
    CHECK(records[0].salt == salt);
    CHECK(records[1].salt != stale.record.salt);
    CHECK(records[1].id == 2);
    tx.commit();
    auto v = compliance::verify_chain(s, "");
    CHECK_FALSE(v.broken);
    CHECK(v.events == 3);
  }
}
