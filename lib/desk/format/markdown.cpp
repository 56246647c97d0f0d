// GitHub-flavoured Markdown tables: readable as plain text in a mail, and
// rendered by every forge and chat tool.
#include "desk/format/writers.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

std::string markdown_escape(std::string_view s) {
  std::string out;
  for (char c : util::single_line(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '|':
      case '\\':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
        out += '\\';
        [[fallthrough]];
      default:
        out += c;
    }
  }
  return out;
}

namespace {

class MarkdownWriter final : public RowWriter {
 public:
  MarkdownWriter(std::ostream& out, const Style& style) : out_(out), style_(style) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    if (!style_.title.empty()) out_ << "## " << markdown_escape(style_.title) << "\n\n";
    out_ << '|';
    for (const auto& c : columns_) out_ << ' ' << markdown_escape(c.header) << " |";
    out_ << "\n|";
    for (const auto& c : columns_) {
      bool right = c.kind == Kind::number || c.kind == Kind::span || c.kind == Kind::minutes;
      out_ << (right ? " ---: |" : " --- |");
    }
    out_ << '\n';
  }

  void row(const Json& object) override {
    out_ << '|';
    for (const auto& c : columns_) {
      std::string text = column_text(object, c);
      out_ << ' ' << markdown_escape(text) << " |";
    }
    out_ << '\n';
  }

  void end() override {}

 private:
  std::ostream& out_;
  Style style_;
  std::vector<Column> columns_;
};

}  // namespace

std::unique_ptr<RowWriter> make_markdown_writer(std::ostream& out, const Style& style) {
  return std::make_unique<MarkdownWriter>(out, style);
}

}  // namespace desk::format
