// A file named on the command line to read rows from, or standard input
// for "-" (desk import, desk rate --from).
#pragma once

#include <cstdint>
#include <fstream>
#include <istream>
#include <string>
#include <string_view>

#include "desk/bulk/bad_rows.hpp"

#include "context.hpp"

namespace desk::cmd {

class Input {
 public:
  // Throws UsageError for a directory, Error(io) for a file it cannot read.
  explicit Input(const std::string& path);
  std::istream& stream();
  const std::string& path() const { return path_; }
  // "standard input", or the path as given.
  std::string name() const { return path_ == "-" ? "standard input" : path_; }
  std::uint64_t size() const { return size_; }  // 0 for standard input

 private:
  std::string path_;
  std::ifstream file_;
  std::uint64_t size_ = 0;
};

// Every bad row of a file (those kept), then one line that counts them and
// says what was not done (`undone`), thrown as the command's error. One bad
// row is the error itself.
[[noreturn]] void report_bad_rows(Env& env, const bulk::BadRows& e, std::string_view undone);

}  // namespace desk::cmd
