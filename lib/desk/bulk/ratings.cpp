#include "desk/bulk/ratings.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/bulk/bad_rows.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::bulk {

namespace {

const std::vector<std::string> kColumns = {"ticket", "score", "at", "comment"};

// A value as text: CSV gives text, JSON may give a number.
std::string text(const Json& o, const std::string& key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return {};
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (!it->is_string()) throw DataError(fmt::format("{} must be text", util::quoted(key)));
  return it->get<std::string>();
}

RatingRow read_rating(const Row& row, Instant now, const Zone& zone) {
  for (const auto& [k, v] : row.object.items())
    if (std::find(kColumns.begin(), kColumns.end(), k) == kColumns.end())
      throw DataError(fmt::format("unknown column {}", util::quoted(k)),
                      fmt::format("the columns are: {}", util::join(kColumns, ", ")));
  RatingRow r;
  r.line = row.line;
  std::string ticket(util::trim(text(row.object, "ticket")));
  auto id = util::parse_int(ticket);
  if (!id || *id <= 0)
    throw DataError(fmt::format("'ticket' must be a ticket id, not {}", util::quoted(ticket)));
  r.ticket = *id;
  std::string score(util::trim(text(row.object, "score")));
  auto n = util::parse_int(score);
  if (!n || *n < 1 || *n > 5)
    throw DataError(fmt::format("'score' must be 1 to 5, not {}", util::quoted(score)),
                    "5 is very satisfied, 1 very dissatisfied");
  r.request.score = static_cast<int>(*n);
  r.request.comment = text(row.object, "comment");
  if (std::string at(util::trim(text(row.object, "at"))); !at.empty())
    r.request.at = parse_time(at, now, zone);
  return r;
}

}  // namespace

std::vector<RatingRow> read_ratings(RowReader& rows, Instant now, const Zone& zone) {
  std::vector<RatingRow> out;
  BadRowList bad;
  Row row;
  while (true) {
    try {
      row.line = 0;
      if (!rows.next(row)) break;
      out.push_back(read_rating(row, now, zone));
    } catch (const DataError& e) {
      std::string what = e.what();
      if (row.line && !util::starts_with(what, "line "))
        bad.add(DataError(fmt::format("line {}: {}", row.line, what), e.hint()));
      else
        bad.add(e);
    }
  }
  bad.throw_if_any();
  return out;
}

}  // namespace desk::bulk
