#include "desk/report/figures.hpp"

#include <cmath>

namespace desk::report {

double round1(double v) {
  double r = std::round(v * 10.0) / 10.0;
  return r == 0.0 ? 0.0 : r;  // no "-0.0"
}

Json percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return Json();
  return round1(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

Json change_percent(double now, double before) {
  if (before == 0.0) return Json();
  return round1(100.0 * (now - before) / before);
}

Json number_or_null(std::optional<std::int64_t> v) {
  return v ? Json(*v) : Json();
}

}  // namespace desk::report
