// desk rate --from FILE: customers' ratings in bulk, one row each (CSV with a
// header, or JSON Lines): ticket, score, and optionally at and comment.
#pragma once

#include <cstdint>
#include <vector>

#include "desk/bulk/rows.hpp"
#include "desk/catalog/fulfilment.hpp"
#include "desk/core/time.hpp"

namespace desk::bulk {

struct RatingRow {
  std::size_t line = 0;
  std::int64_t ticket = 0;
  catalog::RateRequest request;
};

// Every row, checked; throws BadRows naming each bad one.
std::vector<RatingRow> read_ratings(RowReader& rows, Instant now, const Zone& zone);

}  // namespace desk::bulk
