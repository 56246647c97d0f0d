// libFuzzer target: reading and validating desk.toml (config::load_text).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    desk::config::Config c = desk::config::load_text(text, "fuzz.toml");
    (void)c.zone();
  } catch (const desk::Error&) {
  }
  return 0;
}
