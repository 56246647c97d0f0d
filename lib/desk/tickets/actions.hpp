// The use cases that change tickets. Each runs inside the caller's
// WriteTransaction, validates everything before it writes, and returns the
// events it recorded (cmd/ renders them and runs hooks after the commit).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::tickets {

using model::Event;
using model::Ticket;

struct LogRequest {
  std::string title;
  std::optional<std::string> type;  // default: the first configured type
  std::string customer;             // id, email or name; created when unknown
  std::string channel;
  std::string category;
  std::string service;
  std::optional<std::string> impact;
  std::optional<std::string> urgency;
  std::optional<std::string> priority;
  std::vector<std::string> tags;
  std::string description;
  std::string external_id;
  std::optional<Instant> at;
  model::Json extra = model::Json::object();  // more for the logged event (the mail it came in)
};

struct Logged {
  Ticket ticket;
  Event event;
  bool new_customer = false;
};

Logged log_ticket(work::Session& s, const LogRequest& r);

struct NoteRequest {
  std::string text;
  bool reply = false;   // a response to the customer (counts as first response)
  std::string channel;  // how it was said
  std::optional<Instant> at;
};

Event add_note(work::Session& s, std::int64_t id, const NoteRequest& r);

struct EditRequest {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> type;
  std::optional<std::string> priority;
  std::optional<std::string> impact;
  std::optional<std::string> urgency;
  std::optional<std::string> customer;
  std::optional<std::string> channel;
  std::optional<std::string> category;
  std::optional<std::string> service;
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
  std::string reason;  // required when the priority changes
  std::optional<Instant> at;

  bool empty() const {
    return !title && !description && !type && !priority && !impact && !urgency && !customer &&
           !channel && !category && !service && add_tags.empty() && remove_tags.empty();
  }
};

// nullopt when every value given is already the ticket's.
std::optional<Event> edit_ticket(work::Session& s, std::int64_t id, const EditRequest& r);

// The customer a ticket is for, by id, email or name; created (by email when
// `key` has an '@', else by name) when `create` and none matches.
// Returns 0 for an empty key.
std::int64_t resolve_customer(work::Session& s, const std::string& key, bool create,
                              bool* created = nullptr);

}  // namespace desk::tickets
