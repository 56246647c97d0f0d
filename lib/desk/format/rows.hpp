// Rendering rows of values as a table, JSON, JSON Lines, CSV, TSV, Markdown
// or HTML. Every listing and report goes through here, so a format is
// written once. Rows are JSON objects; columns say which keys to show and how.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "desk/util/words.hpp"

namespace desk::format {

using Json = nlohmann::ordered_json;

// How a command writes its output (--format). text is for people, laid out
// by the command itself; given rows, it writes a table.
enum class Format { text, table, json, jsonl, csv, tsv, markdown, html };
constexpr std::array<std::string_view, 8> words_of(Format) {
  return {"text", "table", "json", "jsonl", "csv", "tsv", "markdown", "html"};
}

// How a cell reads in human formats (machine formats keep the JSON value).
enum class Kind {
  text,     // as is
  number,   // right-aligned
  time,     // ISO 8601 "2026-11-24T09:05:00+00:00" shown as "2026-11-24 09:05"
  span,     // seconds shown as "3d 4h"
  minutes,  // minutes shown as "3d 4h"
  list,     // ["a","b"] shown as "a,b"
};

// Colours a table cell may take on a terminal.
enum class Tone { plain, dim, bold, red, yellow, green, cyan, magenta };

struct Column {
  Column() = default;
  Column(std::string k, std::string h, Kind kd = Kind::text, bool fl = false)
      : key(std::move(k)), header(std::move(h)), kind(kd), flex(fl) {}

  std::string key;     // the row object's key
  std::string header;  // the table heading
  Kind kind = Kind::text;
  bool flex = false;  // shrinks (with …) when a table is wider than the terminal
  std::function<Tone(const Json&)> tone;  // optional colour of a value
  // span and minutes: how long "d" is, in seconds. Business time is shown in
  // its calendar's working days (desk.toml(5)), so a column of business time
  // sets its calendar's working day here, or `day_of` when each row may have
  // another calendar. Machine formats keep the number.
  std::int64_t day = 86400;
  std::function<std::int64_t(const Json& row)> day_of;
  // The display width the column's values may take when that is known
  // beforehand (the configuration's priorities, teams, technicians...): a
  // long table settles its widths on its first rows, and makes room for it.
  std::size_t width = 0;
};

struct Style {
  bool color = false;     // ANSI colour: only on a tty, never with NO_COLOR
  std::size_t width = 0;  // terminal columns to fit a table into; 0: no limit
  std::string title;      // heading for markdown/html documents
  // JSON/JSONL: write only the columns' keys instead of the whole object.
  bool columns_only = false;
};

class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual void begin(const std::vector<Column>& columns) = 0;
  virtual void row(const Json& object) = 0;
  virtual void end() = 0;
};

std::unique_ptr<RowWriter> make_row_writer(Format f, std::ostream& out, const Style& style);

// A cell's text in human formats (table, markdown, html, csv/tsv); `day` as
// Column::day.
std::string cell_text(const Json& value, Kind kind, std::int64_t day = 86400);
// Column `c` of `row` in human formats ("" when the row lacks it).
std::string column_text(const Json& row, const Column& c);

// `value` with every string in it made safe for a terminal:
// util::multi_line under the keys in `multi_line_keys` (free text that keeps
// its lines), util::single_line elsewhere. For the renderers that print a
// value's fields one by one (desk show, desk customer show); a RowWriter
// cleans its cells itself.
Json terminal_safe(const Json& value, const std::vector<std::string>& multi_line_keys = {});

// The SGR escape for a tone ("" for plain), and the reset.
std::string_view tone_on(Tone t);
constexpr std::string_view kToneOff = "\x1b[0m";

}  // namespace desk::format
