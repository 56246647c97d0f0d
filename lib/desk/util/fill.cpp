#include "desk/util/fill.hpp"

#include "desk/util/strings.hpp"

namespace desk::util {

std::size_t visible_width(std::string_view s) {
  std::size_t width = 0, start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\x1b') continue;
    width += display_width(s.substr(start, i - start));
    std::size_t end = s.find('m', i);
    i = end == std::string_view::npos ? s.size() : end;
    start = i + 1;
  }
  if (start < s.size()) width += display_width(s.substr(start));
  return width;
}

std::string fill(std::string_view text, std::size_t width, std::string_view first,
                 std::string_view rest) {
  std::string out;
  std::string line(first);
  std::size_t used = visible_width(first);
  bool empty = true;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    line = rest;
    used = visible_width(rest);
    empty = true;
  };
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t end = text.find_first_of(" \n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    if (!word.empty()) {
      std::size_t w = visible_width(word);
      if (!empty && width > 0 && used + 1 + w > width) flush();
      if (!empty) {
        line += ' ';
        ++used;
      }
      line += word;
      used += w;
      empty = false;
    }
    if (end < text.size() && text[end] == '\n') flush();
    i = end + 1;
  }
  if (!empty || line != rest) flush();
  return out;
}

}  // namespace desk::util
