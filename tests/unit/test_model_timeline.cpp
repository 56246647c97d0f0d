// The marks apply() keeps in a ticket's row, written and read back: the one
// encoding service levels and reports both read.
#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/model/timeline.hpp"

using namespace desk;
using model::Event;
using model::Mark;

namespace {
Event event(const char* kind, std::int64_t unix_time) {
  Event e;
  e.kind = *util::parse<model::EventKind>(kind);
  e.at = from_unix(unix_time);
  return e;
}
}  // namespace

TEST_SUITE("model/timeline") {
  TEST_CASE("every kind reports read is kept, in order, with what changed") {
    std::string timeline;
    Event logged = event("logged", 1000);
    logged.changes.push_back({"status", nullptr, "new"});
    logged.changes.push_back({"team", nullptr, "service-desk"});
    model::append_mark(timeline, logged);
    Event allocated = event("allocated", 2000);
    allocated.changes.push_back({"assignee", nullptr, "alice"});
    model::append_mark(timeline, allocated);
    model::append_mark(timeline, event("note", 2500));  // not a mark
    model::append_mark(timeline, event("reply", 3000));
    Event escalated = event("escalated", 4000);
    escalated.changes.push_back({"team", "service-desk", "infrastructure"});
    escalated.changes.push_back({"assignee", "alice", nullptr});
    escalated.extra["rule"] = "p1-unanswered";
    model::append_mark(timeline, escalated);
    Event resolved = event("resolved", 5000);
    resolved.changes.push_back({"status", "open", "resolved"});
    model::append_mark(timeline, resolved);
    Event reopened = event("reopened", -60);  // before 1970: the sign survives
    reopened.changes.push_back({"status", "resolved", "open"});
    model::append_mark(timeline, reopened);

    std::vector<Mark> marks = model::read_marks(timeline);
    REQUIRE(marks.size() == 6);
    CHECK(marks[0].kind == model::EventKind::logged);
    CHECK(to_unix(marks[0].at) == 1000);
    CHECK(marks[0].status == model::Status::new_);
    CHECK(marks[0].team == "service-desk");
    CHECK_FALSE(marks[0].assignee.has_value());
    CHECK(marks[1].kind == model::EventKind::allocated);
    CHECK(marks[1].assignee == "alice");
    CHECK_FALSE(marks[1].status.has_value());
    CHECK(marks[2].kind == model::EventKind::reply);
    CHECK(to_unix(marks[2].at) == 3000);
    CHECK(marks[3].kind == model::EventKind::escalated);
    CHECK(marks[3].team == "infrastructure");
    CHECK(marks[3].assignee == std::string());  // cleared, not unchanged
    CHECK(marks[3].rule == "p1-unanswered");
    CHECK(marks[4].status == model::Status::resolved);
    CHECK(marks[5].kind == model::EventKind::reopened);
    CHECK(to_unix(marks[5].at) == -60);
  }

  TEST_CASE("reading into a vector replaces all it held") {
    std::string one;
    Event e = event("status", 7000);
    e.changes.push_back({"status", "new", "pending"});
    model::append_mark(one, e);
    std::vector<Mark> out(3);
    out[0].team = "old";
    out[0].assignee = "bob";
    out[0].rule = "stale";
    out[0].worked = 60;
    out[0].actor = "carol";
    model::read_marks(one, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == model::EventKind::status);
    CHECK(out[0].status == model::Status::pending);
    CHECK_FALSE(out[0].team.has_value());
    CHECK_FALSE(out[0].assignee.has_value());
    CHECK(out[0].rule.empty());
    CHECK(out[0].worked == 0);
    CHECK(out[0].actor.empty());
    model::read_marks("", out);
    CHECK(out.empty());
  }

  TEST_CASE("an event that records time worked is kept whatever its kind, with who worked it") {
    std::string timeline;
    Event logged = event("logged", 1000);
    logged.changes.push_back({"status", nullptr, "new"});
    model::append_mark(timeline, logged);
    Event note = event("note", 1500);
    note.actor = "alice";
    note.extra[Event::kWorkedKey] = 1500;
    model::append_mark(timeline, note);
    Event correction = event("worked", 1600);
    correction.actor = std::string(
        "b\x1f"
        "o\x1e"
        "b");  // separators an import could bring
    correction.extra[Event::kWorkedKey] = -300;
    model::append_mark(timeline, correction);
    Event resolved = event("resolved", 2000);
    resolved.actor = "alice";
    resolved.changes.push_back({"status", "new", "resolved"});
    resolved.extra[Event::kWorkedKey] = 600;
    model::append_mark(timeline, resolved);
    model::append_mark(timeline, event("note", 2100));  // no time: no mark

    std::vector<Mark> marks = model::read_marks(timeline);
    REQUIRE(marks.size() == 4);
    CHECK(marks[0].worked == 0);
    CHECK(marks[0].actor.empty());
    CHECK(marks[1].kind == model::EventKind::note);
    CHECK_FALSE(marks[1].status.has_value());
    CHECK(marks[1].worked == 1500);
    CHECK(marks[1].actor == "alice");
    CHECK(marks[2].kind == model::EventKind::worked);
    CHECK(marks[2].worked == -300);
    CHECK(marks[2].actor == "bob");
    CHECK(marks[3].status == model::Status::resolved);
    CHECK(marks[3].worked == 600);
    CHECK(to_unix(marks[3].at) == 2000);
  }

  TEST_CASE("separators anywhere in an eight-byte word, long names, stray controls") {
    // The decoder tests eight bytes at a time: names longer than a word,
    // separators at every offset (every kind, and times padded with zeros),
    // a tab inside a name (kept), more than six fields (the rest ignored).
    std::string long_team(37, 't');
    for (auto kind : util::all<model::EventKind>()) {
      for (std::size_t pad = 0; pad < 8; ++pad) {
        std::string timeline = std::string(util::name(kind)) + "\x1f" + std::string(pad, '0') +
                               "1700000000\x1f\x1f=" + long_team +
                               "\x1f=a\tb\x1frule\x1f"
                               "extra\x1estatus\x1f-5\x1fpending";
        std::vector<Mark> marks = model::read_marks(timeline);
        REQUIRE(marks.size() == 2);
        CHECK(marks[0].kind == kind);
        CHECK(to_unix(marks[0].at) == 1700000000);
        CHECK_FALSE(marks[0].status.has_value());
        CHECK(marks[0].team == long_team);
        CHECK(marks[0].assignee == "a\tb");
        CHECK(marks[0].rule == "rule");
        CHECK(marks[1].kind == model::EventKind::status);
        CHECK(to_unix(marks[1].at) == -5);
        CHECK(marks[1].status == model::Status::pending);
      }
    }
    CHECK(model::read_marks("logged\x1f"
                            "12\x1e")
              .size() == 1);  // a trailing separator
    CHECK(to_unix(model::read_marks("logged\x1f"
                                    "12x")
                      .front()
                      .at) == 0);  // not a time
  }

  TEST_CASE("a kind desk never writes is a corrupt store, not a guess") {
    // Only desk writes the timeline: an unknown or empty kind means the
    // row was damaged, and reading on would count it as nothing.
    CHECK_THROWS_WITH_AS(model::read_marks("replyy\x1f"
                                           "12"),
                         "a ticket's timeline has the unknown kind 'replyy'", StoreCorrupt);
    CHECK_THROWS_AS(model::read_marks("logged\x1f"
                                      "1\x1e\x1estatus\x1f"
                                      "2"),
                    StoreCorrupt);
  }
}
