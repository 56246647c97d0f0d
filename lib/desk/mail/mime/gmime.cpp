#include "desk/mail/mime/gmime.hpp"

#include <mutex>

namespace desk::mail::gm {

void init() {
  // Never shut down: the tables live as long as the process, and a
  // g_mime_shutdown while another thread parses would free them under it.
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string take(char* owned) {
  Chars holder(owned);
  return owned != nullptr ? std::string(owned) : std::string();
}

ParserOptions lenient_options(const std::string& fallback_charset) {
  ParserOptions options(g_mime_parser_options_new());
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
  const char* charsets[] = {"UTF-8", fallback_charset.c_str(), nullptr};
  if (fallback_charset.empty()) charsets[1] = nullptr;
  g_mime_parser_options_set_fallback_charsets(options.get(), charsets);
  return options;
}

Ref<GMimeStream> memory_stream(std::string_view bytes) {
  return Ref<GMimeStream>(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
}

std::string stream_bytes(GMimeStream* mem) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
  if (array == nullptr || array->len == 0) return {};
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

}  // namespace desk::mail::gm
