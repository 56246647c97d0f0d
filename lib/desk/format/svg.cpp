// Charts as inline SVG: horizontal grouped bars (labels stay readable
// however long), columns and lines over time, and heat maps. Plain shapes
// and text only, so mail clients that strip scripts and styles still draw
// them.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "desk/format/html.hpp"
#include "desk/format/report.hpp"

namespace desk::format {

namespace {

// Colour-blind-safe (Okabe–Ito) series colours.
constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73",
                                    "#D55E00", "#CC79A7", "#56B4E9"};

double number(const Json& v) {
  return v.is_number() ? v.get<double>() : 0.0;
}

std::string label_of(const Json& row, const std::string& key) {
  if (!row.contains(key)) return "";
  const Json& v = row[key];
  return v.is_string() ? v.get<std::string>() : (v.is_null() ? "(none)" : v.dump());
}

std::string value_text(double v, const std::string& unit) {
  std::string n =
      std::fabs(v - std::round(v)) < 1e-9 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v);
  return unit == "%" ? n + "%" : n;
}

// A generous width of `text` at font-size 12: 7 px a character (the widest
// sans-serif average is about 6.5), so that what is laid out by it fits.
int text_width(std::string_view text) {
  int chars = 0;
  for (unsigned char ch : text) chars += (ch & 0xC0) != 0x80;  // UTF-8 lead bytes
  return 7 * chars;
}

// The legend from (x, y), an entry after the other, wrapping onto a new line
// of 18 px before an entry would pass `right`.
struct Legend {
  std::string svg;
  int height = 0;  // of all its lines
};

Legend legend(const format::Chart& c, int x, int y, int right) {
  Legend out;
  int lx = x, line = 0;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    int w = 18 + text_width(c.series[i].label);
    if (lx > x && lx + w > right) {
      lx = x;
      ++line;
    }
    int ly = y + line * 18;
    out.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", lx,
                           ly, kColours[i % 6]);
    out.svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>", lx + 18, ly + 11,
                           html_escape(c.series[i].label));
    lx += w + 16;
  }
  out.height = (line + 1) * 18;
  return out;
}

// The step between ticks of an axis up to `max`: 1, 2 or 5 times a power of
// ten, about `ticks` steps in all; whole numbers for counts (anything but
// percentages), so that an axis of tickets never reads 2679.5.
double tick_step(double max, int ticks, bool whole) {
  double raw = max / ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw - 1e-9) {
      step = m * power;
      break;
    }
  return whole ? std::max(1.0, std::round(step)) : step;
}

// The largest value any series reaches in `rows`, and at least `floor`;
// 1 when none is above 0, so that scaling by it never divides by 0.
double largest(const format::Chart& c, const std::vector<Json>& rows, double floor = 0.0) {
  double max = floor;
  for (const auto& r : rows)
    for (const auto& s : c.series) max = std::max(max, number(r.value(s.key, Json())));
  return max > 0 ? max : 1.0;
}

// A value axis for `rows`: up to their largest value rounded up to a whole
// number of ticks, about four of them.
struct Axis {
  double max;
  double tick;
};
Axis value_axis(const format::Chart& c, const std::vector<Json>& rows) {
  double max = largest(c, rows);
  const double tick = tick_step(max, 4, c.unit != "%");
  return {tick * std::ceil(max / tick - 1e-9), tick};
}

// A row that is the total of the others ("all") is no bar beside them: it
// would dwarf them. Kept where it is a share (%), an average of the others.
std::vector<Json> parts_of(const format::Chart& c, const std::vector<Json>& rows) {
  if (c.unit == "%") return rows;
  std::vector<Json> out;
  for (const auto& r : rows)
    if (label_of(r, c.label_key) != "all") out.push_back(r);
  return out;
}

std::string bars(const format::Chart& c, const std::vector<Json>& all_rows) {
  const std::vector<Json> rows = parts_of(c, all_rows);
  const int label_w = 180, bar_w = 420, bar_h = 14, gap = 10;
  const int group_h = static_cast<int>(c.series.size()) * bar_h + gap;
  const int full_w = label_w + bar_w + 70;
  Legend key = legend(c, label_w, 6, full_w - 4);
  const int top = 12 + key.height;
  int height = top + static_cast<int>(rows.size()) * group_h + 10;
  const double max = largest(c, rows, c.unit == "%" ? 100.0 : 0.0);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\">",
      full_w, height, full_w, height);
  out += key.svg;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    int y = top + static_cast<int>(i) * group_h;
    out +=
        fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
                    label_w - 8, y + group_h / 2 + 2, html_escape(label_of(rows[i], c.label_key)));
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      const Json& v = rows[i].value(c.series[k].key, Json());
      int by = y + static_cast<int>(k) * bar_h;
      if (!v.is_number()) continue;
      int w = static_cast<int>(std::round(number(v) / max * bar_w));
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                         label_w, by, std::max(w, 1), bar_h - 2, kColours[k % 6]);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>", label_w + w + 4,
                         by + bar_h - 4, value_text(number(v), c.unit));
    }
  }
  return out + "</svg>\n";
}

// The value axis of a chart `height` px tall from `top`: a grid line and a
// label at every `step` from 0 to `max` (a whole number of steps).
std::string axis(int left, int width, int top, int height, double max, double step,
                 const std::string& unit) {
  std::string out;
  int ticks = static_cast<int>(std::round(max / step));
  for (int k = 0; k <= ticks; ++k) {
    int y = top + height - static_cast<int>(std::round(k * step / max * height));
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>", left, y,
                       left + width, y, k == 0 ? "#8c959f" : "#d1d9e0");
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                       left - 6, y + 4, value_text(k * step, unit));
  }
  return out;
}

