// The service catalogue, customers and satisfaction ratings: their part of
// the store, reached through Store::catalog(), Store::customers() and
// Store::ratings(). Domain words, no SQL; writes happen inside the caller's
// store::WriteTransaction.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/customer.hpp"
#include "desk/model/service.hpp"
#include "desk/model/ticket.hpp"

namespace desk::store {

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  virtual std::optional<model::Service> find_service(std::string_view name) = 0;
  // By name; retired ones too when asked.
  virtual std::vector<model::Service> services(bool with_retired) = 0;
  virtual std::int64_t insert_service(const model::Service& s) = 0;
  virtual void update_service(const model::Service& s) = 0;

  // A ticket's checklist.
  virtual std::vector<model::ChecklistStep> ticket_steps(std::int64_t ticket_id) = 0;
  virtual void add_ticket_steps(std::int64_t ticket_id, const std::vector<std::string>& steps) = 0;
  virtual void mark_step(std::int64_t ticket_id, int step, Instant at, const std::string& by) = 0;

  // When each service was last asked for (its newest ticket's creation).
  virtual std::map<std::string, Instant> last_requested() = 0;
  // Tickets logged since `since` per category ("" for none).
  virtual std::map<std::string, std::int64_t> tickets_by_category(Instant since) = 0;
};

class CustomerStore {
 public:
  virtual ~CustomerStore() = default;

  // Every customer whose name, email or organisation contains `words` (all
  // customers for none), by id.
  virtual std::vector<model::Customer> list(const std::string& words) = 0;
  virtual void update(const model::Customer& c) = 0;
  virtual void remove(std::int64_t id) = 0;
  // The ids of a customer's tickets, oldest first.
  virtual std::vector<std::int64_t> tickets_of(std::int64_t customer_id) = 0;
  // Customers not yet erased, with no open ticket, and no activity (their
  // record or any of their tickets) since `before`.
  virtual std::vector<std::int64_t> quiet_since(Instant before) = 0;
};

class RatingStore {
 public:
  virtual ~RatingStore() = default;

  virtual std::int64_t insert(const model::Rating& r) = 0;
  virtual std::vector<model::Rating> of_ticket(std::int64_t ticket_id) = 0;
  // Ratings given in [since, until), each with its ticket, oldest first.
  virtual void each_between(
      Instant since, Instant until,
      const std::function<void(const model::Rating&, const model::Ticket&)>& row) = 0;
  // Erasure: replaces the comments on a ticket's ratings with the marker.
  virtual void erase_comments(std::int64_t ticket_id) = 0;
};

}  // namespace desk::store
