// Reading CSV as RFC 4180 writes it: fields separated by commas, a field in
// double quotes may hold commas, line breaks and doubled quotes (""), and
// records end with LF or CRLF. A UTF-8 byte-order mark at the start is
// skipped. Streams: memory holds one record at a time.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace desk::bulk {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // The next record's fields; false at the end of the input. A blank line is
  // a record of one empty field. Throws DataError naming the line for an
  // unterminated quote or text after a closing quote.
  bool next(std::vector<std::string>& fields);

  // The line the last record started on (1-based).
  std::size_t line() const { return record_line_; }
  // Bytes consumed so far.
  std::uint64_t bytes() const { return consumed_; }

 private:
  int get();
  int peek();

  std::istream& in_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::uint64_t consumed_ = 0;
  bool started_ = false;
};

}  // namespace desk::bulk
