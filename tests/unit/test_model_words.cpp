// Closed vocabularies: a status or an event's kind is an enum inside desk and its name only at
// the edges (store, JSON, messages), and a word desk does not know is an
// error, never a default.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/event_data.hpp"
#include "desk/store/store.hpp"
#include "desk/store/words.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/work/validate.hpp"

using namespace desk;
using model::Status;

TEST_SUITE("model/words") {
  TEST_CASE("every status has its name, in lifecycle order, and parses back") {
    CHECK(util::names<Status>() == std::vector<std::string>{"new", "assigned", "in-progress",
                                                            "pending", "resolved", "closed"});
    for (Status s : util::all<Status>()) CHECK(util::parse<Status>(util::name(s)) == s);
    CHECK(util::name(Status::in_progress) == "in-progress");
  }

  TEST_CASE("an unknown or differently spelt word parses to nothing") {
    CHECK_FALSE(util::parse<Status>("in_progress"));
    CHECK_FALSE(util::parse<Status>("Resolved"));
    CHECK_FALSE(util::parse<Status>(""));
    CHECK_FALSE(util::parse<Status>("open"));  // a filter, not a status
  }

  TEST_CASE("open statuses are the ones before resolved") {
    std::vector<Status> open;
    for (Status s : util::all<Status>())
      if (model::is_open(s)) open.push_back(s);
    CHECK(open == std::vector<Status>(model::kOpenStatuses.begin(), model::kOpenStatuses.end()));
    CHECK(open.size() == 4);
  }

  TEST_CASE("fmt and JSON write the name, and JSON refuses an unknown one") {
    CHECK(fmt::format("[{}]", Status::pending) == "[pending]");
    model::Json j = Status::closed;
    CHECK(j == "closed");
    CHECK(model::Json("assigned").get<Status>() == Status::assigned);
    CHECK_THROWS(model::Json("shelved").get<Status>());
  }

  TEST_CASE("require_word names what is allowed and the nearest word") {
    CHECK(work::require_word<Status>("status", "pending") == Status::pending);
    try {
      work::require_word<Status>("status", "resovled");
      FAIL("accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()) == "unknown status 'resovled'");
      CHECK(e.hint().find("did you mean 'resolved'?") == 0);
    }
  }

  TEST_CASE("a history with a status desk never writes is refused on replay") {
    model::Ticket t;
    model::set_field(t, "status", "pending");
    CHECK(t.status == Status::pending);
    CHECK(model::get_field(t, "status") == "pending");
    CHECK_THROWS_AS(model::set_field(t, "status", "shelved"), DataError);
    CHECK_THROWS_AS(model::set_field(t, "status", nullptr), DataError);
    CHECK(t.status == Status::pending);
  }

  TEST_CASE("the store's status column is desk's own: anything else is damage") {
    CHECK(store::stored_word<model::Status>("in-progress") == Status::in_progress);
    CHECK_THROWS_AS(store::stored_word<model::Status>("In-Progress"), StoreCorrupt);
    CHECK_THROWS_AS(store::stored_word<model::Status>(""), StoreCorrupt);
  }

  TEST_CASE(
      "a pending reason is set while pending, cleared by null or the empty text of old histories") {
    using model::PendingReason;
    CHECK(util::names<PendingReason>() ==
          std::vector<std::string>{"customer", "supplier", "change"});
    model::Ticket t;
    CHECK(model::get_field(t, "pending_reason").is_null());
    model::set_field(t, "pending_reason", "supplier");
    CHECK(t.pending_reason == PendingReason::supplier);
    CHECK(model::get_field(t, "pending_reason") == "supplier");
    model::set_field(t, "pending_reason", nullptr);
    CHECK_FALSE(t.pending_reason);
    model::set_field(t, "pending_reason", "change");
    model::set_field(t, "pending_reason", "");
    CHECK_FALSE(t.pending_reason);
    CHECK_THROWS_WITH_AS(model::set_field(t, "pending_reason", "weather"),
                         "unknown pending reason \"weather\" in a ticket's history", DataError);
    CHECK(store::stored_optional_word<PendingReason>("") == std::nullopt);
    CHECK(store::stored_optional_word<PendingReason>("customer") == PendingReason::customer);
    CHECK(store::stored_name(std::optional<PendingReason>()) == "");
    CHECK(store::stored_name(std::optional(PendingReason::change)) == "change");
    CHECK_THROWS_WITH_AS(store::stored_optional_word<PendingReason>("Customer"),
                         "a ticket has the unknown pending reason 'Customer'", StoreCorrupt);
  }

  TEST_CASE("event kinds: a ticket's first, the desk's own after, each stored by its name") {
    using model::EventKind;
    CHECK(util::word_count<EventKind>() == 28);
    CHECK(model::is_ticket_event(EventKind::worked));
    for (EventKind k : util::all<EventKind>()) {
      CHECK(util::parse<EventKind>(util::name(k)) == k);
      CHECK(store::stored_word<model::EventKind>(util::name(k)) == k);
    }
    CHECK(util::name(EventKind::hook_failed) == "hook-failed");
    CHECK(util::name(EventKind::customer_merged) == "customer-merged");
    CHECK(model::is_ticket_event(EventKind::delivery_failed));
    CHECK_FALSE(model::is_ticket_event(EventKind::service_added));
    CHECK_FALSE(model::is_ticket_event(EventKind::purged));
    CHECK_THROWS_WITH_AS(store::stored_word<model::EventKind>("hook_failed"),
                         "an event has the unknown kind 'hook_failed'", StoreCorrupt);
    model::Event e;
    e.kind = EventKind::delivery_failed;
    CHECK(store::encode(e).kind == "delivery-failed");
    CHECK(store::record_of(e).kind == "delivery-failed");
  }

  TEST_CASE("who owns a ticket decides between new and assigned, except while pending") {
    model::Ticket t;
    CHECK(tickets::owned_status(t, "alice") == Status::assigned);
    CHECK(tickets::owned_status(t, "") == Status::new_);
    t.status = Status::in_progress;
    CHECK(tickets::owned_status(t, "bob") == Status::assigned);
    t.status = Status::pending;
    CHECK(tickets::owned_status(t, "") == Status::pending);
    CHECK(tickets::owned_status(t, "bob") == Status::pending);
  }

  TEST_CASE("each status allows the lifecycle's steps and closed none") {
    using tickets::Step;
    CHECK(tickets::next_steps(Status::resolved) == std::vector<Step>{Step::close, Step::reopen});
    CHECK(tickets::next_steps(Status::closed).empty());
    model::Ticket t;
    t.id = 7;
    t.status = Status::closed;
    try {
      tickets::require_step(t, Step::reopen);
      FAIL("accepted");
    } catch (const Refused& e) {
      CHECK(std::string(e.what()) == "ticket 7 is closed; it cannot be reopened");
      CHECK(e.hint() == "a closed ticket is final");
    }
  }
}
