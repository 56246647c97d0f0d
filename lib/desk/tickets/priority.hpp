// Priority from impact × urgency through the configured matrix, unless a
// technician sets it outright.
#pragma once

#include <optional>
#include <string>

#include "desk/config/model.hpp"

namespace desk::tickets {

struct PriorityChoice {
  std::string impact;
  std::string urgency;
  std::string priority;
};

// Validates what was given (DataError naming the allowed values). A missing
// impact or urgency takes the middle level of its axis; an explicit priority
// wins over the matrix.
PriorityChoice choose_priority(const config::PriorityMatrix& m,
                               const std::optional<std::string>& impact,
                               const std::optional<std::string>& urgency,
                               const std::optional<std::string>& priority);

}  // namespace desk::tickets
