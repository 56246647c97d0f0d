#include "desk/format/markdown_terminal.hpp"

#include <memory>

#include <cmark.h>
#include <fmt/format.h>

#include "desk/util/fill.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

namespace {

constexpr std::string_view kBold = "\x1b[1m", kBoldOff = "\x1b[22m";
constexpr std::string_view kItalic = "\x1b[3m", kItalicOff = "\x1b[23m";
constexpr std::string_view kUnderline = "\x1b[4m", kUnderlineOff = "\x1b[24m";
constexpr std::string_view kCyan = "\x1b[36m", kYellow = "\x1b[33m", kColorOff = "\x1b[39m";

// Control characters as spaces (util's one cleaner); newlines too unless
// `keep_newlines`.
std::string sanitize(std::string_view s, bool keep_newlines = false) {
  return keep_newlines ? util::multi_line(s) : util::single_line(s);
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// Deeper than this, block quotes, lists, emphasis and links are shown as
// their plain text. The renderer recurses once per level, and cmark nests
// as deep as the text says: 100,000 '>' are 100,000 block quotes, which
// exhausted the stack (issue 14).
constexpr int kMaxNesting = 16;

// The text under `node`, without structure: a line for each block. Walked
// with cmark's iterator, so that any depth costs no stack.
std::string plain_text(cmark_node* node) {
  std::string out;
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(node), cmark_iter_free);
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it.get());
    auto type = cmark_node_get_type(n);
    bool block = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                 type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK;
    if (ev == CMARK_EVENT_ENTER) {
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE ||
          type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK)
        out += sanitize(literal(n));
      else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        out += ' ';
    }
    // Leaves (code and HTML blocks) have no exit event.
    bool leaf = type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK;
    if (block && (ev == CMARK_EVENT_EXIT || leaf) && !out.empty() && out.back() != '\n')
      out += '\n';
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Counts one level of nesting while it lives.
class Level {
 public:
  explicit Level(int& depth) : depth_(depth) { ++depth_; }
  ~Level() { --depth_; }
  Level(const Level&) = delete;
  Level& operator=(const Level&) = delete;

 private:
  int& depth_;
};

class Renderer {
 public:
  explicit Renderer(const TerminalStyle& style) : style_(style) {}

  std::string render(cmark_node* document) {
    std::string margin(style_.indent, ' ');
    blocks(document, margin, margin);
    return out_;
  }

 private:
  std::string styled(std::string_view on, const std::string& text, std::string_view off) const {
    if (!style_.color || text.empty()) return text;
    return std::string(on) + text + std::string(off);
  }

