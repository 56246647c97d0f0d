#include "desk/mail/flowed.hpp"

#include "desk/util/lines.hpp"

namespace desk::mail {

namespace {

struct FlowedLine {
  std::size_t depth = 0;
  std::string_view content;
  bool soft = false;  // ends in a space: continues on the next line
};

FlowedLine read_line(std::string_view line) {
  FlowedLine out;
  while (out.depth < line.size() && line[out.depth] == '>') ++out.depth;
  out.content = line.substr(out.depth);
  if (!out.content.empty() && out.content.front() == ' ') out.content.remove_prefix(1);
  // The signature separator "-- " is never flowed.
  out.soft = !out.content.empty() && out.content.back() == ' ' && out.content != "-- ";
  return out;
}

}  // namespace

std::string unflow(std::string_view text, bool delsp) {
  std::string out;
  std::string paragraph;
  std::size_t depth = 0;
  bool open = false;  // a paragraph continues from the line before
  auto close = [&] {
    if (!out.empty()) out.push_back('\n');
    out.append(depth, '>');
    if (depth > 0 && !paragraph.empty()) out.push_back(' ');
    out.append(paragraph);
    paragraph.clear();
    open = false;
  };
  for (std::string_view raw : util::lines_of(text)) {
    FlowedLine line = read_line(raw);
    // A change of depth ends a paragraph even when the line before was soft.
    if (open && line.depth != depth) close();
    depth = line.depth;
    std::string_view content = line.content;
    if (line.soft && delsp) content.remove_suffix(1);
    paragraph.append(content);
    open = true;
    if (!line.soft) close();
  }
  if (open) close();
  return out;
}

}  // namespace desk::mail
