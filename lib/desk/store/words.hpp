// How a backend keeps a closed vocabulary's word (util/words.hpp): as its
// name, written by stored_name and read back by stored_word. Only desk
// writes those columns, so a word it does not know there is damage
// (StoreCorrupt, "run desk doctor") rather than bad input. Every backend
// reads and writes them through these, with the same messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "desk/model/article.hpp"
#include "desk/model/mail.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/util/words.hpp"

namespace desk::store {

// What holds a word of each vocabulary, for the message about one that is
// unknown: "a ticket has the unknown status 'shelved'".
constexpr std::string_view holder(std::type_identity<model::Status>) {
  return "a ticket has the unknown status";
}
constexpr std::string_view holder(std::type_identity<model::PendingReason>) {
  return "a ticket has the unknown pending reason";
}
constexpr std::string_view holder(std::type_identity<model::EventKind>) {
  return "an event has the unknown kind";
}
constexpr std::string_view holder(std::type_identity<model::LinkKind>) {
  return "a link has the unknown kind";
}
constexpr std::string_view holder(std::type_identity<model::ArticleKind>) {
  return "an article has the unknown kind";
}
constexpr std::string_view holder(std::type_identity<model::ArticleState>) {
  return "an article has the unknown state";
}
constexpr std::string_view holder(std::type_identity<model::FixStatus>) {
  return "an article has the unknown fix status";
}
constexpr std::string_view holder(std::type_identity<model::ArticleAction>) {
  return "an article's version has the unknown action";
}
constexpr std::string_view holder(std::type_identity<model::MailRoute>) {
  return "a stored message has the unknown route";
}
constexpr std::string_view holder(std::type_identity<model::OutboxStatus>) {
  return "an outbox message has the unknown status";
}

[[noreturn]] void unknown_stored_word(std::string_view name, std::string_view holder);

template <util::Worded E>
E stored_word(std::string_view name) {
  if (auto e = util::parse<E>(name)) return *e;
  unknown_stored_word(name, holder(std::type_identity<E>{}));
}
// A word that may be absent (a fix status, a pending reason), held as ''.
template <util::Worded E>
std::optional<E> stored_optional_word(std::string_view name) {
  if (name.empty()) return std::nullopt;
  return stored_word<E>(name);
}

template <util::Worded E>
std::string stored_name(E e) {
  return std::string(util::name(e));
}
template <util::Worded E>
std::string stored_name(const std::optional<E>& e) {
  return e ? stored_name(*e) : std::string();
}

}  // namespace desk::store
