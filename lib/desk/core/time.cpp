#include "desk/core/time.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/time_range.hpp"
#include "desk/core/tzif.hpp"
#include "desk/util/duration.hpp"
#include "desk/util/strings.hpp"

namespace desk {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool is_utc_name(std::string_view name) {
  return name == "UTC" || name == "Etc/UTC" || name == "Etc/UCT" || name == "UCT" ||
         name == "Etc/Universal" || name == "Universal" || name == "Zulu" || name == "Etc/Zulu";
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

CivilTime civil_from_local_seconds(std::int64_t local) {
  CivilTime c;
  std::int64_t days = floor_div(local, kDay);
  std::int64_t rem = local - days * kDay;
  civil_from_days(days, c.year, c.month, c.day);
  c.hour = static_cast<int>(rem / 3600);
  c.minute = static_cast<int>(rem % 3600 / 60);
  c.second = static_cast<int>(rem % 60);
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  c.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
  return c;
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil, shifted so that March is month 0.
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = floor_div(y, 400);
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
  std::int64_t z = days + 719468;
  std::int64_t era = floor_div(z, 146097);
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

Zone Zone::named(std::string_view iana) {
  Zone z;
  if (is_utc_name(iana)) return z;
  z.tz_ = tz::ZoneData::load(iana);
  if (!z.tz_)
    throw ConfigError(fmt::format("unknown time zone {}", util::quoted(iana)),
                      "use an IANA name such as 'Europe/London' or 'America/New_York'");
  z.name_ = std::string(iana);
  return z;
}

Zone Zone::system() {
  auto try_name = [](std::string name) -> std::optional<Zone> {
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
    if (!name.empty() && name.front() == ':') name.erase(0, 1);
    if (name.empty()) return std::nullopt;
    try {
      return Zone::named(name);
    } catch (const ConfigError&) {
      return std::nullopt;
    }
  };
  if (const char* tz = std::getenv("TZ")) {
    if (auto z = try_name(tz)) return *z;
  }
  if (std::ifstream in{"/etc/timezone"}; in) {
    std::string line;
    std::getline(in, line);
    if (auto z = try_name(line)) return *z;
  }
  // /etc/localtime links to the zone's file: its name follows "zoneinfo/".
  std::error_code ec;
  std::string target = std::filesystem::read_symlink("/etc/localtime", ec).string();
  if (auto at = target.find("zoneinfo/"); !ec && at != std::string::npos)
    if (auto z = try_name(target.substr(at + 9))) return *z;
  return Zone{};
}

CivilTime Zone::to_civil(Instant t) const {
  std::int64_t offset = 0;
  if (tz_ != nullptr) offset = tz_->span_at(to_unix(t)).offset;
  CivilTime c = civil_from_local_seconds(to_unix(t) + offset);
  c.offset_seconds = static_cast<int>(offset);
  return c;
}

Instant Zone::from_civil(int year, int month, int day, int hour, int minute, int second) const {
  std::int64_t local =
      days_from_civil(year, month, day) * kDay + hour * 3600 + minute * 60 + second;
  if (tz_ == nullptr) return from_unix(local);
  // The offsets in force a day either side are the only candidates (zones
  // never change twice within two days). A reading both give is ambiguous
  // (take the earlier instant); one neither gives fell in a forward jump
  // (take the end of the jump).
  int before = tz_->span_at(local - kDay).offset;
  int after = tz_->span_at(local + kDay).offset;
  std::optional<std::int64_t> best;
  for (int offset : {before, after}) {
    std::int64_t t = local - offset;
    if (tz_->span_at(t).offset == offset && (!best || t < *best)) best = t;
  }
  if (best) return from_unix(*best);
  return from_unix(tz_->span_at(local - before).begin);
}

std::vector<OffsetSpan> Zone::offset_spans(Instant from, Instant to) const {
  if (tz_ == nullptr) return {OffsetSpan{from, to, 0}};
  std::vector<OffsetSpan> out;
  Instant t = from;
  do {
    tz::Span span = tz_->span_at(to_unix(t));
    out.push_back(OffsetSpan{from_unix(span.begin), from_unix(span.end), span.offset});
    if (span.end <= to_unix(t)) break;  // defensive: spans always move forward
    t = from_unix(span.end);
  } while (t < to);

  return out;
}

namespace {

std::size_t write_civil_iso(char* out, CivilTime c, Instant t) {
  // An offset of whole minutes is what ISO 8601 and RFC 3339 can write.
  // Local mean time before a zone's first standard offset is not (London's
  // was -00:01:15): such an instant is written in UTC, so that it reads
  // back as itself. (Found by tests/fuzz: "1013-03-29T01:30".)
  if (c.offset_seconds % 60 != 0) c = Zone::utc().to_civil(t);
  int off = c.offset_seconds;
  char sign = off < 0 ? '-' : '+';
  off = off < 0 ? -off : off;
  char* p = out;
  // Years outside 0000-9999 (fuzzed input) take fmt's way; the rest is
  // written by hand, as this runs for every time desk export writes.
  if (c.year < 0 || c.year > 9999) {
    auto r = fmt::format_to_n(p, kIsoMax - 15, "{:04}", c.year);
    p = r.out;
  } else {
    *p++ = static_cast<char>('0' + c.year / 1000);
    *p++ = static_cast<char>('0' + c.year / 100 % 10);
    *p++ = static_cast<char>('0' + c.year / 10 % 10);
    *p++ = static_cast<char>('0' + c.year % 10);
  }
  auto two = [&p](char before, int v) {
    *p++ = before;
    *p++ = static_cast<char>('0' + v / 10);
    *p++ = static_cast<char>('0' + v % 10);
  };
  two('-', c.month);
  two('-', c.day);
  two('T', c.hour);
  two(':', c.minute);
  two(':', c.second);
  two(sign, off / 3600);
  two(':', off % 3600 / 60);
  return static_cast<std::size_t>(p - out);
}

}  // namespace

std::size_t write_iso(char* out, Instant t, const Zone& zone) {
  return write_civil_iso(out, zone.to_civil(t), t);
}

IsoWriter::IsoWriter(Zone zone) : zone_(std::move(zone)) {
  if (zone_.is_utc()) span_ = {Instant::min(), Instant::max(), 0};
}

std::size_t IsoWriter::write(char* out, Instant t) {
  if (t < span_.begin || t >= span_.end)
    span_ = zone_.offset_spans(t, t + std::chrono::seconds(1)).front();
  std::int64_t local = to_unix(t) + span_.offset_seconds;
  std::int64_t days = floor_div(local, kDay);
  if (days != days_) {  // a ticket's events mostly share their days
    days_ = days;
    civil_from_days(days, year_, month_, day_);
  }
  std::int64_t rem = local - days * kDay;
  CivilTime c;
  c.year = year_;
  c.month = month_;
  c.day = day_;
  c.hour = static_cast<int>(rem / 3600);
  c.minute = static_cast<int>(rem % 3600 / 60);
  c.second = static_cast<int>(rem % 60);
  c.offset_seconds = span_.offset_seconds;
  return write_civil_iso(out, c, t);
}

std::string format_iso(Instant t, const Zone& zone) {
  char buf[kIsoMax];
  return std::string(buf, write_iso(buf, t, zone));
}

std::string format_human(Instant t, const Zone& zone) {
  CivilTime c = zone.to_civil(t);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute);
}

std::string format_date(Instant t, const Zone& zone) {
  CivilTime c = zone.to_civil(t);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string format_span(std::int64_t seconds, std::int64_t day) {
  std::string sign = seconds < 0 ? "-" : "";
  std::int64_t s = seconds < 0 ? -seconds : seconds;
  std::int64_t minutes = s / 60;
  const std::int64_t day_minutes = day >= 60 ? day / 60 : 1440;
  // Whole units drop the zero part: "2d", "1h".
  if (minutes >= day_minutes) {
    if (minutes % day_minutes / 60 == 0) return fmt::format("{}{}d", sign, minutes / day_minutes);
    return fmt::format("{}{}d {}h", sign, minutes / day_minutes, minutes % day_minutes / 60);
  }
  if (minutes >= 60) {
    if (minutes % 60 == 0) return fmt::format("{}{}h", sign, minutes / 60);
    return fmt::format("{}{}h {}m", sign, minutes / 60, minutes % 60);
  }
  return fmt::format("{}{}m", sign, minutes);
}

Instant real_now() {
  return std::chrono::floor<Seconds>(std::chrono::system_clock::now());
}

namespace {

// A small cursor over what the user typed.
struct Reader {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  // Exactly n digits.
  std::optional<int> digits(std::size_t n) {
    if (i + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    i += n;
    return v;
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Instant local_midnight(Instant now, const Zone& zone, int day_offset) {
  CivilTime c = zone.to_civil(now);
  std::int64_t days = days_from_civil(c.year, c.month, c.day) + day_offset;
  int y, m, d;
  civil_from_days(days, y, m, d);
  return zone.from_civil(y, m, d);
}

std::optional<Instant> parse_keyword(const std::string& w, Instant now, const Zone& zone) {
  if (w == "now") return now;
  if (w == "today") return local_midnight(now, zone, 0);
  if (w == "yesterday") return local_midnight(now, zone, -1);
  if (w == "tomorrow") return local_midnight(now, zone, 1);
  static const char* const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  for (int wd = 0; wd < 7; ++wd) {
    std::string_view full = kDays[wd];
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) {
      int today = zone.to_civil(now).weekday;
      return local_midnight(now, zone, -((today - wd + 7) % 7));
    }
  }
  return std::nullopt;
}

// -7d, +2h, -1d12h, -30m, -1w, -90s, -1y: a sign, then a duration as
// desk.toml writes one, but with its units ("-7" is no time).
std::optional<Instant> parse_relative(std::string_view s, Instant now) {
  if (s.size() < 3 || (s[0] != '-' && s[0] != '+')) return std::nullopt;
  std::string_view span = s.substr(1);
  if (span.find_first_not_of("0123456789") == std::string_view::npos) return std::nullopt;
  auto seconds = util::parse_duration(span);
  if (!seconds) return std::nullopt;
  return now + Seconds{(s[0] == '-' ? -1 : 1) * *seconds};
}

std::optional<Instant> parse_unix(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return std::nullopt;
  std::int64_t n = 0;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9' || n > 100'000'000'000) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return from_unix(n);
}

std::optional<Instant> parse_iso(std::string_view s, const Zone& zone) {
  Reader r{s};
  auto y = r.digits(4);
  if (!y || !r.eat('-')) return std::nullopt;
  auto mo = r.digits(2);
  if (!mo || !r.eat('-')) return std::nullopt;
  auto d = r.digits(2);
  if (!d || *mo < 1 || *mo > 12 || *d < 1 || *d > days_in_month(*y, *mo)) return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (!r.done()) {
    if (!r.eat('T') && !r.eat(' ') && !r.eat('t')) return std::nullopt;
    auto h = r.digits(2);
    if (!h || !r.eat(':')) return std::nullopt;
    auto m = r.digits(2);
    if (!m) return std::nullopt;
    hh = *h;
    mm = *m;
    if (r.eat(':')) {
      auto sec = r.digits(2);
      if (!sec) return std::nullopt;
      ss = *sec;
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  }
  if (r.done()) return zone.from_civil(*y, *mo, *d, hh, mm, ss);
  // An explicit offset overrides the zone.
  std::int64_t offset = 0;
  if (r.eat('Z') || r.eat('z')) {
    offset = 0;
  } else {
    char sign = r.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    r.i++;
    auto oh = r.digits(2);
    if (!oh) return std::nullopt;
    r.eat(':');
    auto om = r.digits(2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset = (sign == '-' ? -1 : 1) * (*oh * 3600 + *om * 60);
  }
  if (!r.done()) return std::nullopt;
  std::int64_t local = days_from_civil(*y, *mo, *d) * kDay + hh * 3600 + mm * 60 + ss;
  return from_unix(local - offset);
}

}  // namespace

Instant parse_time(std::string_view text, Instant now, const Zone& zone) {
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string w = lower(s);
  std::optional<Instant> t;
  if (!w.empty()) {
    t = parse_keyword(w, now, zone);
    if (!t) t = parse_relative(w, now);
    if (!t) t = parse_unix(w);
    if (!t) t = parse_iso(s, zone);
  }
  if (!t) {
    throw DataError(fmt::format("invalid time {}", util::quoted(text)),
                    "use a date such as 2026-11-01 or '2026-11-01 14:30', today, yesterday, "
                    "monday, -7d or -2h");
  }
  if (!supported_time(*t))
    throw DataError(fmt::format("time {} is outside the range desk supports", util::quoted(text)),
                    fmt::format("times are from {}", kSupportedRange));
  return *t;
}

}  // namespace desk
