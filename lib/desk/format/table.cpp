// Aligned columns for people: widths by display width (CJK and emoji take
// two columns), numbers right-aligned, the flexible column cut with "…" to
// fit the terminal, colour only when asked.
//
// A table streams: its widths come from the first kMeasured rows and the
// widths the columns say their values may take (Column::width), and the
// rows after those are written as they come, a longer text cut with "…".
// So a list of a million tickets holds a thousand rows, never all of them.
#include <algorithm>

#include "desk/format/writers.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

namespace {

class TableWriter final : public RowWriter {
 public:
  TableWriter(std::ostream& out, Style style) : out_(out), style_(std::move(style)) {}

  void begin(const std::vector<Column>& columns) override { columns_ = columns; }

  void row(const Json& object) override {
    std::vector<Cell> cells;
    for (const auto& c : columns_) {
      const Json& v = object.contains(c.key) ? object[c.key] : null_;
      Cell cell{util::single_line(column_text(object, c)), Tone::plain};
      if (c.tone) cell.tone = c.tone(v);
      cells.push_back(std::move(cell));
    }
    if (!widths_.empty()) {
      print(cells, widths_, false);
      return;
    }
    rows_.push_back(std::move(cells));
    if (rows_.size() == kMeasured) flush();
  }

  void end() override {
    if (widths_.empty()) flush();
  }

 private:
  struct Cell {
    std::string text;
    Tone tone;
  };

  // Rows measured before the widths are settled.
  static constexpr std::size_t kMeasured = 1000;

  // Settles the widths, and writes the heading and the rows measured.
  void flush() {
    if (columns_.empty()) return;
    widths_ = measure();
    fit(widths_);
    std::vector<Cell> header;
    for (const auto& c : columns_) header.push_back({c.header, Tone::plain});
    print(header, widths_, true);
    for (const auto& r : rows_) print(r, widths_, false);
    rows_.clear();
    rows_.shrink_to_fit();
  }

  std::vector<std::size_t> measure() const {
    std::vector<std::size_t> w;
    // A stream's widths also make room for what the columns may hold.
    bool streaming = rows_.size() == kMeasured;
    for (const auto& c : columns_)
      w.push_back(std::max(util::display_width(c.header), streaming ? c.width : 0));
    for (const auto& r : rows_)
      for (std::size_t i = 0; i < r.size(); ++i)
        w[i] = std::max(w[i], util::display_width(r[i].text));
    return w;
  }

  // Shrinks the flexible column so the table fits the terminal.
  void fit(std::vector<std::size_t>& widths) const {
    if (style_.width == 0) return;
    std::size_t total = 0;
    for (auto w : widths) total += w;
    total += 2 * (widths.size() - 1);
    if (total <= style_.width) return;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (!columns_[i].flex) continue;
      std::size_t excess = total - style_.width;
      std::size_t floor = std::max<std::size_t>(10, util::display_width(columns_[i].header));
      widths[i] = widths[i] > excess + floor ? widths[i] - excess : std::min(widths[i], floor);
      return;
    }
  }

  void print(const std::vector<Cell>& cells, const std::vector<std::size_t>& widths, bool header) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      bool right = columns_[i].kind == Kind::number || columns_[i].kind == Kind::span ||
                   columns_[i].kind == Kind::minutes;
      // A number wider than its column pushes the line out rather than lose
      // digits; text is cut with "…".
      std::string text = right ? cells[i].text : util::truncate_to_width(cells[i].text, widths[i]);
      std::size_t shown = util::display_width(text);
      std::size_t pad = widths[i] > shown ? widths[i] - shown : 0;
      if (right) line.append(pad, ' ');
      Tone tone = header ? Tone::bold : cells[i].tone;
      if (style_.color && tone != Tone::plain) {
        line += tone_on(tone);
        line += text;
        line += kToneOff;
      } else {
        line += text;
      }
      if (!right && !last) line.append(pad, ' ');
      if (!last) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_ << line << '\n';
  }

  std::ostream& out_;
  Style style_;
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;  // measured, not yet written
  std::vector<std::size_t> widths_;      // settled: rows are written as they come
  const Json null_;
};

}  // namespace

std::unique_ptr<RowWriter> make_table_writer(std::ostream& out, const Style& style) {
  return std::make_unique<TableWriter>(out, style);
}

}  // namespace desk::format
