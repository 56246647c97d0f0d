// A self-contained HTML page (inline CSS, no scripts, no network) holding a
// table: it reads the same in a browser and in a mail client.
#include "desk/format/html.hpp"

#include "desk/format/writers.hpp"

namespace desk::format {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
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
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view html_style() {
  return "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;"
         "margin:2em auto;max-width:72em;padding:0 1em;line-height:1.4}"
         "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em}"
         "p.meta{color:#59636e;margin-top:0}"
         "table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.92em}"
         "th,td{border:1px solid #d1d9e0;padding:.3em .7em;text-align:left;vertical-align:top}"
         "th{background:#f6f8fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
         "tr:nth-child(even) td{background:#fbfcfd}"
         "svg{max-width:100%;height:auto}svg text{font-family:inherit}";
}

void html_open(std::ostream& out, std::string_view title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << html_style()
      << "</style>\n</head>\n<body>\n";
}

void html_close(std::ostream& out) {
  out << "</body>\n</html>\n";
}

namespace {

class HtmlWriter final : public RowWriter {
 public:
  HtmlWriter(std::ostream& out, const Style& style) : out_(out), style_(style) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    std::string title = style_.title.empty() ? "desk" : style_.title;
    html_open(out_, title);
    out_ << "<h1>" << html_escape(title) << "</h1>\n";
    html_table_open(out_, columns_);
  }

  void row(const Json& object) override { html_table_row(out_, columns_, object); }

  void end() override {
    html_table_close(out_);
    html_close(out_);
  }

 private:
  std::ostream& out_;
  Style style_;
  std::vector<Column> columns_;
};

}  // namespace

void html_table_open(std::ostream& out, const std::vector<Column>& columns) {
  out << "<table>\n<thead><tr>";
  for (const auto& c : columns) {
    bool right = c.kind == Kind::number || c.kind == Kind::span || c.kind == Kind::minutes;
    out << (right ? "<th class=\"n\">" : "<th>") << html_escape(c.header) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
}

void html_table_row(std::ostream& out, const std::vector<Column>& columns, const Json& object) {
  out << "<tr>";
  for (const auto& c : columns) {
    bool right = c.kind == Kind::number || c.kind == Kind::span || c.kind == Kind::minutes;
    std::string text = column_text(object, c);
    out << (right ? "<td class=\"n\">" : "<td>") << html_escape(text) << "</td>";
  }
  out << "</tr>\n";
}

void html_table_close(std::ostream& out) {
  out << "</tbody>\n</table>\n";
}

std::unique_ptr<RowWriter> make_html_writer(std::ostream& out, const Style& style) {
  return std::make_unique<HtmlWriter>(out, style);
}

}  // namespace desk::format
