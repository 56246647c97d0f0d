// libFuzzer target: desk::parse_time, the forms people type for dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const desk::Zone london = desk::Zone::named("Europe/London");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const desk::Instant now = desk::from_unix(1795516200);  // 2026-11-24T10:30:00Z
  for (const desk::Zone* zone : {&london, static_cast<const desk::Zone*>(nullptr)}) {
    try {
      desk::Instant t = desk::parse_time(text, now, zone ? *zone : desk::Zone::utc());
      // Whatever it read must print and read back as the same instant.
      std::string iso = desk::format_iso(t, zone ? *zone : desk::Zone::utc());
      if (desk::parse_time(iso, now, desk::Zone::utc()) != t) __builtin_trap();
    } catch (const desk::Error&) {
    }
  }
  return 0;
}