  std::string inlines(cmark_node* parent) {
    if (inline_depth_ >= kMaxNesting) return plain_text(parent);
    Level level(inline_depth_);
    std::string s;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) s += inline_(n);
    return s;
  }

  std::string inline_(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        return sanitize(literal(n));
      case CMARK_NODE_SOFTBREAK:
        return " ";
      case CMARK_NODE_LINEBREAK:
        return "\n";
      case CMARK_NODE_CODE:
        return style_.color ? styled(kCyan, sanitize(literal(n)), kColorOff)
                            : "`" + sanitize(literal(n)) + "`";
      case CMARK_NODE_HTML_INLINE:
        return sanitize(literal(n));
      case CMARK_NODE_EMPH:
        return styled(kItalic, inlines(n), kItalicOff);
      case CMARK_NODE_STRONG:
        return styled(kBold, inlines(n), kBoldOff);
      case CMARK_NODE_LINK: {
        std::string text = inlines(n);
        const char* u = cmark_node_get_url(n);
        std::string url = sanitize(u ? u : "");
        if (url.empty() || text == url || "mailto:" + text == url) return url.empty() ? text : url;
        return styled(kUnderline, text, kUnderlineOff) + " (" + url + ")";
      }
      case CMARK_NODE_IMAGE: {
        const char* u = cmark_node_get_url(n);
        return "[image: " + inlines(n) + "] (" + sanitize(u ? u : "") + ")";
      }
      default:
        return inlines(n);
    }
  }

  // Words of `text` filled into lines after `first` (then `rest`).
  void wrap(const std::string& text, const std::string& first, const std::string& rest) {
    out_ += util::fill(text, style_.width, first, rest);
  }

  void verbatim(const std::string& text, const std::string& prefix) {
    std::string body = text;
    while (!body.empty() && body.back() == '\n') body.pop_back();
    for (const auto& l : lines(body)) {
      std::string shown = prefix + l;
      while (!shown.empty() && shown.back() == ' ') shown.pop_back();
      out_ += shown + "\n";
    }
  }

  static std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  void blank_line(const std::string& prefix) {
    std::string p = prefix;
    while (!p.empty() && p.back() == ' ') p.pop_back();
    out_ += p + "\n";
  }

  // The children of `parent`, a blank line between them unless `tight`.
  void blocks(cmark_node* parent, const std::string& first, const std::string& rest,
              bool tight = false) {
    if (block_depth_ >= kMaxNesting) {
      // A list item's marker is shown even when nothing under it is text.
      std::string text = plain_text(parent);
      if (!text.empty() || (first != rest && cmark_node_first_child(parent)))
        wrap(text, first, rest);
      return;
    }
    Level level(block_depth_);
    bool started = false;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      if (started && !tight) blank_line(rest);
      block(n, started ? rest : first, rest);
      started = true;
    }
  }

  void block(cmark_node* n, const std::string& first, const std::string& rest) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        wrap(inlines(n), first, rest);
        break;
      case CMARK_NODE_HEADING:
        heading(n, first, rest);
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (first != rest) out_ += first + "\n";
        verbatim(sanitize(literal(n), true), rest + "    ");
        break;
      case CMARK_NODE_HTML_BLOCK:
        verbatim(sanitize(literal(n), true), rest);
        break;
      case CMARK_NODE_THEMATIC_BREAK: {
        std::size_t avail = style_.width > rest.size() ? style_.width - rest.size() : 40;
        out_ += first + std::string(std::min<std::size_t>(avail, 40), '-') + "\n";
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        blocks(n, first + "> ", rest + "> ");
        break;
      case CMARK_NODE_LIST:
        list(n, first, rest);
        break;
      default:
        blocks(n, first, rest);
    }
  }

  void heading(cmark_node* n, const std::string& first, const std::string& rest) {
    int level = cmark_node_get_heading_level(n);
    std::string text = inlines(n);
    if (style_.color) {
      std::string on(kBold), off(kBoldOff);
      if (level == 1) on += kUnderline, off += kUnderlineOff;
      wrap(on + text + off, first, rest);
      return;
    }
    wrap(text, first, rest);
    if (level <= 2)
      out_ +=
          rest +
          std::string(std::max<std::size_t>(util::visible_width(text), 3), level == 1 ? '=' : '-') +
          "\n";
  }

  void list(cmark_node* n, const std::string& first, const std::string& rest) {
    bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    bool tight = cmark_node_get_list_tight(n) != 0;
    int number = cmark_node_get_list_start(n);
    const char* delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ")" : ".";
    bool started = false;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      if (started && !tight) blank_line(rest);
      std::string marker = ordered ? fmt::format("{}{} ", number++, delim) : "- ";
      std::string pad(marker.size(), ' ');
      blocks(item, (started ? rest : first) + marker, rest + pad, tight);
      if (cmark_node_first_child(item) == nullptr) out_ += (started ? rest : first) + marker + "\n";
      started = true;
    }
  }

  TerminalStyle style_;
  std::string out_;
  int block_depth_ = 0, inline_depth_ = 0;
};

}  // namespace

std::string markdown_to_terminal(std::string_view markdown, const TerminalStyle& style) {
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  if (!doc) return util::multi_line(markdown);
  return Renderer(style).render(doc.get());
}

std::string highlight(std::string_view text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& marks, bool color) {
  if (!color || marks.empty()) return sanitize(text);
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : marks) {
    if (begin < at || end > text.size() || begin > end) continue;
    out += sanitize(text.substr(at, begin - at));
    out += std::string(kBold) + std::string(kYellow) + sanitize(text.substr(begin, end - begin)) +
           std::string(kColorOff) + std::string(kBoldOff);
    at = end;
  }
  out += sanitize(text.substr(at));
  return out;
}

}  // namespace desk::format
