#include "desk/format/json_text.hpp"

#include <charconv>
#include <cstring>
#include <simdjson.h>

namespace desk::format {

namespace {

// What nlohmann escapes with ensure_ascii off: the quote, the backslash and
// the control characters; DEL and everything from 0x80 on are written as is.
constexpr bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// Whether any of eight bytes is one needs_escape() takes, by the bit tricks
// of "Bit Twiddling Hacks" (haszero, hasless): exact for the word as a whole.
constexpr bool any_to_escape(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  bool control = ((word - ones * 0x20) & ~word & highs) != 0;
  return control || has_zero(word ^ (ones * '"')) || has_zero(word ^ (ones * '\\'));
}

bool ascii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // Invalid UTF-8 is rare (only what an old store or a script put there):
  // nlohmann's own replacement rules then decide what is written.
  if (!ascii(text) && !simdjson::validate_utf8(text.data(), text.size())) {
    out += nlohmann::ordered_json(std::string(text))
               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return;
  }
  append_valid_json_string(out, text);
}

void append_valid_json_string(std::string& out, std::string_view text) {
  out += '"';
  const char* data = text.data();
  std::size_t size = text.size();
  std::size_t run = 0;  // start of the bytes not yet copied
  auto escape = [&](std::size_t i) {
    auto c = static_cast<unsigned char>(data[i]);
    if (!needs_escape(c)) return;
    out.append(data + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
        out.append(u, sizeof u);
      }
    }
  };
  // Most text has nothing to escape: look at eight bytes at a time, and at
  // single bytes only in a word that has something.
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (!any_to_escape(word)) continue;
    for (std::size_t k = i; k < i + 8; ++k) escape(k);
  }
  for (; i < size; ++i) escape(i);
  out.append(data + run, size - run);
  out += '"';
}

void append_json_int(std::string& out, std::int64_t n) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

void append_json_uint(std::string& out, std::uint64_t n) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

void append_json_double(std::string& out, double d) {
  // nlohmann's shortest round-trip form, with its ".0" and its null for NaN.
  out += nlohmann::ordered_json(d).dump();
}

void append_json(std::string& out, const nlohmann::ordered_json& value) {
  using T = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case T::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case T::number_integer:
      append_json_int(out, value.get<std::int64_t>());
      return;
    case T::number_unsigned:
      append_json_uint(out, value.get<std::uint64_t>());
      return;
    case T::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case T::null:
      out += "null";
      return;
    case T::object: {
      out += '{';
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, it.key());
        out += ':';
        append_json(out, it.value());
      }
      out += '}';
      return;
    }
    case T::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
    default:  // floating point, binary, discarded: nlohmann's own writer
      out += value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
}

}  // namespace desk::format
