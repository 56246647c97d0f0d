#include "input.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::cmd {

namespace fs = std::filesystem;

Input::Input(const std::string& path) : path_(path) {
  if (path == "-") return;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw UsageError(fmt::format("{} is a directory", util::quoted(path)), "give the file to read");
  file_.open(path, std::ios::binary);
  if (!file_)
    throw Error(Exit::io,
                fmt::format("cannot read {}: {}", util::quoted(path), std::strerror(errno)));
  size_ = fs::file_size(path, ec);
}

void report_bad_rows(Env& env, const bulk::BadRows& e, std::string_view undone) {
  if (e.count() == 1) throw e;
  for (const auto& row : e.rows()) print_error(env.err, row.what, row.hint);
  std::string listed = std::int64_t(e.rows().size()) < e.count()
                           ? fmt::format(" ({} listed above)", e.rows().size())
                           : "";
  throw DataError(fmt::format("{} rows are bad{}; {}", e.count(), listed, undone),
                  "fix them and try again; nothing is written while a row is bad");
}

std::istream& Input::stream() {
  return path_ == "-" ? std::cin : file_;
}

}  // namespace desk::cmd
