// ScratchStore: an in-memory Store holding the one ticket whose story is
// being told. The generator runs desk's own use cases (log_ticket, allocate,
// escalate, resolve, ...) against it, so every event has exactly the kind,
// changes and extra fields the real commands write; the events are then
// written to the real store in bulk.
#pragma once

#include <functional>
#include <map>
#include <vector>

#include "desk/store/store.hpp"

namespace bench {

using desk::model::Event;
using desk::model::Ticket;

class ScratchStore final : public desk::store::Store {
 public:
  // Starts the story of ticket `id` (ids are given out by the generator).
  void start(std::int64_t id);
  const Ticket& current() const { return ticket_; }
  const std::vector<Event>& events() const { return events_; }
  const std::vector<desk::model::Link>& links() const { return links_; }
  const std::map<std::string, std::string>& cursors() const { return cursors_; }
  // How many open tickets a technician has, as `desk allocate --auto` would
  // count them: the generator supplies a plausible figure.
  std::function<std::int64_t(const std::string&)> open_load;

  void begin_write() override {}
  void commit() override {}
  void rollback() noexcept override {}

  std::optional<Ticket> find_ticket(std::int64_t id) override;
  std::optional<std::int64_t> find_ticket_id_by_external(std::string_view) override {
    return std::nullopt;
  }
  std::int64_t insert_ticket(const Ticket& t) override;
  void update_ticket(const Ticket& t) override { ticket_ = t; }
  void each_ticket(const desk::model::Query& q, const desk::store::Ordering& order,
                   const std::function<bool(const Ticket&)>& row) override;
  std::int64_t count_tickets(const desk::model::Query& q) override;

  std::int64_t append_event(const Event& e) override;
  // No audit chain here: the real store chains when the events are copied.
  std::int64_t append_prepared(const Event& e, const desk::store::PreparedEvent&) override {
    return append_event(e);
  }
  std::vector<Event> ticket_events(std::int64_t) override { return events_; }
  std::int64_t last_event_id() override { return event_ids_; }
  void each_ticket_with_events(
      const desk::model::Query&,
      const std::function<bool(const Ticket&, const std::vector<Event>&)>& row) override {
    row(ticket_, events_);
  }
  void each_ticket_with_stored_events(
      const desk::model::Query&,
      const std::function<bool(Ticket&, std::span<desk::store::StoredEvent>)>& row) override {
    std::vector<desk::store::StoredEvent> stored;
    for (const auto& e : events_) stored.push_back(desk::store::encode(e));
    Ticket copy = ticket_;
    row(copy, stored);
  }
  void defer_references() override {}
  std::vector<desk::store::Problem> check_integrity(bool) override { return {}; }
  std::vector<desk::store::Problem> check_references() override { return {}; }

  bool add_link(const desk::model::Link& link) override;
  std::vector<desk::model::Link> links_of(std::int64_t) override { return links_; }

  std::optional<std::string> round_robin_cursor(std::string_view team) override;
  void set_round_robin_cursor(std::string_view team, std::string_view assignee) override;

  std::optional<desk::model::Customer> find_customer(std::string_view key) override;
  std::optional<desk::model::Customer> customer(std::int64_t id) override;
  std::int64_t insert_customer(const desk::model::Customer& c) override;

  const std::filesystem::path& path() const override { return path_; }

 private:
  std::int64_t id_ = 0;
  Ticket ticket_;
  std::vector<Event> events_;
  std::vector<desk::model::Link> links_;
  std::map<std::string, std::string> cursors_;
  std::int64_t event_ids_ = 0;
  std::filesystem::path path_ = "(scratch)";
};

}  // namespace bench
