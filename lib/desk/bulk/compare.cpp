#include "desk/bulk/compare.hpp"

#include <algorithm>

#include "desk/tickets/fields.hpp"

namespace desk::bulk {

std::vector<std::string> differing_fields(const tickets::Ticket& row,
                                          const tickets::Ticket& replayed) {
  std::vector<std::string> out;
  for (const auto& f : tickets::ticket_fields()) {
    tickets::Json a = tickets::get_field(row, f.name);
    tickets::Json b = tickets::get_field(replayed, f.name);
    if (f.kind == tickets::FieldKind::tags) {
      auto sorted = [](const tickets::Json& v) {
        std::vector<std::string> s = v.get<std::vector<std::string>>();
        std::sort(s.begin(), s.end());
        return s;
      };
      if (sorted(a) != sorted(b)) out.emplace_back(f.name);
    } else if (a != b) {
      out.emplace_back(f.name);
    }
  }
  return out;
}

}  // namespace desk::bulk
