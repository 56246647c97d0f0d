#include "desk/format/json_element.hpp"

#include <cmath>

#include "desk/format/json_text.hpp"

namespace desk::format {

bool append_json_scalar(std::string& out, simdjson::dom::element value) {
  using T = simdjson::dom::element_type;
  switch (value.type()) {
    case T::INT64:
      append_json_int(out, std::int64_t(value));
      return true;
    case T::UINT64:
      append_json_uint(out, std::uint64_t(value));
      return true;
    case T::DOUBLE: {
      double d(value);
      if (d == 0 && std::signbit(d)) return false;
      append_json_double(out, d);
      return true;
    }
    case T::BOOL:
      out += bool(value) ? "true" : "false";
      return true;
    case T::NULL_VALUE:
      out += "null";
      return true;
    default:
      return false;
  }
}

}  // namespace desk::format
