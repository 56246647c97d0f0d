#include "desk/format/document.hpp"

namespace desk::format {

const Section* Report::section(std::string_view k) const {
  for (const auto& s : sections)
    if (s.key == k) return &s;
  return nullptr;
}

}  // namespace desk::format
