#include "desk/mail/names.hpp"

#include <algorithm>

namespace desk::mail {

std::string UniqueNames::claim(const std::string& name) {
  if (taken_.insert(name).second) return name;
  std::size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string::npos) dot = name.size();
  int& n = repeats_[name];
  for (n = std::max(n, 1) + 1;; ++n) {
    std::string candidate = name.substr(0, dot) + " (" + std::to_string(n) + ")" + name.substr(dot);
    if (taken_.insert(candidate).second) return candidate;
  }
}

}  // namespace desk::mail
