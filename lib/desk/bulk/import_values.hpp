// Another tool's row, read by column (internal to lib/desk/bulk/import*.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/bulk/import.hpp"

namespace desk::bulk {

// The row's values by column: text, "" when absent, null or empty. Throws
// (naming the line) for a column desk does not know.
class Values {
 public:
  Values(const Json& o, std::size_t line);

  std::string text(const std::string& key) const;
  // Long text keeps its own spacing.
  std::string raw(const std::string& key) const;
  std::optional<std::string> maybe(const std::string& key) const;
  std::optional<Instant> time(const std::string& key, const ParseContext& ctx) const;
  // Checked, without repeats, sorted.
  std::vector<std::string> tags() const;
  bool has(const std::string& key) const;

 private:
  const Json& o_;
  std::size_t line_;
};

}  // namespace desk::bulk
