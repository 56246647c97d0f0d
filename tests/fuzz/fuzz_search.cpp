// libFuzzer target: what people type into `desk kb search`, parsed into a
// query tree and turned into the store's FTS5 expressions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "desk/core/error.hpp"
#include "desk/kb/search.hpp"
#include "desk/store/kb_sql.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    desk::kb::SearchQuery q = desk::kb::parse_search(text);
    // A search accepted is within its limits.
    if (desk::kb::search_terms(q).size() > desk::kb::kMaxSearchTerms) __builtin_trap();
    if (desk::kb::char_count(text) > desk::kb::kMaxSearchLength) __builtin_trap();
    desk::store::fts5_words(q);
    desk::store::fts5_trigram(q);
  } catch (const desk::Error&) {
  }
  return 0;
}
