// Typed access to a toml++ table that turns every mistake into a ConfigError
// naming the file, line and column. Shared by the section readers.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "desk/config/model.hpp"
#include "desk/util/words.hpp"

namespace desk::config {

class Reader {
 public:
  explicit Reader(std::string display_path) : path_(std::move(display_path)) {}

  std::string where(const toml::node& n) const;
  [[noreturn]] void fail(const toml::node& n, const std::string& message,
                         const std::string& hint = {}) const;

  const toml::table& table(const toml::node& n, std::string_view what) const;
  std::string string(const toml::node& n, std::string_view what) const;
  std::vector<std::string> strings(const toml::node& n, std::string_view what) const;
  std::int64_t integer(const toml::node& n, std::string_view what) const;
  bool boolean(const toml::node& n, std::string_view what) const;
  // A span of real time: "10s", "5d", "1h30m".
  std::int64_t duration(const toml::node& n, std::string_view what) const;
  Located located(const toml::node& n, std::string_view what) const;
  // match = { field = "value" | ["a", "b"] } limited to `fields`.
  Match match(const toml::node& n, std::string_view what,
              const std::vector<std::string_view>& fields) const;

  // Refuses a key that is not in `keys`, suggesting the closest one.
  void only_keys(const toml::table& t, std::string_view section,
                 const std::vector<std::string_view>& keys) const;
  // Refuses a value not in `allowed`, suggesting the closest one.
  void one_of(const toml::node& n, const std::string& value,
              const std::vector<std::string>& allowed, std::string_view what) const;
  // A list of words of a closed vocabulary (util/words.hpp), each one of
  // `allowed`: strings(n, key), then one_of(n, word, allowed, what).
  template <util::Worded E>
  std::vector<E> words(const toml::node& n, std::string_view key, std::span<const E> allowed,
                       std::string_view what) const {
    std::vector<std::string> names;
    for (E e : allowed) names.emplace_back(util::name(e));
    std::vector<E> out;
    for (const auto& s : strings(n, key)) {
      one_of(n, s, names, what);
      out.push_back(*util::parse<E>(s));
    }
    return out;
  }

 private:
  std::string path_;
};

}  // namespace desk::config
