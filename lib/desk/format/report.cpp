#include "desk/format/report.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/html.hpp"
#include "desk/format/writers.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

namespace {

// "period last-month: 2026-10-01 to 2026-11-01 (Europe/London)"
std::string meta_line(const Json& meta) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : meta.items()) {
    if (v.is_null() || v.is_object() || v.is_array()) continue;
    parts.push_back(fmt::format("{} {}", k, v.is_string() ? v.get<std::string>() : v.dump()));
  }
  return util::join(parts, ", ");
}

void render_rows(const format::Section& s, Format f, std::ostream& out, const Style& style) {
  auto writer = make_row_writer(f, out, style);
  writer->begin(s.columns);
  for (const auto& row : s.rows) writer->row(row);
  writer->end();
}

void render_table(const format::Report& r, std::ostream& out, const Style& style) {
  std::string bold = style.color ? std::string(tone_on(Tone::bold)) : "";
  std::string off = style.color ? std::string(kToneOff) : "";
  out << bold << util::single_line(r.title) << off << '\n'
      << util::single_line(meta_line(r.meta)) << '\n';
  for (const auto& s : r.sections) {
    if (s.detail) continue;
    out << '\n' << bold << util::single_line(s.title) << off << '\n';
    if (!s.note.empty()) out << util::single_line(s.note) << '\n';
    if (s.rows.empty())
      out << "(none)\n";
    else
      render_rows(s, Format::table, out, style);
  }
}

void render_json(const format::Report& r, std::ostream& out) {
  Json j = Json::object();
  j["report"] = r.key;
  j["title"] = r.title;
  for (const auto& [k, v] : r.meta.items()) j[k] = v;
  for (const auto& s : r.sections) j[s.key] = s.rows;
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// Every text is escaped (markdown_escape): a ticket's title cannot become
// HTML or Markdown in the mail or wiki page that shows the report.
void render_markdown(const format::Report& r, std::ostream& out) {
  out << "# " << markdown_escape(r.title) << "\n\n";
  for (const auto& [k, v] : r.meta.items())
    if (!v.is_null() && !v.is_object() && !v.is_array())
      out << "- " << markdown_escape(k) << ": "
          << markdown_escape(v.is_string() ? v.get<std::string>() : v.dump()) << '\n';
  for (const auto& s : r.sections) {
    if (s.detail) continue;
    out << "\n## " << markdown_escape(s.title) << "\n\n";
    if (!s.note.empty()) out << markdown_escape(s.note) << "\n\n";
    if (s.rows.empty()) {
      out << "(none)\n";
      continue;
    }
    Style plain;
    render_rows(s, Format::markdown, out, plain);
  }
}

void render_html(const format::Report& r, std::ostream& out) {
  html_open(out, r.title);
  out << "<h1>" << html_escape(r.title) << "</h1>\n<p class=\"meta\">"
      << html_escape(meta_line(r.meta)) << "</p>\n";
  for (const auto& s : r.sections) {
    if (s.detail) continue;
    out << "<h2>" << html_escape(s.title) << "</h2>\n";
    if (!s.note.empty()) out << "<p>" << html_escape(s.note) << "</p>\n";
    if (s.chart && !s.rows.empty())
      out << svg_chart(*s.chart, s.chart->rows.empty() ? s.rows : s.chart->rows);
    if (s.rows.empty()) {
      out << "<p>(none)</p>\n";
      continue;
    }
    html_table_open(out, s.columns);
    for (const auto& row : s.rows) html_table_row(out, s.columns, row);
    html_table_close(out);
  }
  html_close(out);
}

}  // namespace

void render_report(const format::Report& r, Format f, std::ostream& out, const Style& style,
                   const std::string& section) {
  switch (f) {
    case Format::table:
      return render_table(r, out, style);
    case Format::json:
      return render_json(r, out);
    case Format::markdown:
      return render_markdown(r, out);
    case Format::html:
      return render_html(r, out);
    case Format::jsonl:
    case Format::csv:
    case Format::tsv: {
      const format::Section* s = section.empty()
                                     ? (r.sections.empty() ? nullptr : &r.sections.front())
                                     : r.section(section);
      if (s == nullptr) {
        std::vector<std::string> keys;
        for (const auto& sec : r.sections) keys.push_back(sec.key);
        throw UsageError(
            fmt::format("no section {} in the {} report", util::quoted(section), r.key),
            fmt::format("sections: {}", util::join(keys, ", ")));
      }
      return render_rows(*s, f, out, style);
    }
  }
}

}  // namespace desk::format
