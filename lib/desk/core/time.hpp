// Instants, time zones and the date forms people type.
//
// Every time desk stores is a UTC instant in whole seconds. Zones only matter
// for showing times, for reading what a person typed, and for business
// calendars; they come from the system's IANA database.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace desk::tz {
class ZoneData;
}

namespace desk {

using Instant = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;

inline Instant from_unix(std::int64_t s) {
  return Instant{Seconds{s}};
}
inline std::int64_t to_unix(Instant t) {
  return t.time_since_epoch().count();
}

// A wall-clock reading in some zone. weekday: 0 = Monday … 6 = Sunday.
struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int weekday = 3;
  int offset_seconds = 0;  // UTC offset in force (filled by Zone::to_civil)
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

// A stretch of real time [begin, end) over which a zone's UTC offset is constant.
struct OffsetSpan {
  Instant begin;
  Instant end;
  int offset_seconds = 0;
};

class Zone {
 public:
  // UTC, needing no database.
  Zone() = default;
  static Zone utc() { return Zone{}; }
  // An IANA name such as "Europe/London"; "UTC" and "Etc/UTC" need no lookup.
  // Throws ConfigError naming the zone when the system does not know it.
  static Zone named(std::string_view iana);
  // $TZ when set to an IANA name, else /etc/timezone or /etc/localtime, else UTC.
  static Zone system();

  const std::string& name() const { return name_; }
  bool is_utc() const { return tz_ == nullptr; }

  CivilTime to_civil(Instant t) const;
  // The instant a local wall-clock reading names. A reading inside a forward
  // jump (it never happened) maps to the end of the jump; a reading in a
  // repeated hour maps to its first occurrence.
  Instant from_civil(int year, int month, int day, int hour = 0, int minute = 0,
                     int second = 0) const;
  // The offset spans covering [from, to), in order: the first begins at or
  // before from, the last ends at or after to. One span for UTC. Lets callers
  // that convert many instants (business calendars) look the zone up once per
  // change of offset instead of once per instant.
  std::vector<OffsetSpan> offset_spans(Instant from, Instant to) const;

 private:
  std::shared_ptr<const tz::ZoneData> tz_;

  std::string name_ = "UTC";
};

// "2026-11-24T09:05:00+00:00": machine formats (JSON, CSV) everywhere.
std::string format_iso(Instant t, const Zone& zone);
// The same text written into `out` (at least kIsoMax bytes), its length
// returned: for writers that format millions of times (desk export).
constexpr std::size_t kIsoMax = 32;
std::size_t write_iso(char* out, Instant t, const Zone& zone);

// write_iso for many instants in one zone that lie close together (an
// export's events): the zone's offset is looked up once per change of
// offset rather than once per instant.
class IsoWriter {
 public:
  explicit IsoWriter(Zone zone);
  std::size_t write(char* out, Instant t);

 private:
  Zone zone_;
  OffsetSpan span_{};
  // The local date last written, as days since 1970-01-01 and as a date.
  std::int64_t days_ = INT64_MIN;
  int year_ = 0, month_ = 0, day_ = 0;
};
// "2026-11-24 09:05": tables and show.
std::string format_human(Instant t, const Zone& zone);
// "2026-11-24"
std::string format_date(Instant t, const Zone& zone);
// "3d 4h", "45m", "-2h 10m": a compact span for people.
// `day` is how long "d" is: 24 hours for elapsed time, a calendar's working
// day for business time (8h for 09:00-17:00, so 24 business hours are "3d").
std::string format_span(std::int64_t seconds, std::int64_t day = 86400);

// Reads the forms people type, relative to `now` in `zone`:
//   now, today, yesterday, tomorrow, monday … sunday (the most recent one,
//   today included), -7d / +2h / -30m / -1w (relative to now),
//   2026-11-01, 2026-11-01 14:30, 2026-11-01T14:30[:ss], with Z or ±hh:mm,
//   @1700000000 (Unix seconds).
// Date-only forms mean local midnight. Throws DataError on anything else.
Instant parse_time(std::string_view text, Instant now, const Zone& zone);

// The process's real clock, to the second.
Instant real_now();

}  // namespace desk
