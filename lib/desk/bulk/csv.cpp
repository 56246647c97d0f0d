#include "desk/bulk/csv.hpp"

#include <fmt/format.h>

#include "desk/core/error.hpp"

namespace desk::bulk {

namespace {
constexpr std::size_t kChunk = 1 << 16;
}

int CsvReader::peek() {
  if (pos_ == buffer_.size()) {
    buffer_.resize(kChunk);
    auto n = in_.rdbuf() ? in_.rdbuf()->sgetn(buffer_.data(), kChunk) : 0;
    buffer_.resize(static_cast<std::size_t>(n > 0 ? n : 0));
    pos_ = 0;
    if (buffer_.empty()) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvReader::get() {
  int c = peek();
  if (c >= 0) {
    ++pos_;
    ++consumed_;
    if (c == '\n') ++line_;
  }
  return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    // A byte-order mark, as spreadsheets write it.
    if (peek() >= 0 && buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) {
      pos_ += 3;
      consumed_ += 3;
    }
  }
  if (peek() < 0) return false;
  record_line_ = line_;
  fields.emplace_back();
  while (true) {
    int c = get();
    if (c < 0) return true;
    if (c == '\n') return true;
    if (c == '\r' && peek() == '\n') {
      get();
      return true;
    }
    if (c == ',') {
      fields.emplace_back();
      continue;
    }
    std::string& field = fields.back();
    if (c == '"' && field.empty()) {
      std::size_t opened = line_;
      while (true) {
        int q = get();
        if (q < 0)
          throw DataError(fmt::format("line {}: a quoted field is not closed", opened),
                          "a field in double quotes ends with a double quote; write a quote "
                          "inside one as two (\"\")");
        if (q == '"') {
          if (peek() == '"') {
            get();
            field += '"';
            continue;
          }
          break;
        }
        field += static_cast<char>(q);
      }
      int after = peek();
      if (after >= 0 && after != ',' && after != '\n' && after != '\r')
        throw DataError(fmt::format("line {}: text after a closing quote", line_),
                        "quote the whole field, and write a quote inside it as two (\"\")");
      continue;
    }
    field += static_cast<char>(c);
  }
}

}  // namespace desk::bulk
