#include "desk/mail/mime/html.hpp"

#include <algorithm>
#include <cstring>
#include <gumbo.h>
#include <memory>
#include <vector>

namespace desk::mail {

namespace {

// Builds text line by line: whitespace collapses, blocks ask for line
// breaks that are written only before the next text, and every line inside
// a blockquote starts with "> " once per level.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
                  static_cast<unsigned char>(s[i + 1]) == 0xA0;
      if (pre_ > 0 && c == '\n') {
        line_break(1, true);
        continue;
      }
      if (pre_ == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp)) {
        if (nbsp) ++i;
        space_ = true;
        continue;
      }
      if (nbsp) {
        ++i;
        c = ' ';
      }
      start_text();
      out_.push_back(c);
    }
  }
  // At least `n` line breaks before the next text (2: a blank line);
  // `add` counts a <br> on top of those already asked for.
  void line_break(int n, bool add = false) {
    if (out_.empty()) return;
    // A blank line belongs to the outer of the quote levels around it.
    break_quote_ = breaks_ == 0 ? quote_ : std::min(break_quote_, quote_);
    breaks_ = add ? breaks_ + n : std::max(breaks_, n);
    space_ = false;
  }
  void enter_quote() { ++quote_; }
  void leave_quote() { --quote_; }
  void enter_pre() { ++pre_; }
  void leave_pre() { --pre_; }
  // Text that must be written as is (a list marker, a link's address).
  void literal(std::string_view s) {
    start_text();
    out_.append(s);
  }
  std::string finish() {
    // Trailing spaces on each line go, and so do trailing lines with
    // nothing in them but quote marks.
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= out_.size()) {
      std::size_t end = std::min(out_.find('\n', start), out_.size());
      std::string_view line(out_.data() + start, end - start);
      while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
      lines.push_back(line);
      start = end + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of('>') == std::string_view::npos)
      lines.pop_back();
    std::string result;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) result.push_back('\n');
      result.append(lines[i]);
    }
    return result;
  }
  bool at_line_start() const { return breaks_ > 0 || out_.empty() || out_.back() == '\n'; }

 private:
  void start_text() {
    if (breaks_ > 0) {
      // The first break ends the line; each further one is a blank line,
      // quote marks and all. More than one blank line says nothing more.
      out_.push_back('\n');
      for (int i = 1; i < std::min(breaks_, 2); ++i) {
        out_.append(static_cast<std::size_t>(std::min(break_quote_, quote_)), '>');
        out_.push_back('\n');
      }
      breaks_ = 0;
    }
    if (out_.empty() || out_.back() == '\n') {
      for (int i = 0; i < quote_; ++i) out_.append("> ");
    } else if (space_) {
      out_.push_back(' ');
    }
    space_ = false;
  }

  std::string out_;
  int breaks_ = 0;
  int break_quote_ = 0;  // quote level of the blank lines asked for
  bool space_ = false;
  int quote_ = 0;
  int pre_ = 0;
};

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Line breaks a block element asks for around itself: 2 for a paragraph
// (a blank line), 1 for a line of its own, 0 for inline elements.
int block_breaks(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
      return 2;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HR:
      return 1;
    default:
      return 0;
  }
}

std::string_view attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

// The text of an element's subtree, flattened (a link's words, to compare
// with its address).
std::string plain_text(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out.append(n->v.text.text);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Elements that never hold others (void) or whose end tag the parser
// supplies when a sibling starts: they do not make a document deeper.
bool flat_element(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area",  "base",  "br",       "col",    "embed", "hr",     "img",      "input",
      "link",  "meta",  "param",    "source", "track", "wbr",    "p",        "li",
      "dt",    "dd",    "tr",       "td",     "th",    "option", "optgroup", "thead",
      "tbody", "tfoot", "colgroup", "html",   "head",  "body"};
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  for (std::string_view f : kFlat)
    if (lower == f) return true;
  return false;
}

// The HTML5 parsing algorithm takes time quadratic in how deep elements
// nest (10,000 unclosed <div>s take seconds); mail nests a few dozen
// deep. Tags that would go deeper than kMaxDepth are dropped before
// parsing, with their end tags; their text stays.
constexpr int kMaxDepth = 256;

