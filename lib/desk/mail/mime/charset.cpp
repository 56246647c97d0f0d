#include "desk/mail/mime/charset.hpp"

#include <cerrno>
#include <iconv.h>
#include <memory>
#include <uchardet.h>

#include "desk/mail/mime/gmime.hpp"
#include "desk/util/strings.hpp"

namespace desk::mail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct IconvClose {
  void operator()(iconv_t* cd) const {
    iconv_close(*cd);
    delete cd;
  }
};

struct UchardetDelete {
  void operator()(uchardet_t ud) const { uchardet_delete(ud); }
};

bool is_ascii(std::string_view bytes) {
  for (unsigned char c : bytes)
    if (c >= 0x80) return false;
  return true;
}

// A label that says nothing about 8-bit bytes: absent, or ASCII, which
// 8-bit text cannot be (mailers write "us-ascii" by default).
bool says_nothing(std::string_view label) {
  std::string l = util::to_lower_ascii(label);
  return l.empty() || l == "us-ascii" || l == "ascii" || l == "x-unknown" || l == "unknown-8bit";
}

}  // namespace

std::string detect_charset(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, UchardetDelete> ud(uchardet_new());
  if (!ud) return {};
  if (uchardet_handle_data(ud.get(), bytes.data(), bytes.size()) != 0) return {};
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return util::to_lower_ascii(name != nullptr ? name : "");
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset,
                                           bool strict) {
  gm::init();
  std::string name(charset);
  // GMime maps the names mailers write ("latin1", "ks_c_5601-1987") to
  // ones iconv knows.
  const char* iconv_name = g_mime_charset_iconv_name(name.c_str());
  iconv_t raw = iconv_open("UTF-8", iconv_name != nullptr ? iconv_name : name.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::unique_ptr<iconv_t, IconvClose> cd(new iconv_t(raw));

  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[4096];
  while (true) {
    char* o = buffer;
    std::size_t o_left = sizeof buffer;
    // A final call with no input flushes a stateful charset's shift state.
    std::size_t r = in_left > 0 ? iconv(*cd, &in, &in_left, &o, &o_left)
                                : iconv(*cd, nullptr, nullptr, &o, &o_left);
    out.append(buffer, static_cast<std::size_t>(o - buffer));
    if (r != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) continue;
    // EILSEQ (a byte not in the charset) or EINVAL (cut off at the end).
    if (strict) return std::nullopt;
    out.append(kReplacement);
    ++in;
    --in_left;
    if (in_left == 0) {
      char* o2 = buffer;
      std::size_t o2_left = sizeof buffer;
      iconv(*cd, nullptr, nullptr, &o2, &o2_left);
      out.append(buffer, static_cast<std::size_t>(o2 - buffer));
      break;
    }
  }
  return out;
}

std::string repair_utf8(std::string_view s) {
  std::optional<std::size_t> bad = util::invalid_utf8(s);
  if (!bad) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  while (bad) {
    out.append(s.substr(0, *bad));
    out.append(kReplacement);
    s.remove_prefix(*bad + 1);
    bad = util::invalid_utf8(s);
  }
  out.append(s);
  return out;
}

Utf8Text text_to_utf8(std::string_view bytes, std::string_view label) {
  std::string lower = util::to_lower_ascii(util::trim(label));
  if (is_ascii(bytes)) return {std::string(bytes), lower.empty() ? "us-ascii" : lower, false};
  if (!says_nothing(lower)) {
    if (auto text = convert_to_utf8(bytes, lower, true)) return {std::move(*text), lower, false};
  }
  // Unlabelled, or the label does not fit the bytes: UTF-8 that is valid
  // is UTF-8 (no 8-bit charset produces long valid UTF-8 by chance);
  // otherwise ask uchardet.
  if (!util::invalid_utf8(bytes)) return {std::string(bytes), "utf-8", lower != "utf-8"};
  std::string guess = detect_charset(bytes);
  if (!guess.empty() && guess != "ascii" && guess != "utf-8") {
    if (auto text = convert_to_utf8(bytes, guess, true)) return {std::move(*text), guess, true};
  }
  // Nothing fits cleanly: the label if iconv knows it, else windows-1252
  // (every byte is a character there but five), keeping what can be read.
  if (!says_nothing(lower)) {
    if (auto text = convert_to_utf8(bytes, lower, false)) return {std::move(*text), lower, false};
  }
  return {convert_to_utf8(bytes, "windows-1252", false).value_or(std::string(bytes.size(), '?')),
          "windows-1252", true};
}

}  // namespace desk::mail
