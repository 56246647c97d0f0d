// CSV (RFC 4180 quoting: quoted when needed, quotes doubled; lines end in
// LF, as Unix tools expect) and TSV (no quoting in
// the format, so tabs and line breaks inside values become spaces).
#include "desk/format/writers.hpp"
#include "desk/util/strings.hpp"

namespace desk::format {

namespace {

class DelimitedWriter final : public RowWriter {
 public:
  DelimitedWriter(std::ostream& out, char separator) : out_(out), sep_(separator) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    std::vector<std::string> header;
    for (const auto& c : columns_) header.push_back(c.key);
    line(header);
  }

  void row(const Json& object) override {
    std::vector<std::string> cells;
    for (const auto& c : columns_) {
      if (!object.contains(c.key)) {
        cells.emplace_back();
        continue;
      }
      // Machine formats keep times in ISO 8601 and spans in seconds.
      Kind kind = c.kind == Kind::list ? Kind::list : Kind::text;
      cells.push_back(cell_text(object[c.key], kind));
    }
    line(cells);
  }

  void end() override {}

 private:
  std::string quote(const std::string& v) const {
    if (sep_ == '\t') return util::single_line(v);
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  }

  void line(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ << sep_;
      out_ << quote(cells[i]);
    }
    out_ << '\n';
  }

  std::ostream& out_;
  char sep_;
  std::vector<Column> columns_;
};

}  // namespace

std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, char separator) {
  return std::make_unique<DelimitedWriter>(out, separator);
}

}  // namespace desk::format
