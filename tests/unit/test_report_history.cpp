// A ticket's state at an instant, from its timeline marks.
#include <doctest/doctest.h>

#include "desk/report/history.hpp"

using namespace desk;
using model::Mark;

namespace {
Instant at(const char* text) {
  return parse_time(text, Instant{}, Zone::utc());
}

Mark mark(const char* kind, const char* when, std::optional<std::string> status = std::nullopt,
          std::optional<std::string> team = std::nullopt,
          std::optional<std::string> assignee = std::nullopt) {
  Mark m;
  m.kind = *util::parse<model::EventKind>(kind);
  m.at = at(when);
  if (status) m.status = *util::parse<model::Status>(*status);
  m.team = std::move(team);
  m.assignee = std::move(assignee);
  return m;
}

// Logged Mon 09:00; alice Mon 10:00; reply 10:30; bob 11:00; escalated to
// second-line (nobody) 12:00; erin 13:00; resolved 14:00; reopened Tue 09:00;
// resolved Tue 10:00; closed Wed 10:00.
std::vector<Mark> story() {
  return {mark("logged", "2026-11-23T09:00:00Z", "new"),
          mark("allocated", "2026-11-23T10:00:00Z", "assigned", "service-desk", "alice"),
          mark("reply", "2026-11-23T10:30:00Z"),
          mark("allocated", "2026-11-23T11:00:00Z", std::nullopt, std::nullopt, "bob"),
          mark("escalated", "2026-11-23T12:00:00Z", "new", "second-line", ""),
          mark("allocated", "2026-11-23T13:00:00Z", "assigned", std::nullopt, "erin"),
          mark("resolved", "2026-11-23T14:00:00Z", "resolved"),
          mark("reopened", "2026-11-24T09:00:00Z", "assigned"),
          mark("resolved", "2026-11-24T10:00:00Z", "resolved"),
          mark("closed", "2026-11-25T10:00:00Z", "closed")};
}
}  // namespace

TEST_SUITE("report/history") {
  TEST_CASE("before it was logged there is nothing") {
    model::Ticket t;
    auto h = report::history_at(t, story(), at("2026-11-23T08:59:59Z"));
    CHECK_FALSE(h.logged);
    CHECK_FALSE(h.open());
    CHECK(report::status_at(t, story(), at("2026-11-23T08:59:59Z")) == std::nullopt);
  }

  TEST_CASE("the state at each step, events after the instant ignored") {
    model::Ticket t;
    auto marks = story();
    auto h = report::history_at(t, marks, at("2026-11-23T12:30:00Z"));
    CHECK(h.logged);
    CHECK(h.open());
    CHECK(h.status == model::Status::new_);
    CHECK(h.status_since == at("2026-11-23T12:00:00Z"));
    CHECK(h.team == "second-line");
    CHECK(h.assignee == "");
    CHECK(h.escalations == 1);
    CHECK(h.technicians == std::vector<std::string>{"alice", "bob"});
    CHECK(h.first_reply == at("2026-11-23T10:30:00Z"));
    CHECK_FALSE(h.first_resolved);

    h = report::history_at(t, marks, at("2026-11-23T14:00:00Z"));  // the instant counts
    CHECK(h.status == model::Status::resolved);
    CHECK(h.resolved == at("2026-11-23T14:00:00Z"));
    CHECK(h.technicians.size() == 3);

    h = report::history_at(t, marks, at("2026-11-24T09:30:00Z"));
    CHECK(h.open());
    CHECK(h.reopens == 1);
    CHECK_FALSE(h.resolved);
    CHECK(h.first_resolved == at("2026-11-23T14:00:00Z"));

    h = report::history_at(t, marks, at("2026-11-30T00:00:00Z"));
    CHECK(h.status == model::Status::closed);
    CHECK(h.resolved == at("2026-11-24T10:00:00Z"));
    CHECK(h.closed == at("2026-11-25T10:00:00Z"));
    CHECK(report::status_at(t, marks, at("2026-11-24T09:59:59Z")) == model::Status::assigned);
    CHECK(report::marks_until(marks, at("2026-11-23T11:00:00Z")) == 4);
  }

  TEST_CASE("the ticket as it stood, and a row without a timeline taken as it is") {
    model::Ticket t;
    t.id = 7;
    t.status = model::Status::closed;
    t.team = "second-line";
    t.assignee = "erin";
    t.resolved_at = at("2026-11-24T10:00:00Z");
    t.closed_at = at("2026-11-25T10:00:00Z");
    t.created_at = at("2026-11-23T09:00:00Z");
    auto then = report::ticket_at(t, report::history_at(t, story(), at("2026-11-23T11:30:00Z")));
    CHECK(then.status == model::Status::assigned);
    CHECK(then.team == "service-desk");
    CHECK(then.assignee == "bob");
    CHECK_FALSE(then.resolved_at);
    CHECK_FALSE(then.closed_at);
    CHECK(then.first_response_at == at("2026-11-23T10:30:00Z"));
    auto bare = report::history_at(t, {}, at("2026-11-30T00:00:00Z"));
    CHECK(bare.logged);
    CHECK(bare.status == model::Status::closed);
    CHECK(bare.assignee == "erin");
    CHECK_FALSE(report::history_at(t, {}, at("2026-11-22T00:00:00Z")).logged);
  }

  TEST_CASE("a reused History, and set_history in place, give what fresh values give") {
    model::Ticket t;
    t.id = 7;
    t.status = model::Status::closed;
    t.created_at = at("2026-11-23T09:00:00Z");
    model::Ticket other;
    other.id = 8;
    other.status = model::Status::new_;
    other.title = "a title long enough to live on the heap";
    other.created_at = at("2026-11-23T09:00:00Z");
    report::History h;
    // A full history first, so that the reused value holds something.
    report::history_at(t, story(), at("2026-11-30T00:00:00Z"), h);
    for (const char* when : {"2026-11-23T08:00:00Z", "2026-11-23T11:30:00Z", "2026-11-24T09:30:00Z",
                             "2026-11-30T00:00:00Z"}) {
      report::history_at(other, story(), at(when), h);
      auto fresh = report::history_at(other, story(), at(when));
      CHECK(h.logged == fresh.logged);
      CHECK(h.status == fresh.status);
      CHECK(h.team == fresh.team);
      CHECK(h.assignee == fresh.assignee);
      CHECK(h.escalations == fresh.escalations);
      CHECK(h.reopens == fresh.reopens);
      CHECK(h.first_reply == fresh.first_reply);
      CHECK(h.resolved == fresh.resolved);
      CHECK(h.closed == fresh.closed);
      CHECK(h.technicians == fresh.technicians);
      model::Ticket out = other;
      report::set_history(out, h);  // in place, as reports do
      auto expected = report::ticket_at(other, fresh);
      CHECK(out.id == 8);
      CHECK(out.title == expected.title);
      CHECK(out.status == expected.status);
      CHECK(out.assignee == expected.assignee);
      CHECK(out.resolved_at == expected.resolved_at);
      CHECK(out.closed_at == expected.closed_at);
    }
    report::history_at(t, {}, at("2026-11-30T00:00:00Z"), h);  // a row without a timeline
    CHECK(h.technicians.empty());
    CHECK(h.status == model::Status::closed);
  }
}
