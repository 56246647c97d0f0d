#include "desk/bulk/compare.hpp"

#include <algorithm>

#include "desk/model/fields.hpp"

namespace desk::bulk {

std::vector<std::string> differing_fields(const model::Ticket& row, const model::Ticket& replayed) {
  std::vector<std::string> out;
  for (const auto& f : model::ticket_fields()) {
    model::Json a = model::get_field(row, f.name);
    model::Json b = model::get_field(replayed, f.name);
    if (f.kind == model::FieldKind::tags) {
      auto sorted = [](const model::Json& v) {
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
