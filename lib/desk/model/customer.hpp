// A customer: the person a ticket is for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desk/core/time.hpp"

namespace desk::model {

// The marker that replaces erased text, wherever it was.
inline constexpr const char* kErased = "(erased)";

struct Customer {
  std::int64_t id = 0;
  std::string name;
  std::string email;  // unique when present (any case)
  std::string organisation;
  std::string phone;
  std::string tier;  // e.g. "vip": may select its own SLA policy
  std::string notes;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> erased_at;  // when forget or retention erased them

  // "Jane Doe <jane@example.org>", or whichever part is known.
  std::string display() const {
    if (name.empty()) return email;
    if (email.empty()) return name;
    return name + " <" + email + ">";
  }
};

}  // namespace desk::model
