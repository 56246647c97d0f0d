// The bad rows of a file, gathered so that one run reports them all (desk
// import, desk rate --from): nothing is written while any row is bad.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "desk/core/error.hpp"

namespace desk::bulk {

// A row that cannot be taken: why (starting "line N: ") and what to do.
struct RowError {
  std::string what;
  std::string hint;
};

// Every bad row of a file. what() and hint() are the first row's: with one
// bad row the error reads as any other.
class BadRows : public DataError {
 public:
  static constexpr std::size_t kKept = 50;  // rows listed; the rest only counted
  BadRows(std::vector<RowError> rows, std::int64_t count)
      : DataError(rows.front().what, rows.front().hint), rows_(std::move(rows)), count_(count) {}
  const std::vector<RowError>& rows() const { return rows_; }
  std::int64_t count() const { return count_; }

 private:
  std::vector<RowError> rows_;
  std::int64_t count_;
};

// The bad rows met so far, in the order met. An unknown column is listed
// once: in a CSV file every row has it.
class BadRowList {
 public:
  void add(const DataError& e);
  // Throws BadRows when any row was bad.
  void throw_if_any();

 private:
  std::vector<RowError> rows_;
  std::vector<std::string> columns_;
  std::int64_t count_ = 0;
};

}  // namespace desk::bulk
