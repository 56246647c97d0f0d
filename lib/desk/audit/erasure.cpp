#include "desk/audit/erasure.hpp"

#include <algorithm>

#include "desk/util/strings.hpp"

namespace desk::audit {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_phone_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out += c;
  return out;
}

// A phone number: digits with the usual punctuation, at least six digits.
bool phone_like(std::string_view s) {
  std::size_t digits = 0;
  for (char c : s) {
    if (is_digit(c))
      ++digits;
    else if (!is_phone_separator(c) && c != '+')
      return false;
  }
  return digits >= 6;
}

// Letters and digits, and any byte of a multi-byte UTF-8 character.
bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || is_digit(c) || u >= 0x80;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Length of the match of `needle` at text[i], or 0.
std::size_t match_at(std::string_view text, std::size_t i, std::string_view needle) {
  if (phone_like(needle)) {
    // Digits must follow one another, with punctuation between them allowed,
    // and the match may not sit inside a longer number.
    std::string want = digits_of(needle);
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) return 0;
    std::size_t j = i, k = 0;
    while (j < text.size() && k < want.size()) {
      if (text[j] == want[k]) {
        ++j;
        ++k;
      } else if (is_phone_separator(text[j]) && k > 0) {
        ++j;
      } else {
        return 0;
      }
    }
    if (k < want.size() || (j < text.size() && is_digit(text[j]))) return 0;
    return j - i;
  }
  if (i + needle.size() > text.size()) return 0;
  for (std::size_t k = 0; k < needle.size(); ++k)
    if (lower(text[i + k]) != lower(needle[k])) return 0;
  // Whole words and whole addresses only: "Jane Doe" is not in "Jane Doerr",
  // nor "jane@example.org" in "mary.jane@example.org".
  if (i > 0 && (word_char(text[i - 1]) ||
                std::string_view("._%+-@").find(text[i - 1]) != std::string_view::npos))
    return 0;
  std::size_t end = i + needle.size();
  if (end < text.size() && (word_char(text[end]) || text[end] == '@')) return 0;
  return needle.size();
}

}  // namespace

std::vector<std::string> needles_for(const model::Customer& c) {
  std::vector<std::string> out;
  auto add = [&](std::string_view v, std::size_t min) {
    std::string s(util::trim(v));
    if (s.size() >= min && s != kErased && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(s);
  };
  add(c.name, 3);
  add(c.email, 3);
  if (phone_like(c.phone)) {
    add(c.phone, 6);
    add(digits_of(c.phone), 6);
    // The national form of an international number: +44 20 7946 0958 is
    // also written 020 7946 0958.
    std::string d = digits_of(c.phone);
    if (util::trim(c.phone).starts_with("+") && d.size() > 9) add("0" + d.substr(d.size() - 10), 6);
  }
  // Longest first, so "jane.doe@example.org" goes before "Jane Doe" could split it.
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

std::string scrub(std::string_view text, const std::vector<std::string>& needles) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    for (const auto& n : needles)
      if ((len = match_at(text, i, n)) > 0) break;
    if (len > 0) {
      out += kErased;
      i += len;
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool mentions(std::string_view text, const std::vector<std::string>& needles) {
  for (std::size_t i = 0; i < text.size(); ++i)
    for (const auto& n : needles)
      if (match_at(text, i, n) > 0) return true;
  return false;
}

Rewrite rewrite_for(Scope scope, const std::vector<std::string>& needles) {
  return [scope, needles](const std::string& pointer,
                          const std::string& value) -> std::optional<std::string> {
    if (value.empty() || value == kErased) return std::nullopt;
    bool whole = false;
    if (scope == Scope::own_ticket)
      whole = pointer == "/text" || pointer.starts_with("/changes/description/");
    if (scope == Scope::subject)
      for (const char* field : {"name", "email", "phone", "notes"})
        whole = whole || pointer.starts_with(std::string("/changes/") + field + "/");
    if (whole) return std::string(kErased);
    std::string scrubbed = scrub(value, needles);
    if (scrubbed == value) return std::nullopt;
    return scrubbed;
  };
}

}  // namespace desk::audit
