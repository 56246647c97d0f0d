#include "desk/bulk/rows.hpp"

#include <algorithm>
#include <filesystem>
#include <simdjson.h>
#include <vector>

#include <fmt/format.h>

#include "desk/bulk/csv.hpp"
#include "desk/core/error.hpp"
#include "desk/core/text.hpp"
#include "desk/util/strings.hpp"

namespace desk::bulk {

namespace {

Json convert(simdjson::dom::element e) {
  using T = simdjson::dom::element_type;
  switch (e.type()) {
    case T::OBJECT: {
      // Appended without a search for an existing key each time (a ticket
      // has forty); a repeated key, which JSON allows, then takes the way
      // that keeps one of them, as nlohmann's own parser does.
      simdjson::dom::object object(e);
      std::vector<std::string_view> keys;
      for (auto field : object) keys.push_back(field.key);
      std::sort(keys.begin(), keys.end());
      bool repeated = std::adjacent_find(keys.begin(), keys.end()) != keys.end();
      Json out = Json::object();
      auto& fields = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
      fields.reserve(keys.size());
      for (auto field : object) {
        if (repeated)
          out[std::string(field.key)] = convert(field.value);
        else
          fields.emplace_back(std::string(field.key), convert(field.value));
      }
      return out;
    }
    case T::ARRAY: {
      Json out = Json::array();
      for (auto v : simdjson::dom::array(e)) out.push_back(convert(v));
      return out;
    }
    case T::STRING:
      return Json(std::string(std::string_view(e)));
    case T::INT64:
      return Json(std::int64_t(e));
    case T::UINT64:
      return Json(std::uint64_t(e));
    case T::DOUBLE:
      return Json(double(e));
    case T::BOOL:
      return Json(bool(e));
    case T::NULL_VALUE:
      return Json();
  }
  return Json();
}

// One parser for the whole file: it keeps its buffers between lines.
simdjson::dom::parser& parser() {
  static thread_local simdjson::dom::parser p;
  return p;
}

class JsonlReader final : public RowReader {
 public:
  explicit JsonlReader(std::istream& in) : in_(in) {}

  bool next(Row& row) override {
    while (std::getline(in_, line_)) {
      ++number_;
      consumed_ += line_.size() + 1;
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (line_.find_first_not_of(" \t") == std::string::npos) continue;
      row.line = number_;
      row.object = parse_json(line_, number_);
      if (!row.object.is_object())
        throw DataError(fmt::format("line {}: not a JSON object", number_),
                        "each line holds one ticket as a JSON object");
      return true;
    }
    return false;
  }
  std::uint64_t bytes() const override { return consumed_; }

 private:
  std::istream& in_;
  std::string line_;
  std::size_t number_ = 0;
  std::uint64_t consumed_ = 0;
};

class CsvRows final : public RowReader {
 public:
  explicit CsvRows(std::istream& in) : csv_(in) {}

  bool next(Row& row) override {
    if (bad_header_) return false;  // no row can be read without it
    if (!header_read_) {
      header_read_ = true;
      bad_header_ = true;
      if (!csv_.next(header_)) return false;
      for (auto& h : header_) {
        std::string_view v = h;
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
        h = std::string(v);
        require_utf8(h, "the header", csv_.line());
        if (h.empty())
          throw DataError(fmt::format("line {}: a column has no name", csv_.line()),
                          "the first line names the columns: title,type,created_at,...");
      }
      bad_header_ = false;
    }
    while (csv_.next(fields_)) {
      if (fields_.size() == 1 && fields_[0].empty()) continue;  // a blank line
      if (fields_.size() != header_.size())
        throw DataError(fmt::format("line {}: {} fields, but the header names {} columns",
                                    csv_.line(), fields_.size(), header_.size()),
                        "quote a field that holds a comma or a line break");
      row.line = csv_.line();
      row.object = Json::object();
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (util::invalid_utf8(fields_[i]))  // named only then: a million rows pass here
          require_utf8(fields_[i], fmt::format("the {} field", header_[i]), row.line);
        if (header_[i] == "events" && !fields_[i].empty())
          row.object["events"] = parse_json(fields_[i], row.line);
        else
          row.object[header_[i]] = fields_[i];
      }
      return true;
    }
    return false;
  }
  std::uint64_t bytes() const override { return csv_.bytes(); }

 private:
  CsvReader csv_;
  bool header_read_ = false;
  bool bad_header_ = false;
  std::vector<std::string> header_;
  std::vector<std::string> fields_;
};

}  // namespace

Json parse_json(std::string_view text, std::size_t line) {
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  auto error = parser().parse(padded).get(root);
  if (error)
    throw DataError(fmt::format("line {}: invalid JSON: {}", line, simdjson::error_message(error)));
  return convert(root);
}

FileFormat choose_format(std::string_view given, const std::string& name, std::istream& in) {
  if (given == "csv") return FileFormat::csv;
  if (given == "jsonl") return FileFormat::jsonl;
  std::string ext = std::filesystem::path(name).extension().string();
  if (ext == ".csv") return FileFormat::csv;
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return FileFormat::jsonl;
  return in.peek() == '{' ? FileFormat::jsonl : FileFormat::csv;
}

std::unique_ptr<RowReader> make_row_reader(std::istream& in, FileFormat format) {
  if (format == FileFormat::csv) return std::make_unique<CsvRows>(in);
  return std::make_unique<JsonlReader>(in);
}

}  // namespace desk::bulk
