// Checks of values against the configuration, shared by every use case, each
// failing with a DataError (exit 65) that names what is allowed.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/work/session.hpp"

namespace desk::work {

using model::Ticket;

// value must be one of allowed; `what` names it in the message ("type").
void require_one_of(std::string_view what, const std::string& value,
                    const std::vector<std::string>& allowed);
// A word of a closed vocabulary (util/words.hpp) as typed, or the same
// DataError as require_one_of.
template <util::Worded E>
E require_word(std::string_view what, std::string_view value) {
  if (auto e = util::parse<E>(value)) return *e;
  require_one_of(what, std::string(value), util::names<E>());
  throw std::logic_error("require_one_of accepted a word parse refused");
}
// A value of a configured vocabulary (types, channels, categories,
// priorities, impact and urgency levels, resolution codes) as typed: the
// configured spelling of the one it names, whatever its case, and with a
// space or '_' where the configuration has '-' ("Social media" is
// "social-media"). DataError naming what is allowed when none matches.
std::string one_of(std::string_view what, std::string_view value,
                   const std::vector<std::string>& allowed);

// A tag: one word, no commas (they separate tags in filters and CSV).
std::string checked_tag(std::string_view tag);
std::string checked_title(std::string_view title);

// Refuses (65) a value larger than [limits] allows, naming the limit and its
// key: a title of more than `title` characters, any other text of more than
// `text` bytes. `what` names the value ("the description", "standard input")
// and `bytes` is its size; `key` is the limit's key in [limits].
void require_title_size(const config::Limits& l, std::string_view title);
void require_size(std::string_view what, std::uint64_t bytes, std::int64_t limit,
                  std::string_view key);
// Every text an event brings (its text, and each text field it changes)
// within [limits]: record() checks each event with it.
void require_within_limits(const config::Limits& l, const model::Event& e);

// The ticket, or Refused "no ticket N".
Ticket require_ticket(Session& s, std::int64_t id);

// When an event happened: `at` or now. It may not be in the future, nor
// before `not_before` (the ticket's creation, or its latest event for
// changes that must keep the history in order).
Instant event_time(const Session& s, const std::optional<Instant>& at,
                   std::optional<Instant> not_before = std::nullopt);

// A ticket id as typed: "42" or "#42".
std::int64_t parse_ticket_id(std::string_view text);

}  // namespace desk::work
