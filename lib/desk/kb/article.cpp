#include "desk/kb/article.hpp"

#include <algorithm>
#include <array>
#include <random>

#include <fmt/format.h>

#include "desk/work/validate.hpp"

namespace desk::kb {

std::string new_uid() {
  std::random_device rd;
  std::array<unsigned char, 16> b{};
  for (std::size_t i = 0; i < b.size(); i += 4) {
    auto r = rd();
    for (std::size_t j = 0; j < 4; ++j) b[i + j] = static_cast<unsigned char>(r >> (8 * j));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string out;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", b[i]);
  }
  return out;
}

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
    } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
      out += static_cast<char>(c);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\n'))
    out.pop_back();
  // Drop whole blank lines at the start; keep the indentation of the first
  // line with text (an indented code block).
  std::size_t start = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n')
      start = i + 1;
    else if (out[i] != ' ' && out[i] != '\t')
      break;
  }
  return out.substr(start);
}

std::vector<std::string> article_differences(const Article& a, const Article& b) {
  std::vector<std::string> out;
  auto check = [&](const char* name, bool same) {
    if (!same) out.emplace_back(name);
  };
  check("title", a.title == b.title);
  check("kind", a.kind == b.kind);
  check("body", a.body == b.body);
  check("symptom", a.symptom == b.symptom);
  check("cause", a.cause == b.cause);
  check("workaround", a.workaround == b.workaround);
  check("fix_status", a.fix_status == b.fix_status);
  check("category", a.category == b.category);
  check("service", a.service == b.service);
  check("tags", a.tags == b.tags);
  check("author", a.author == b.author);
  check("state", a.state == b.state);
  check("created_at", a.created_at == b.created_at);
  check("published_at", a.published_at == b.published_at);
  check("retired_at", a.retired_at == b.retired_at);
  return out;
}

std::vector<std::string> clean_tags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const auto& t : tags) out.push_back(work::checked_tag(t));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace desk::kb
