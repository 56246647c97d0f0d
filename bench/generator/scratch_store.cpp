#include "scratch_store.hpp"

#include <charconv>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"

namespace bench {

void ScratchStore::start(std::int64_t id) {
  id_ = id;
  ticket_ = Ticket{};
  events_.clear();
  links_.clear();
}

std::optional<Ticket> ScratchStore::find_ticket(std::int64_t id) {
  if (id == id_ && ticket_.id == id) return ticket_;
  // An earlier ticket (a duplicate's original): it exists, its details do
  // not matter to the story being told.
  if (id > 0 && id < id_) {
    Ticket other;
    other.id = id;
    other.status = "resolved";
    return other;
  }
  return std::nullopt;
}

std::int64_t ScratchStore::insert_ticket(const Ticket& t) {
  ticket_ = t;
  ticket_.id = id_;
  return id_;
}

void ScratchStore::each_ticket(const desk::model::Query&, const desk::store::Ordering&,
                               const std::function<bool(const Ticket&)>& row) {
  // Only `desk allocate --auto` asks, for the unallocated open tickets: the
  // story's ticket, when it is one of them.
  if (ticket_.id == id_ && ticket_.assignee.empty() && desk::model::is_open_status(ticket_.status))
    row(ticket_);
}

std::int64_t ScratchStore::count_tickets(const desk::model::Query& q) {
  if (q.assignees.size() == 1 && open_load) return open_load(q.assignees.front());
  return 0;
}

std::int64_t ScratchStore::append_event(const Event& e) {
  events_.push_back(e);
  events_.back().id = ++event_ids_;
  return events_.back().id;
}

bool ScratchStore::add_link(const desk::model::Link& link) {
  for (const auto& l : links_)
    if (l.other_id == link.other_id && l.kind == link.kind) return false;
  links_.push_back(link);
  return true;
}

std::optional<std::string> ScratchStore::round_robin_cursor(std::string_view team) {
  auto it = cursors_.find(std::string(team));
  if (it == cursors_.end()) return std::nullopt;
  return it->second;
}

void ScratchStore::set_round_robin_cursor(std::string_view team, std::string_view assignee) {
  cursors_[std::string(team)] = std::string(assignee);
}

std::optional<desk::model::Customer> ScratchStore::find_customer(std::string_view key) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc() || end != key.data() + key.size()) return std::nullopt;
  return customer(id);
}

std::optional<desk::model::Customer> ScratchStore::customer(std::int64_t id) {
  // The generator names customers by the ids it wrote them under.
  desk::model::Customer c;
  c.id = id;
  return c;
}

std::int64_t ScratchStore::insert_customer(const desk::model::Customer&) {
  throw desk::Error(desk::Exit::software, "the generator adds customers before the tickets");
}

}  // namespace bench
