#include "desk/util/toml.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace desk::util {

namespace {

// Where `text` first nests deeper than `max`: a scan of its structure that
// skips strings and comments, counting open arrays and inline tables and
// the parts of the keys that lead to the current value.
class DepthScan {
 public:
  explicit DepthScan(std::string_view text) : s_(text) {}

  std::optional<toml::source_position> first_too_deep(std::size_t max) {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '"' || c == '\'') {
        skip_string(c);
        continue;
      }
      if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') advance();
        continue;
      }
      if (c == '\n') {
        if (open_.empty()) statement_start();
      } else if (c == '[' && open_.empty() && fresh_) {
        header_ = true;  // a table header: its parts are the new base
        base_ = 1;
      } else if (c == ']' && header_) {
        header_ = false;
      } else if (c == '.' && (header_ || in_key())) {
        ++(header_ ? base_ : open_.empty() ? key_ : open_.back().key);
      } else if (c == '=') {
        if (open_.empty())
          top_key_ = false;
        else if (open_.back().table)
          open_.back().in_key = false;
      } else if (c == ',' && !open_.empty() && open_.back().table) {
        open_.back().in_key = true;
        open_.back().key = 0;
      } else if ((c == '[' || c == '{') && !header_) {
        open_.push_back({c == '{', c == '{', 0});
      } else if ((c == ']' || c == '}') && !open_.empty()) {
        open_.pop_back();
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') fresh_ = false;
      if (depth() > max) return toml::source_position{line_, column_};
      advance();
    }
    return std::nullopt;
  }

 private:
  struct Open {
    bool table;   // an inline table, else an array
    bool in_key;  // an inline table, reading a key
    std::size_t key;
  };

  bool in_key() const {
    return open_.empty() ? top_key_ : open_.back().table && open_.back().in_key;
  }

  std::size_t depth() const {
    std::size_t d = base_ + key_;
    for (const auto& o : open_) d += 1 + o.key;
    return d;
  }

  void statement_start() {
    fresh_ = true;
    top_key_ = true;
    key_ = 0;
  }

  void advance() {
    if (s_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++i_;
  }

  // Past a string: "basic" (with escapes), 'literal', or either tripled
  // over several lines. An unclosed one ends at the line (or the text's)
  // end; toml++ reports it.
  void skip_string(char quote) {
    fresh_ = false;
    bool triple = s_.substr(i_, 3) == std::string_view(std::string(3, quote));
    for (int k = 0; k < (triple ? 3 : 1); ++k) advance();
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && quote == '"' && i_ + 1 < s_.size()) {
        advance();
        advance();
        continue;
      }
      if (c == '\n' && !triple) return;
      if (c == quote && (!triple || s_.substr(i_, 3) == std::string_view(std::string(3, quote)))) {
        for (int k = 0; k < (triple ? 3 : 1); ++k) advance();
        return;
      }
      advance();
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  toml::source_index line_ = 1, column_ = 1;  // as toml++ counts them
  bool fresh_ = true, top_key_ = true, header_ = false;
  std::size_t base_ = 0, key_ = 0;
  std::vector<Open> open_;
};

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& source) {
  if (auto at = DepthScan(text).first_too_deep(kMaxTomlDepth)) {
    std::string what =
        "keys and values nested more than " + std::to_string(kMaxTomlDepth) + " deep";
    throw toml::parse_error(what.c_str(), *at, std::make_shared<const std::string>(source));
  }
  return toml::parse(text, source);
}

}  // namespace desk::util
