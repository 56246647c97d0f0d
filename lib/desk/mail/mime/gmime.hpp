// RAII over the GMime 3 objects the mail code uses. GMime is C with GObject
// reference counting: every object a `*_new` or `construct` call returns is
// owned by the caller and must be unreferenced exactly once, and every
// `char*` it hands over must be g_free'd. Wrapping each in a unique_ptr with
// the matching deleter means no path through the parser (an exception from
// a charset conversion included) leaks or double-frees one.
//
// Private to lib/desk/mail/mime/: nothing outside sees a GMime type.
#pragma once

#include <gmime/gmime.h>
#include <memory>
#include <string>
#include <string_view>

namespace desk::mail::gm {

// GMime's global tables (charsets, content-type registry) set up once per
// process; idempotent and thread-safe. Every entry point calls it.
void init();

struct ObjectUnref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
// An owned GObject (GMimeMessage, GMimeStream, GMimeParser, InternetAddress...).
template <typename T>
using Ref = std::unique_ptr<T, ObjectUnref>;

// Takes another reference to a borrowed object, for keeping it past its owner.
template <typename T>
Ref<T> share(T* borrowed) {
  if (borrowed != nullptr) g_object_ref(borrowed);
  return Ref<T>(borrowed);
}

struct Free {
  void operator()(void* p) const { g_free(p); }
};
// A string GMime or GLib allocated for the caller.
using Chars = std::unique_ptr<char, Free>;

// Its text, or "" for a null pointer; frees it.
std::string take(char* owned);
// A borrowed C string as std::string, "" for null.
inline std::string str(const char* borrowed) {
  return borrowed != nullptr ? borrowed : "";
}

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* p) const { g_mime_parser_options_free(p); }
};
using ParserOptions = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

struct FormatOptionsFree {
  void operator()(GMimeFormatOptions* p) const { g_mime_format_options_free(p); }
};
using FormatOptions = std::unique_ptr<GMimeFormatOptions, FormatOptionsFree>;

struct ReferencesFree {
  void operator()(GMimeReferences* p) const { g_mime_references_free(p); }
};
using References = std::unique_ptr<GMimeReferences, ReferencesFree>;

struct DateTimeUnref {
  void operator()(GDateTime* p) const { g_date_time_unref(p); }
};
using DateTime = std::unique_ptr<GDateTime, DateTimeUnref>;

// Parser options for mail as it arrives, not as the RFCs describe it: loose
// RFC 2047 and parameter parsing, addresses without a domain, and
// `fallback` tried (after UTF-8) for raw 8-bit header text.
ParserOptions lenient_options(const std::string& fallback_charset);

// An in-memory stream holding a copy of `bytes`.
Ref<GMimeStream> memory_stream(std::string_view bytes);
// The bytes a fresh memory stream collected.
std::string stream_bytes(GMimeStream* mem);

}  // namespace desk::mail::gm
