// One IANA zone read from its compiled TZif file (RFC 8536), with the POSIX
// TZ rule in its footer for the years after the file's last transition.
//
// Why not only the date library: on Debian it walks the whole
// /usr/share/zoneinfo tree the first time any zone is used, which costs a
// couple of milliseconds per command -- as much as the rest of `desk show`.
// Reading the one file a command needs keeps desk quick; the date library
// remains the oracle the unit tests compare this reader with.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desk::tz {

// The UTC offset in force over [begin, end) (Unix seconds).
struct Span {
  std::int64_t begin;
  std::int64_t end;
  int offset;  // seconds east of UTC
};

// A POSIX TZ rule such as "GMT0BST,M3.5.0/1,M10.5.0".
struct PosixRule {
  struct Date {
    char kind = 'M';  // 'M' (month.week.day), 'J' (1..365, no Feb 29), 'N' (0..365)
    int month = 0, week = 0, day = 0;  // M: month 1-12, week 1-5 (5 = last), weekday 0 = Sunday
    int n = 0;                         // J and N
    int time = 7200;                   // seconds after local midnight (may be negative or > 24 h)
  };
  int std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  int dst_offset = 0;
  Date start, end;

  // Parses the footer; nullopt for anything it does not understand.
  static std::optional<PosixRule> parse(std::string_view text);
  // The DST start and end of a year, as Unix seconds.
  std::int64_t start_of(int year) const;
  std::int64_t end_of(int year) const;
};

class ZoneData {
 public:
  // Parses TZif bytes; nullopt when they are not a TZif file.
  static std::optional<ZoneData> parse(std::string_view bytes);
  // The zone's data from $TZDIR or /usr/share/zoneinfo, cached for the process;
  // nullptr for an unknown or unsafe name.
  static std::shared_ptr<const ZoneData> load(std::string_view name);

  Span span_at(std::int64_t t) const;

 private:
  Span rule_span(std::int64_t t) const;

  std::vector<std::int64_t> transitions_;
  std::vector<int> offsets_;  // offset in force from each transition
  int initial_offset_ = 0;    // before the first transition
  std::optional<PosixRule> rule_;
};

}  // namespace desk::tz
