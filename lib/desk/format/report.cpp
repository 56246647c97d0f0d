#include "desk/format/report.hpp"

#include <optional>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"
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

// The section's columns, business minutes in the report's working days.
std::vector<Column> columns_of(const format::Report& r, const format::Section& s) {
  std::vector<Column> columns = s.columns;
  for (auto& c : columns)
    if (c.kind == Kind::minutes) c.day = r.working_day;
  return columns;
}

// "1 – 7 March 2026" for the local dates of `since` and `until` (ISO 8601
// strings in the report's zone; `until` is exclusive, so a period ending at
// midnight ends the day before), with the time when an end is not midnight.
std::string dates_read(const std::string& since, const std::string& until) {
  static const char* const months[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  struct Day {
    int y = 0, m = 0, d = 0;
    std::string time;  // "" at midnight
  };
  auto day_of = [](const std::string& iso) -> std::optional<Day> {
    if (iso.size() < 16 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T') return std::nullopt;
    auto y = util::parse_int(iso.substr(0, 4)), m = util::parse_int(iso.substr(5, 2)),
         d = util::parse_int(iso.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *m > 12) return std::nullopt;
    Day out{static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d), iso.substr(11, 5)};
    if (iso.compare(11, 8, "00:00:00") == 0) out.time.clear();
    return out;
  };
  auto a = day_of(since), b = day_of(until);
  if (!a || !b) return since + " – " + until;
  if (b->time.empty()) civil_from_days(days_from_civil(b->y, b->m, b->d) - 1, b->y, b->m, b->d);
  auto full = [&](const Day& x) {
    return fmt::format("{} {} {}{}", x.d, months[x.m - 1], x.y,
                       x.time.empty() ? "" : ", " + x.time);
  };
  if (a->y == b->y && a->m == b->m && a->d == b->d && a->time.empty() && b->time.empty())
    return full(*b);
  if (!a->time.empty() || !b->time.empty()) return full(*a) + " – " + full(*b);
  if (a->y == b->y && a->m == b->m) return fmt::format("{} – {}", a->d, full(*b));
  if (a->y == b->y) return fmt::format("{} {} – {}", a->d, months[a->m - 1], full(*b));
  return full(*a) + " – " + full(*b);
}

// "New York time" for America/New_York; "UTC" stays.
std::string zone_read(const std::string& zone) {
  if (zone.empty() || zone == "UTC" || zone.find('/') == std::string::npos) return zone;
  std::string city = zone.substr(zone.rfind('/') + 1);
  for (auto& ch : city)
    if (ch == '_') ch = ' ';
  return city + " time";
}

// What a manager reads under the title: the period's dates and zone
// ("1 – 7 March 2026, New York time"), or for a report at one moment (no
// period) the moment.
std::string period_read(const Json& meta) {
  auto text = [&](const char* key) {
    return meta.contains(key) && meta[key].is_string() ? meta[key].get<std::string>()
                                                       : std::string();
  };
  std::string zone = zone_read(text("timezone"));
  std::string dates = !text("since").empty() && !text("until").empty()
                          ? dates_read(text("since"), text("until"))
                          : text("now");
  return zone.empty() ? dates : dates + ", " + zone;
}

void render_rows(const format::Report& r, const format::Section& s, Format f, std::ostream& out,
                 const Style& style) {
  auto writer = make_row_writer(f, out, style);
  writer->begin(columns_of(r, s));
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
    // An empty section's note already says so ("No open tickets at risk.");
    // "(none)" stands in only where there is no note.
    if (s.rows.empty()) {
      if (s.note.empty()) out << "(none)\n";
    } else {
      render_rows(r, s, Format::table, out, style);
    }
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
      if (s.note.empty()) out << "(none)\n";
      continue;
    }
    Style plain;
    render_rows(r, s, Format::markdown, out, plain);
  }
}

void render_html(const format::Report& r, std::ostream& out) {
  html_open(out, r.title);
  out << "<h1>" << html_escape(r.title) << "</h1>\n<p class=\"meta\">"
      << html_escape(period_read(r.meta)) << "</p>\n";
  for (const auto& s : r.sections) {
    if (s.detail) continue;
    out << "<h2>" << html_escape(s.title) << "</h2>\n";
    if (!s.note.empty()) out << "<p>" << html_escape(s.note) << "</p>\n";
    if (s.chart && !s.rows.empty())
      out << svg_chart(*s.chart, s.chart->rows.empty() ? s.rows : s.chart->rows);
    if (s.rows.empty()) {
      if (s.note.empty()) out << "<p>(none)</p>\n";
      continue;
    }
    std::vector<Column> columns = columns_of(r, s);
    html_table_open(out, columns);
    for (const auto& row : s.rows) html_table_row(out, columns, row);
    html_table_close(out);
  }
  html_close(out);
}

}  // namespace

void render_report(const format::Report& r, Format f, std::ostream& out, const Style& style,
                   const std::string& section) {
  switch (f) {
    case Format::text:
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
      return render_rows(r, *s, f, out, style);
    }
  }
}

}  // namespace desk::format
