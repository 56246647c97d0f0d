// JSON (one array, streamed object by object) and JSON Lines (one object per
// line). Streaming keeps memory flat however many rows there are.
#include "desk/format/writers.hpp"

namespace desk::format {

namespace {

class JsonWriter final : public RowWriter {
 public:
  JsonWriter(std::ostream& out, const Style& style, bool lines)
      : out_(out), columns_only_(style.columns_only), lines_(lines) {}

  void begin(const std::vector<Column>& columns) override {
    columns_ = columns;
    if (!lines_) out_ << '[';
  }

  void row(const Json& object) override {
    const Json* value = &object;
    Json picked;
    if (columns_only_) {
      picked = Json::object();
      for (const auto& c : columns_)
        picked[c.key] = object.contains(c.key) ? object[c.key] : Json();
      value = &picked;
    }
    std::string text = value->dump(-1, ' ', false, Json::error_handler_t::replace);
    if (lines_) {
      out_ << text << '\n';
    } else {
      out_ << (first_ ? "\n  " : ",\n  ") << text;
    }
    first_ = false;
  }

  void end() override {
    if (!lines_) out_ << (first_ ? "]\n" : "\n]\n");
  }

 private:
  std::ostream& out_;
  bool columns_only_;
  bool lines_;
  bool first_ = true;
  std::vector<Column> columns_;
};

}  // namespace

std::unique_ptr<RowWriter> make_json_writer(std::ostream& out, const Style& style, bool lines) {
  return std::make_unique<JsonWriter>(out, style, lines);
}

}  // namespace desk::format