std::string flatten_deep(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  int depth = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    out.append(html.substr(i, lt - i));
    if (lt == html.size()) break;
    std::size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) gt = html.size() - 1;
    std::string_view tag = html.substr(lt, gt - lt + 1);
    i = gt + 1;
    bool closing = tag.size() > 1 && tag[1] == '/';
    std::size_t name_start = closing ? 2 : 1;
    std::size_t name_end = name_start;
    while (name_end < tag.size() && name_char(tag[name_end])) ++name_end;
    std::string_view name = tag.substr(name_start, name_end - name_start);
    bool counted =
        !name.empty() && !flat_element(name) && !(tag.size() > 1 && tag[tag.size() - 2] == '/');
    if (!counted) {
      out.append(tag);
    } else if (closing) {
      if (depth <= kMaxDepth) out.append(tag);
      if (depth > 0) --depth;
    } else {
      ++depth;
      if (depth <= kMaxDepth) out.append(tag);
    }
  }
  return out;
}

struct OutputFree {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

// One step of the walk: entering a node, or leaving an element (whose
// closing effects then apply). An explicit stack, not recursion: mail HTML
// can nest thousands of levels deep.
struct Step {
  const GumboNode* node;
  bool leaving;
  int ordinal;  // the item's number in an ordered list; 0 otherwise
};

void enter(const GumboNode* node, int ordinal, TextBuilder& b, std::vector<Step>& stack) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    b.text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
  if (skipped(tag)) return;
  if (int n = block_breaks(tag)) b.line_break(n);
  switch (tag) {
    case GUMBO_TAG_BR:
      b.line_break(1, true);
      break;
    case GUMBO_TAG_HR:
      b.literal("----");
      b.line_break(1);
      break;
    case GUMBO_TAG_LI:
      b.literal(ordinal > 0 ? std::to_string(ordinal) + ". " : "- ");
      break;
    case GUMBO_TAG_BLOCKQUOTE:
      b.enter_quote();
      break;
    case GUMBO_TAG_PRE:
      b.enter_pre();
      break;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      if (!b.at_line_start()) b.literal("  ");
      break;
    case GUMBO_TAG_IMG: {
      std::string_view alt = trimmed(attribute(node->v.element, "alt"));
      if (!alt.empty()) b.literal("[" + std::string(alt) + "]");
      break;
    }
    default:
      break;
  }
  stack.push_back({node, true, 0});
  bool ordered = tag == GUMBO_TAG_OL;
  int items = 0;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (ordered && child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_LI)
      ++items;
  }
  for (unsigned i = children.length; i > 0; --i) {
    auto* child = static_cast<const GumboNode*>(children.data[i - 1]);
    bool item =
        ordered && child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_LI;
    stack.push_back({child, false, item ? items-- : 0});
  }
}

void leave(const GumboNode* node, TextBuilder& b) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_A: {
      // A link shows its address unless its words already are the address.
      std::string_view href = trimmed(attribute(node->v.element, "href"));
      std::string words(trimmed(plain_text(node)));
      std::string_view target = href;
      if (target.substr(0, 7) == "mailto:") target.remove_prefix(7);
      if (!href.empty() && href.front() != '#' && words != target && words != href)
        b.literal(" <" + std::string(target) + ">");
      break;
    }
    case GUMBO_TAG_BLOCKQUOTE:
      b.line_break(2);
      b.leave_quote();
      break;
    case GUMBO_TAG_PRE:
      b.leave_pre();
      break;
    default:
      break;
  }
  if (int n = block_breaks(tag)) b.line_break(n);
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string flat = flatten_deep(html);
  std::unique_ptr<GumboOutput, OutputFree> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, flat.data(), flat.size()));
  if (!output) return {};
  TextBuilder b;
  std::vector<Step> stack{{output->document, false, 0}};
  while (!stack.empty()) {
    Step step = stack.back();
    stack.pop_back();
    if (step.leaving)
      leave(step.node, b);
    else
      enter(step.node, step.ordinal, b, stack);
  }
  return b.finish();
}

}  // namespace desk::mail
