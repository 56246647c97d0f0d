#include "desk/util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include <utf8proc.h>

#include "desk/util/utf8.hpp"

namespace desk::util {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view piece = trim(s.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::string lowered = to_lower_ascii(word);
  std::optional<std::string> best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(lowered, to_lower_ascii(c));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  // A typo changes a couple of characters; allow more for long words, and
  // accept a candidate that starts with what was typed ("esc" → "escalate").
  std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  if (best && best_distance <= allowed && best_distance < std::max(word.size(), best->size()))
    return best;
  for (const auto& c : candidates)
    if (word.size() >= 2 && starts_with(to_lower_ascii(c), lowered)) return c;
  return std::nullopt;
}

std::int32_t next_code_point(std::string_view s, std::size_t& i) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return -1;
  }
  i += static_cast<std::size_t>(n);
  return cp;
}

namespace {

std::size_t codepoint_width(std::int32_t cp) {
  if (cp < 0) return 1;
  int w = utf8proc_charwidth(cp);
  // Emoji presentation characters are drawn two columns wide by terminals.
  if (w == 1 &&
      utf8proc_get_property(cp)->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC &&
      cp >= 0x1F000)
    w = 2;
  return w < 0 ? 0 : static_cast<std::size_t>(w);
}

}  // namespace

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
  return n;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) width += codepoint_width(next_code_point(s, i));
  return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t before = i;
    std::size_t w = codepoint_width(next_code_point(s, i));
    if (used + w > width - 1) {
      i = before;
      break;
    }
    used += w;
  }
  return std::string(s.substr(0, i)) + "…";
}

namespace {

std::string terminal_text(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t at = i;
      std::int32_t cp = next_code_point(s, i);
      if (cp < 0)
        out += "\uFFFD";
      else if (cp <= 0x9f)
        out += ' ';
      else
        out.append(s.substr(at, i - at));
      continue;
    }
    ++i;
    if (!keep_newlines || (c != '\n' && c != '\t' && c != '\r'))
      out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
    else if (c == '\n')
      out += '\n';
    else if (c == '\t')
      out += "    ";
    else if (i == s.size() || s[i] != '\n')
      out += ' ';  // a CR alone; one before a newline is dropped
  }
  return out;
}

}  // namespace

std::optional<std::size_t> invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t at = i;
    if (next_code_point(s, i) < 0) return at;
  }
  return std::nullopt;
}

std::string single_line(std::string_view s) {
  return terminal_text(s, false);
}

std::string multi_line(std::string_view s) {
  return terminal_text(s, true);
}

std::string shortened(std::string_view s, std::size_t max) {
  if (s.size() <= max) return single_line(s);
  // Cut on UTF-8 character boundaries (never before a continuation byte).
  auto continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  std::size_t head = max / 2;
  while (head > 0 && continuation(head)) --head;
  std::size_t tail = s.size() - (max - max / 2);
  while (tail < s.size() && continuation(tail)) ++tail;
  return single_line(s.substr(0, head)) + "…" + single_line(s.substr(tail));
}

std::string quoted(std::string_view s, std::size_t max) {
  return "'" + shortened(s, max) + "'";
}

}  // namespace desk::util

namespace desk::util {

std::string fold(std::string_view s) {
  // ASCII folds to its lower case (no marks, nothing ignorable), and most
  // text desk matches is ASCII: skip utf8proc's decomposition for it.
  if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; }))
    return to_lower_ascii(s);
  utf8proc_uint8_t* out = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  if (n < 0) return to_lower_ascii(s);  // invalid UTF-8: fold what we can
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return fold(haystack).find(fold(needle)) != std::string::npos;
}

bool word_code_point(std::int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

}  // namespace desk::util
