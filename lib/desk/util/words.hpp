// Closed vocabularies: enums whose values have fixed names (a ticket's
// status, an event's kind, ...). Code compares and switches on the enum;
// the names appear only at the edges: the store, JSON, the command line and
// messages. An enum joins by declaring, beside itself,
//
//   constexpr std::array<std::string_view, N> words_of(E) { return {...}; }
//
// with the names in the enum's order; name(), parse(), fmt and JSON then
// serve it.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace desk::util {

template <typename E>
concept Worded = std::is_enum_v<E> && requires(E e) {
  words_of(e);
};

template <Worded E>
constexpr std::size_t word_count() {
  return words_of(E{}).size();
}

template <Worded E>
constexpr std::string_view name(E e) {
  return words_of(E{})[static_cast<std::size_t>(e)];
}

// Every value, in the vocabulary's order.
template <Worded E>
constexpr std::array<E, word_count<E>()> all() {
  std::array<E, word_count<E>()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

// The names sorted, each with its value: parse() searches them. Reading a
// store's timelines parses an event kind for every event, and a linear
// search over 28 names was a tenth of a report's time.
template <Worded E>
const std::array<std::pair<std::string_view, E>, word_count<E>()>& sorted_words() {
  static const auto sorted = [] {
    std::array<std::pair<std::string_view, E>, word_count<E>()> out{};
    for (E e : all<E>()) out[static_cast<std::size_t>(e)] = {name(e), e};
    std::sort(out.begin(), out.end());
    return out;
  }();
  return sorted;
}

template <Worded E>
std::optional<E> parse(std::string_view word) {
  const auto& sorted = sorted_words<E>();
  auto it = std::lower_bound(sorted.begin(), sorted.end(), word,
                             [](const auto& entry, std::string_view w) { return entry.first < w; });
  if (it == sorted.end() || it->first != word) return std::nullopt;
  return it->second;
}

// The names as strings, for help, completion and "one of ..." errors.
template <Worded E>
std::vector<std::string> names() {
  std::vector<std::string> out;
  for (E e : all<E>()) out.emplace_back(name(e));
  return out;
}

}  // namespace desk::util

// fmt::format("{}", status) writes its name.
template <desk::util::Worded E>
struct fmt::formatter<E> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(E e, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(desk::util::name(e), ctx);
  }
};

// JSON holds the name; reading an unknown name is an error, never a default.
template <desk::util::Worded E>
struct nlohmann::adl_serializer<E> {
  template <typename BasicJson>
  static void to_json(BasicJson& j, E e) {
    j = desk::util::name(e);
  }
  template <typename BasicJson>
  static void from_json(const BasicJson& j, E& e) {
    auto parsed = desk::util::parse<E>(j.template get<std::string>());
    if (!parsed)
      throw std::invalid_argument("unknown word '" + j.template get<std::string>() + "'");
    e = *parsed;
  }
};
