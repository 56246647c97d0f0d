#include "desk/format/rows.hpp"

#include <algorithm>

#include "desk/core/time.hpp"
#include "desk/format/writers.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

std::string cell_text(const Json& value, Kind kind, std::int64_t day) {
  if (value.is_null()) return {};
  switch (kind) {
    case Kind::time:
      if (value.is_string()) {
        std::string s = value.get<std::string>();
        if (s.size() >= 16 && s[10] == 'T') return s.substr(0, 10) + " " + s.substr(11, 5);
        return s;
      }
      break;
    case Kind::span:
      if (value.is_number()) return format_span(value.get<std::int64_t>(), day);
      break;
    case Kind::minutes:
      if (value.is_number()) return format_span(value.get<std::int64_t>() * 60, day);
      break;
    case Kind::list:
      if (value.is_array()) {
        std::string out;
        for (const auto& v : value) {
          if (!out.empty()) out += ',';
          out += v.is_string() ? v.get<std::string>() : v.dump();
        }
        return out;
      }
      break;
    default:
      break;
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number_float()) {
    double d = value.get<double>();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", d);
    return buf;
  }
  return value.dump();
}

std::string column_text(const Json& row, const Column& c) {
  if (!row.contains(c.key)) return {};
  return cell_text(row[c.key], c.kind, c.day_of ? c.day_of(row) : c.day);
}

namespace {

void clean_strings(Json& v, const std::vector<std::string>& multi_line_keys, bool multi) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    v = multi ? util::multi_line(s) : util::single_line(s);
  } else if (v.is_array()) {
    for (auto& item : v) clean_strings(item, multi_line_keys, multi);
  } else if (v.is_object()) {
    for (auto& [key, item] : v.items())
      clean_strings(
          item, multi_line_keys,
          std::find(multi_line_keys.begin(), multi_line_keys.end(), key) != multi_line_keys.end());
  }
}

}  // namespace

Json terminal_safe(const Json& value, const std::vector<std::string>& multi_line_keys) {
  Json out = value;
  clean_strings(out, multi_line_keys, false);
  return out;
}

std::string_view tone_on(Tone t) {
  switch (t) {
    case Tone::plain:
      return "";
    case Tone::dim:
      return "\x1b[2m";
    case Tone::bold:
      return "\x1b[1m";
    case Tone::red:
      return "\x1b[31m";
    case Tone::yellow:
      return "\x1b[33m";
    case Tone::green:
      return "\x1b[32m";
    case Tone::cyan:
      return "\x1b[36m";
    case Tone::magenta:
      return "\x1b[35m";
  }
  return "";
}

std::unique_ptr<RowWriter> make_row_writer(Format f, std::ostream& out, const Style& style) {
  switch (f) {
    case Format::text:  // rows for people: a table
    case Format::table:
      return make_table_writer(out, style);
    case Format::json:
      return make_json_writer(out, style, false);
    case Format::jsonl:
      return make_json_writer(out, style, true);
    case Format::csv:
      return make_delimited_writer(out, ',');
    case Format::tsv:
      return make_delimited_writer(out, '\t');
    case Format::markdown:
      return make_markdown_writer(out, style);
    case Format::html:
      return make_html_writer(out, style);
  }
  return make_table_writer(out, style);
}

}  // namespace desk::format