std::string lines(const format::Chart& c, const std::vector<Json>& rows) {
  const int left = 50, width = 560, height = 220, bottom = 40;
  Legend key = legend(c, left, 6, left + width + 26);
  const int top = 12 + key.height;
  const Axis scale = value_axis(c, rows);
  const double max = scale.max, tick = scale.tick;
  std::size_t n = rows.size();
  auto x_of = [&](std::size_t i) {
    return left + (n <= 1 ? width / 2 : static_cast<int>(i * width / (n - 1)));
  };
  auto y_of = [&](double v) {
    return top + height - static_cast<int>(std::round(v / max * height));
  };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\">",
      left + width + 30, top + height + bottom, left + width + 30, top + height + bottom);
  out += key.svg;
  out += axis(left, width, top, height, max, tick, c.unit);
  std::size_t step = std::max<std::size_t>(1, n / 8);
  for (std::size_t i = 0; i < n; i += step)
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
                       x_of(i), top + height + 16, html_escape(label_of(rows[i], c.label_key)));
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    std::string points;
    for (std::size_t i = 0; i < n; ++i)
      points += fmt::format("{}{},{}", i ? " " : "", x_of(i),
                            y_of(number(rows[i].value(c.series[k].key, Json()))));
    out += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>",
                       kColours[k % 6], points);
  }
  return out + "</svg>\n";
}

// Vertical bars along a time axis: a slot per row, a bar per series in it.
std::string columns(const format::Chart& c, const std::vector<Json>& rows) {
  const int left = 50, width = 600, height = 200, bottom = 40;
  Legend key = legend(c, left, 6, left + width + 16);
  const int top = 12 + key.height;
  const Axis scale = value_axis(c, rows);
  const double max = scale.max, tick = scale.tick;
  const std::size_t n = rows.size();
  const double slot = static_cast<double>(width) / static_cast<double>(std::max<std::size_t>(n, 1));
  const double bar = std::max(1.0, slot * 0.8 / static_cast<double>(c.series.size()));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\">",
      left + width + 20, top + height + bottom, left + width + 20, top + height + bottom);
  out += key.svg;
  out += axis(left, width, top, height, max, tick, c.unit);
  std::size_t step = std::max<std::size_t>(1, (n + 7) / 8);
  for (std::size_t i = 0; i < n; ++i) {
    double x0 = left + slot * static_cast<double>(i) + slot * 0.1;
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      const Json& v = rows[i].value(c.series[k].key, Json());
      if (!v.is_number()) continue;
      int h = static_cast<int>(std::round(number(v) / max * height));
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>",
                         x0 + bar * static_cast<double>(k), top + height - h,
                         std::max(bar - 0.5, 0.5), h, kColours[k % 6]);
    }
    if (i % step == 0)
      out += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
          left + slot * (static_cast<double>(i) + 0.5), top + height + 16,
          html_escape(label_of(rows[i], c.label_key)));
  }
  return out + "</svg>\n";
}

// A grid of cells: rows down, series across. Below 0 in vermillion, above in
// blue (Okabe–Ito, told apart in every common colour blindness), deeper the
// larger; 0 in grey; no value left blank. Each cell prints its value.
std::string heatmap(const format::Chart& c, const std::vector<Json>& rows) {
  const int left = 56, cell_w = 64, cell_h = 20, top = 46;
  const int width = left + cell_w * static_cast<int>(c.series.size()) + 10;
  const int height = top + cell_h * static_cast<int>(rows.size()) + 10;
  double most = 0;
  for (const auto& row : rows)
    for (const auto& s : c.series)
      most = std::max(most, std::fabs(number(row.value(s.key, Json()))));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} "
      "{}\" role=\"img\">",
      width, height, width, height);
  const std::pair<const char*, const char*> keys[] = {{"#D55E00", "below 0"},
                                                      {"#0072B2", "above 0"}};
  int lx = left;
  for (const auto& [colour, label] : keys) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"16\" font-size=\"12\">{}</text>",
        lx, colour, lx + 16, label);
    lx += 16 + text_width(label) + 16;
  }
  for (std::size_t k = 0; k < c.series.size(); ++k)
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
                       left + cell_w * static_cast<int>(k) + cell_w / 2, top - 8,
                       html_escape(c.series[k].label));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    int y = top + cell_h * static_cast<int>(i);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
                       left - 6, y + 14, html_escape(label_of(rows[i], c.label_key)));
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      int x = left + cell_w * static_cast<int>(k);
      const Json& v = rows[i].value(c.series[k].key, Json());
      std::string fill = "#ffffff";
      double opacity = 1.0;
      if (v.is_number()) {
        double n = number(v);
        fill = n < 0 ? "#D55E00" : n > 0 ? "#0072B2" : "#e8e8e8";
        if (n != 0 && most > 0) opacity = 0.25 + 0.75 * std::fabs(n) / most;
      }
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "fill-opacity=\"{:.2f}\" stroke=\"#ffffff\"/>",
          x, y, cell_w, cell_h, fill, opacity);
      if (v.is_number())
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
            x + cell_w / 2, y + 14, number(v) != 0 && opacity > 0.6 ? "#ffffff" : "#000000",
            value_text(number(v), c.unit));
    }
  }
  return out + "</svg>\n";
}

}  // namespace

std::string svg_chart(const format::Chart& chart, const std::vector<Json>& rows) {
  switch (chart.kind) {
    case format::Chart::Kind::bar:
      return bars(chart, rows);
    case format::Chart::Kind::column:
      return columns(chart, rows);
    case format::Chart::Kind::line:
      return lines(chart, rows);
    case format::Chart::Kind::heatmap:
      return heatmap(chart, rows);
  }
  return bars(chart, rows);
}

}  // namespace desk::format
