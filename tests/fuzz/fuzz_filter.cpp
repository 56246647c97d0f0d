// libFuzzer target: the list filter parser (terms, sort keys) and the SQL
// builder it feeds. Each input line is one term; a line starting "sort="
// is a --sort value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/store/sql/query_sql.hpp"
#include "desk/tickets/filter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const desk::config::Config config = desk::config::defaults();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> terms;
  std::string sort;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.rfind("sort=", 0) == 0)
      sort = line.substr(5);
    else
      terms.push_back(line);
    start = end + 1;
  }
  desk::tickets::FilterContext ctx{config, desk::from_unix(1795516200), desk::Zone::utc(), "alice"};
  try {
    desk::model::Query q;
    desk::tickets::add_filter_terms(q, ctx, terms);
    if (!sort.empty()) q.sort = desk::tickets::parse_sort(sort);
    desk::store::Ordering order{config.priority.levels};
    auto sql = desk::store::sql::select_tickets_sql(q, order);
    // Values are bound, never spliced: every '?' has its value.
    std::size_t marks = 0;
    for (char c : sql.sql) marks += c == '?' ? 1 : 0;
    if (marks != sql.values.size()) __builtin_trap();
    desk::store::sql::select_events_sql(q);
    desk::store::sql::count_tickets_sql(q);
  } catch (const desk::Error&) {
  }
  return 0;
}
