#include "desk/model/timeline.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk::model {

namespace {

// Entries are separated by RS (0x1e), fields by US (0x1f): names never hold
// control characters, so no escaping is needed. Fields: kind, Unix time,
// status, team, assignee, rule, and for an event that records time worked,
// the seconds and the actor; a changed team or assignee is written "=name"
// ("=" alone when cleared), an unchanged one is empty.
constexpr char kEntry = '\x1e';
constexpr char kField = '\x1f';

constexpr std::array<EventKind, 8> kMarkKinds = {
    EventKind::logged,   EventKind::allocated, EventKind::status,   EventKind::escalated,
    EventKind::resolved, EventKind::closed,    EventKind::reopened, EventKind::reply};

std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

// Sets `out` to `value` when `present`, else clears it; reuses its storage.
void assign(std::optional<std::string>& out, std::string_view value, bool present) {
  if (!present) {
    out.reset();
    return;
  }
  if (out)
    out->assign(value);
  else
    out.emplace(value);
}

// The first byte below 0x20 at or after p (a separator, or a stray control
// character), or end: eight bytes at a time where the machine allows, since
// most of a timeline is names and times between separators.
const char* next_control(const char* p, const char* end) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kSpaces = 0x2020202020202020;
    constexpr std::uint64_t kHighBits = 0x8080808080808080;
    for (; end - p >= 8; p += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      // The lowest flagged byte is the first one below 0x20 (borrows only
      // carry upwards from such a byte).
      if (std::uint64_t below = (w - kSpaces) & ~w & kHighBits; below != 0)
        return p + (std::countr_zero(below) >> 3);
    }
  }
  while (p != end && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

}  // namespace

void append_mark(std::string& timeline, const Event& e) {
  std::int64_t worked = e.worked();
  if (worked == 0 && std::find(kMarkKinds.begin(), kMarkKinds.end(), e.kind) == kMarkKinds.end())
    return;
  if (!timeline.empty()) timeline += kEntry;
  timeline += util::name(e.kind);
  timeline += kField;
  timeline += std::to_string(to_unix(e.at));
  timeline += kField;
  if (const Change* c = e.change("status")) timeline += text_of(c->to);
  timeline += kField;
  if (const Change* c = e.change("team")) timeline += "=" + text_of(c->to);
  timeline += kField;
  if (const Change* c = e.change("assignee")) timeline += "=" + text_of(c->to);
  timeline += kField;
  if (e.extra.contains("rule")) timeline += text_of(e.extra["rule"]);
  if (worked == 0) return;
  timeline += kField;
  timeline += std::to_string(worked);
  timeline += kField;
  for (char c : e.actor)  // an imported actor may hold anything; the separators must not
    if (static_cast<unsigned char>(c) >= 0x20) timeline += c;
}

std::vector<Mark> read_marks(std::string_view timeline) {
  std::vector<Mark> marks;
  read_marks(timeline, marks);
  return marks;
}

void read_marks(std::string_view timeline, std::vector<Mark>& out) {
  // One pass over the bytes rather than a search per separator: entries are
  // a few dozen bytes, and a report decodes a million timelines.
  std::size_t n = 0;
  const char* p = timeline.data();
  const char* const end = p + timeline.size();
  while (p != end) {
    std::array<std::string_view, 8> f{};
    std::size_t fields = 0;  // fields after the eighth are ignored
    const char* start = p;
    for (;; ++p) {
      p = next_control(p, end);
      bool entry_ends = p == end || *p == kEntry;
      if (entry_ends || *p == kField) {
        if (fields < f.size())
          f[fields] = std::string_view(start, static_cast<std::size_t>(p - start));
        ++fields;
        start = p + 1;
      }
      if (entry_ends) break;
    }
    if (p != end) ++p;  // past the entry separator
    if (n == out.size()) out.emplace_back();
    Mark& m = out[n++];
    auto kind = util::parse<EventKind>(f[0]);
    if (!kind)
      throw StoreCorrupt("a ticket's timeline has the unknown kind '" + std::string(f[0]) + "'",
                         "run desk doctor");
    m.kind = *kind;
    std::string_view at = f[1];
    bool negative = !at.empty() && at.front() == '-';
    if (negative) at.remove_prefix(1);
    std::int64_t seconds = util::parse_int(at).value_or(0);
    m.at = from_unix(negative ? -seconds : seconds);
    m.status = util::parse<Status>(f[2]);  // nullopt when empty: the status did not change
    assign(m.team, f[3].empty() ? f[3] : f[3].substr(1), !f[3].empty());
    assign(m.assignee, f[4].empty() ? f[4] : f[4].substr(1), !f[4].empty());
    m.rule.assign(f[5]);
    std::string_view worked = f[6];
    bool correction = !worked.empty() && worked.front() == '-';
    if (correction) worked.remove_prefix(1);
    m.worked = util::parse_int(worked).value_or(0) * (correction ? -1 : 1);
    m.actor.assign(f[7]);
  }
  out.resize(n);
}

}  // namespace desk::model
