// desk export's writer streams JSON text without building JSON values. The
// documented shape is what ticket_json and event_json build, so every test
// here compares the writer's bytes with those values dumped.
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/bulk/export.hpp"
#include "desk/bulk/read_ahead.hpp"
#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/format/json_text.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/lifecycle.hpp"

#include "support/test_desk.hpp"

using namespace desk;
using model::Json;
using testing::TestDesk;

namespace {

std::string dumped(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string written(std::string_view text) {
  std::string out;
  format::append_json_string(out, text);
  return out;
}

// What export wrote before it streamed: the two documented values, dumped.
std::string reference_line(const model::Ticket& t, std::span<const store::StoredEvent> events,
                           const Zone& zone) {
  Json j = model::ticket_json(t, zone);
  Json list = Json::array();
  for (const auto& e : events) list.push_back(model::event_json(store::decode(e), zone));
  j["events"] = std::move(list);
  return dumped(j) + "\n";
}

store::StoredEvent stored(std::string data, std::string kind = "note") {
  store::StoredEvent e;
  e.id = 41;
  e.ticket_id = 7;
  e.at = 1'790'000'000;
  e.recorded_at = 1'790'000'061;
  e.actor = "alice";
  e.kind = std::move(kind);
  e.data = std::move(data);
  return e;
}

}  // namespace

TEST_SUITE("bulk/export") {
  TEST_CASE("strings are escaped as nlohmann::json dumps them") {
    // Every single byte, alone and between letters.
    for (int c = 0; c < 256; ++c) {
      std::string one(1, static_cast<char>(c));
      CHECK(written(one) == dumped(Json(one)));
      std::string mid = "abcdefgh" + one + "ijklmnop";
      CHECK(written(mid) == dumped(Json(mid)));
    }
    CHECK(written("") == "\"\"");
    CHECK(written("say \"hi\"\\\n") == "\"say \\\"hi\\\"\\\\\\n\"");
    CHECK(written(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
    // Random text over an alphabet of what goes wrong: escapes, multi-byte
    // characters, and bytes that are not UTF-8, at every alignment.
    const std::vector<std::string> pieces = {
        "a",       "Z",    " ",        "\"",           "\\",           "\n",
        "\t",      "\x01", "\x7f",     "\xc3\xa9",     "\xe6\xbc\xa2", "\xf0\x9f\x98\x80",
        "\xff",    "\xc3", "\xe6\xbc", "\xed\xa0\x80", "\xc0\xaf",     "/",
        "12345678"};
    std::mt19937 rng(20261124);
    for (int round = 0; round < 5000; ++round) {
      std::string s;
      std::size_t n = rng() % 24;
      for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
      INFO("text: ", dumped(Json::binary({s.begin(), s.end()})));
      CHECK(written(s) == dumped(Json(s)));
    }
  }

  TEST_CASE("numbers are written as nlohmann::json dumps them") {
    for (std::int64_t n :
         {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, INT64_MIN, INT64_MAX}) {
      std::string out;
      format::append_json_int(out, n);
      CHECK(out == dumped(Json(n)));
    }
    for (double d : {0.0, 1.0, -2.5, 0.1, 1e300, 123456789.125}) {
      std::string out;
      format::append_json_double(out, d);
      CHECK(out == dumped(Json(d)));
    }
  }

  TEST_CASE("IsoWriter writes what format_iso writes, in any order") {
    for (const char* name :
         {"UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"}) {
      Zone zone = std::string_view(name) == "UTC" ? Zone::utc() : Zone::named(name);
      IsoWriter iso(zone);
      std::mt19937_64 rng(7);
      std::vector<std::int64_t> times;
      // Either side of every change of offset in 2026 (every 15 minutes),
      // local mean time before 1847, years 1 and 9999, and random times.
      for (std::int64_t t = 1'767'225'600; t < 1'798'761'600; t += 900) times.push_back(t);
      for (std::int64_t t : {std::int64_t{-30'000'000'000}, std::int64_t{-62'135'596'800},
                             std::int64_t{253'402'300'799}, std::int64_t{0}})
        times.push_back(t);
      for (int i = 0; i < 2000; ++i)
        times.push_back(static_cast<std::int64_t>(rng() % 8'000'000'000ULL) - 4'000'000'000);
      for (std::int64_t t : times) {
        char buf[kIsoMax];
        std::string got(buf, iso.write(buf, from_unix(t)));
        REQUIRE_MESSAGE(got == format_iso(from_unix(t), zone), name, " at ", t);
      }
    }
  }

  TEST_CASE("events of every shape are written as event_json dumps them") {
    Zone zone = Zone::named("Europe/London");
    bulk::ExportWriter writer(zone);
    const std::vector<std::string> datas = {
        // desk's own shapes
        R"({})",
        R"({"changes":{"status":["new","assigned"],"tier":[null,1],"tags":[[],["vpn","é"]]}})",
        R"({"text":"line one\nline \"two\"","channel":"email"})",
        R"({"changes":{"resolution_code":[null,"fixed"]},"text":"done","reason":"x"})",
        R"({"link":"duplicates","to":12,"nested":{"a":[1,2.5,true,null,{"b":"c"}],"d":-3}})",
        R"({"score":5,"resolution":1,"big":18446744073709551615,"text":""})",
        // times among the changes: numbers become ISO text, anything else null
        R"({"changes":{"resolved_at":[null,1790000000],"closed_at":["soon",1e3]}})",
        R"({"changes":{"created_at":[-30000000000,18446744073709551615]}})",
        // shapes desk does not write, which the exact slow path takes
        R"({"changes":[1,2]})",
        R"({"changes":{"status":["a"],"team":["x","y"]}})",
        R"({"text":5})",
        R"({"id":99,"kind":"other"})",
        R"({"reason":"a","reason":"b"})",
        R"({"changes":{"status":["a","b"],"status":["c","d"]}})",
        R"({"x":{"k":1,"k":2}})",
        R"(not json)",
        R"([1,2])",
        R"({"text":"ok",)",
    };
    std::vector<store::StoredEvent> events;
    for (const auto& d : datas) {
      events.push_back(stored(d));
      std::string out;
      writer.events(out, std::span(&events.back(), 1));
      Json reference = Json::array({model::event_json(store::decode(events.back()), zone)});
      CHECK_MESSAGE(out == dumped(reference), d);
    }
    std::string all;
    writer.events(all, events);
    Json reference = Json::array();
    for (const auto& e : events) reference.push_back(model::event_json(store::decode(e), zone));
    CHECK(all == dumped(reference));
  }

  TEST_CASE("a ticket with its history is one line: ticket_json with its events") {
    TestDesk d("export.db");
    auto s = d.session();
    {
      store::WriteTransaction tx(*d.store);
      tickets::LogRequest r;
      r.title = "Printer \"P2\" jams\tagain";
      r.customer = "Ève Béranger <eve@example.org>";
      r.description = "Line one\nline two \\ \x01 end";
      r.tags = {"printer", "floor-2"};
      r.external_id = "RT-1";
      std::int64_t id = tickets::log_ticket(s, r).ticket.id;
      tickets::NoteRequest n;
      n.text = "Called back: «ok» 漢字 😀";
      tickets::add_note(s, id, n);
      tickets::ResolveRequest rr;
      rr.code = "fixed";
      rr.resolution = "Replaced the roller";
      tickets::resolve(s, id, rr);
      tickets::LogRequest bare;
      bare.title = "No customer";
      tickets::log_ticket(s, bare);
      tx.commit();
    }
    for (Zone zone : {Zone::utc(), Zone::named("America/New_York")}) {
      bulk::ExportWriter writer(zone);
      int seen = 0;
      d.store->each_ticket_with_stored_events(
          {}, [&](model::Ticket& t, std::span<store::StoredEvent> events) {
            std::string line;
            writer.line(line, t, events);
            CHECK(line == reference_line(t, events, zone));
            ++seen;
            return true;
          });
      CHECK(seen == 2);
    }
  }

  TEST_CASE("read_ahead gives what the store gives, stops when asked, and passes errors on") {
    TestDesk d("ahead.db");
    auto s = d.session();
    {
      store::WriteTransaction tx(*d.store);
      for (int i = 0; i < 1500; ++i) {  // three batches of the reading thread, and a part
        tickets::LogRequest r;
        r.title = "ticket " + std::to_string(i);
        std::int64_t id = tickets::log_ticket(s, r).ticket.id;
        for (int n = 0; n < i % 4; ++n) {
          tickets::NoteRequest note;
          note.text = "note " + std::to_string(n);
          tickets::add_note(s, id, note);
        }
      }
      tx.commit();
    }
    auto trace = [](std::vector<std::string>& out) {
      return [&out](const model::Ticket& t, std::span<const store::StoredEvent> events) {
        std::string line = std::to_string(t.id) + ":" + t.title;
        for (const auto& e : events) line += "," + std::to_string(e.id) + e.kind + e.data;
        out.push_back(line);
        return true;
      };
    };
    std::vector<std::string> direct, ahead;
    d.store->each_ticket_with_stored_events({}, trace(direct));
    bulk::read_ahead(*d.store, {}, trace(ahead));
    CHECK(direct.size() == 1500);
    CHECK(ahead == direct);

    int calls = 0;
    bulk::read_ahead(*d.store, {}, [&](const model::Ticket&, auto) { return ++calls < 700; });
    CHECK(calls == 700);

    calls = 0;
    CHECK_THROWS_WITH_AS(bulk::read_ahead(*d.store, {},
                                          [&](const model::Ticket&, auto) -> bool {
                                            if (++calls == 600) throw DataError("stop here");
                                            return true;
                                          }),
                         "stop here", DataError);
    CHECK(calls == 600);
  }
}
