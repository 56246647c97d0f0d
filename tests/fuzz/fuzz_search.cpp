// libFuzzer target: what people type into `desk kb search`, parsed into a
// query tree and turned into the store's FTS5 expressions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "desk/core/error.hpp"
#include "desk/kb/search.hpp"
#include "desk/store/sqlite/kb_sql.hpp"
#include "desk/util/strings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    desk::kb::SearchQuery q = desk::kb::parse_search(text);
    // A search accepted is within its limits.
    if (desk::model::search_terms(q).size() > desk::model::kMaxSearchTerms) __builtin_trap();
    if (desk::util::char_count(text) > desk::model::kMaxSearchLength) __builtin_trap();
    desk::store::sqlite::fts5_words(q);
    desk::store::sqlite::fts5_trigram(q);
  } catch (const desk::Error&) {
  }
  return 0;
}
