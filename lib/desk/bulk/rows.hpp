// The rows of an import file as JSON objects, whatever its format: a JSON
// Lines file gives one object per line; a CSV file gives one object per
// record, its header naming the keys (every value text, except an `events`
// column, which holds the ticket's history as a JSON array).
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

#include "desk/model/ticket.hpp"

namespace desk::bulk {

using model::Json;

enum class FileFormat { csv, jsonl };

struct Row {
  std::size_t line = 0;  // where the row starts in the file (1-based)
  Json object;
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // The next row; false at the end. Throws DataError naming the line for
  // text that is not a row (bad JSON, a CSV record with the wrong number of
  // fields). The next call then goes on with the row after it, or returns
  // false when no row can be read any more (after a bad CSV header).
  virtual bool next(Row& row) = 0;
  // Bytes consumed so far, for progress.
  virtual std::uint64_t bytes() const = 0;
};

std::unique_ptr<RowReader> make_row_reader(std::istream& in, FileFormat format);

// The format `given` ("csv" or "jsonl"), else by the file name's extension,
// else by its first byte: '{' is JSON Lines.
FileFormat choose_format(std::string_view given, const std::string& name, std::istream& in);

// Parses one JSON text (a JSON Lines line, a CSV events cell) into a value.
// Throws DataError("line N: ...") when it is not valid JSON.
Json parse_json(std::string_view text, std::size_t line);

}  // namespace desk::bulk
