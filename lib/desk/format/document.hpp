// A report as values: titled sections of rows, optionally charted. Built by
// lib/desk/report/*, rendered by format/report.cpp in every format, so a
// report never builds strings for a terminal. It lives here, below the
// reports, so that rendering never needs to know how a report is made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk/format/rows.hpp"

namespace desk::format {

struct Series {
  std::string key;    // the row key holding the value
  std::string label;  // the legend
};

struct Chart {
  // bar: horizontal bars, a group per row (labels of any length stay
  // readable); column: vertical bars along a time axis; line: lines over time;
  // heatmap: a grid, a row per row and a column per series, each cell
  // coloured by its value's sign and size (below 0 one colour, above another).
  enum class Kind { bar, column, line, heatmap };
  Kind kind = Kind::bar;
  std::string label_key;  // the row key naming each bar or point
  std::vector<Series> series;
  std::string unit;  // "%", "tickets", "minutes"
  // What the chart draws when it is not the section's rows (a transposed
  // view, say); never written to JSON or CSV.
  std::vector<Json> rows = {};
};

struct Section {
  std::string key;    // the JSON key, and the name --section takes
  std::string title;  // the heading people read
  std::vector<format::Column> columns;
  std::vector<Json> rows;
  std::optional<Chart> chart;
  std::string note;  // a sentence under the heading ("3 tickets breached")
  // Too long to read: only in the machine formats (JSON, and CSV/TSV with
  // --section), left out of table, Markdown and HTML.
  bool detail = false;
};

struct Report {
  std::string key;             // "sla", "volume", ...
  std::string title;           // "Service levels"
  Json meta = Json::object();  // period, since, until, now, timezone, by ...
  std::vector<Section> sections;
  // How long "d" is in the minutes columns (Kind::minutes), which in reports
  // are business time: the working day of the desk's default calendar, so
  // that "3d" reads as desk.toml's "3d" (desk.toml(5)). JSON keeps minutes.
  std::int64_t working_day = 86400;

  const Section* section(std::string_view key) const;
};

}  // namespace desk::format
