#include "desk/work/validate.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::work {

void require_one_of(std::string_view what, const std::string& value,
                    const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string hint;
  if (auto near = util::closest(value, allowed))
    hint =
        fmt::format("did you mean {}? allowed: {}", util::quoted(*near), util::join(allowed, ", "));
  else
    hint = fmt::format("allowed: {}", util::join(allowed, ", "));
  if (value.find(' ') != std::string::npos)
    hint += "; a configured name is one word: write a hyphen for a space";
  throw DataError(fmt::format("unknown {} {}", what, util::quoted(value)), hint);
}

namespace {

// What two spellings of one configured value have in common.
std::string spelling_key(std::string_view s) {
  std::string key = util::fold(util::trim(s));
  for (char& c : key)
    if (c == ' ' || c == '_') c = '-';
  return key;
}

}  // namespace

std::string one_of(std::string_view what, std::string_view value,
                   const std::vector<std::string>& allowed) {
  std::string typed(value);
  if (std::find(allowed.begin(), allowed.end(), typed) != allowed.end()) return typed;
  std::string key = spelling_key(value);
  for (const auto& a : allowed)
    if (spelling_key(a) == key) return a;
  require_one_of(what, typed, allowed);  // throws, with the closest name
  return typed;
}

std::string checked_tag(std::string_view tag) {
  std::string t(util::trim(tag));
  if (t.empty() || t.find_first_of(", \t\r\n") != std::string::npos)
    throw DataError(fmt::format("invalid tag {}", util::quoted(tag)),
                    "a tag is one word without commas");
  return t;
}

std::string checked_title(std::string_view title) {
  std::string t = util::single_line(util::trim(title));
  if (t.empty()) throw DataError("the title must not be empty");
  return t;
}

namespace {

std::int64_t characters(std::string_view text) {
  std::int64_t n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;  // UTF-8 lead bytes
  return n;
}

}  // namespace

void require_title_size(const config::Limits& l, std::string_view title) {
  if (static_cast<std::int64_t>(title.size()) <= l.title) return;  // never more chars than bytes
  if (std::int64_t n = characters(title); n > l.title)
    throw DataError(fmt::format("the title is {} characters, over the limit of {} ([limits] title "
                                "in desk.toml)",
                                n, l.title),
                    "shorten it and put the rest in the description");
}

void require_size(std::string_view what, std::uint64_t bytes, std::int64_t limit,
                  std::string_view key) {
  if (bytes <= static_cast<std::uint64_t>(limit)) return;
  throw DataError(fmt::format("{} is larger than the limit of {} ([limits] {} in desk.toml)", what,
                              config::size_text(limit), key),
                  fmt::format("shorten it, or raise [limits] {}", key));
}

void require_within_limits(const config::Limits& l, const model::Event& e) {
  require_size("the text", e.text.size(), l.text, "text");
  for (const auto& c : e.changes) {
    if (!c.to.is_string()) continue;
    const auto& value = c.to.get_ref<const std::string&>();
    if (c.field == "title")
      require_title_size(l, value);
    else
      require_size("the " + c.field, value.size(), l.text, "text");
  }
}

Ticket require_ticket(Session& s, std::int64_t id) {
  auto t = s.store.find_ticket(id);
  if (!t) throw Refused(fmt::format("no ticket {}", id), "'desk list' shows the tickets there are");
  return *t;
}

Instant event_time(const Session& s, const std::optional<Instant>& at,
                   std::optional<Instant> not_before) {
  Instant t = at.value_or(s.now);
  const Zone zone = s.config.zone();
  if (t > s.now)
    throw DataError(fmt::format("--at {} is in the future", format_iso(t, zone)),
                    "events are recorded when they happened; leave out --at for now");
  if (not_before && t < *not_before)
    throw DataError(
        fmt::format("--at {} is before {}", format_iso(t, zone), format_iso(*not_before, zone)),
        "the ticket's history must stay in order");
  return t;
}

std::int64_t parse_ticket_id(std::string_view text) {
  std::string_view s = util::trim(text);
  if (!s.empty() && s.front() == '#') s.remove_prefix(1);
  auto id = util::parse_int(s);
  if (!id || *id <= 0)
    throw UsageError(fmt::format("invalid ticket id {}", util::quoted(text)),
                     "ids are numbers such as 42");
  return *id;
}

}  // namespace desk::work
