// Charts as inline SVG: horizontal grouped bars (labels stay readable
// however long), and lines over time. Plain shapes and text only, so mail
// clients that strip scripts and styles still draw them.
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

std::string legend(const format::Chart& c, int x, int y) {
  std::string out;
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    int lx = x + static_cast<int>(i) * 170;
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", lx, y,
                       kColours[i % 6]);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>", lx + 18, y + 11,
                       html_escape(c.series[i].label));
  }
  return out;
}

std::string bars(const format::Chart& c, const std::vector<Json>& rows) {
  const int label_w = 180, bar_w = 420, bar_h = 14, gap = 10;
  const int group_h = static_cast<int>(c.series.size()) * bar_h + gap;
  const int top = 30;
  int height = top + static_cast<int>(rows.size()) * group_h + 10;
  double max = c.unit == "%" ? 100.0 : 0.0;
  for (const auto& r : rows)
    for (const auto& s : c.series) max = std::max(max, number(r.value(s.key, Json())));
  if (max <= 0) max = 1;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\">",
      label_w + bar_w + 70, height, label_w + bar_w + 70, height);
  out += legend(c, label_w, 6);
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

std::string lines(const format::Chart& c, const std::vector<Json>& rows) {
  const int left = 50, width = 560, height = 220, top = 30, bottom = 40;
  double max = 0;
  for (const auto& r : rows)
    for (const auto& s : c.series) max = std::max(max, number(r.value(s.key, Json())));
  if (max <= 0) max = 1;
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
  out += legend(c, left, 6);
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8c959f\"/>", left,
                     top + height, left + width, top + height);
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                     left - 6, top + 4, value_text(max, c.unit));
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">0</text>",
                     left - 6, top + height + 4);
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
  const int left = 50, width = 600, height = 200, top = 30, bottom = 40;
  double max = 0;
  for (const auto& r : rows)
    for (const auto& s : c.series) max = std::max(max, number(r.value(s.key, Json())));
  if (max <= 0) max = 1;
  const std::size_t n = rows.size();
  const double slot = static_cast<double>(width) / static_cast<double>(std::max<std::size_t>(n, 1));
  const double bar = std::max(1.0, slot * 0.8 / static_cast<double>(c.series.size()));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\">",
      left + width + 20, top + height + bottom, left + width + 20, top + height + bottom);
  out += legend(c, left, 6);
  for (int k = 0; k <= 2; ++k) {
    int y = top + height - k * height / 2;
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>", left, y,
                       left + width, y, k == 0 ? "#8c959f" : "#d1d9e0");
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                       left - 6, y + 4, value_text(max * k / 2.0, c.unit));
  }
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

}  // namespace

std::string svg_chart(const format::Chart& chart, const std::vector<Json>& rows) {
  switch (chart.kind) {
    case format::Chart::Kind::bar:
      return bars(chart, rows);
    case format::Chart::Kind::column:
      return columns(chart, rows);
    case format::Chart::Kind::line:
      return lines(chart, rows);
  }
  return bars(chart, rows);
}

}  // namespace desk::format
