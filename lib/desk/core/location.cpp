#include "desk/core/location.hpp"

namespace desk {

std::string shown_location(std::string_view location) {
  if (!is_server_location(location)) return std::string(location);
  std::string_view rest = location;
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  // scheme://user:password@host/db: the password goes.
  std::string out(rest);
  std::size_t start = out.find("://") + 3;
  std::size_t at = out.find('@', start);
  std::size_t slash = out.find('/', start);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    std::size_t colon = out.find(':', start);
    if (colon < at) out.erase(colon, at - colon);
  }
  // ?password=secret: so does the parameter; the others stay, in order.
  std::string kept;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.starts_with("password=")) continue;
    kept += (kept.empty() ? "?" : "&") + std::string(param);
  }
  return out + kept;
}

}  // namespace desk
