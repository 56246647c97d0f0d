// The TZif reader against two independent oracles: the date library (which
// reads the same files its own way) up to 2037, and zdump (glibc's, which
// applies the POSIX footer) for the years after the files' last transition.
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <memory>
#include <random>
#include <sstream>

#include <date/tz.h>
#include <doctest/doctest.h>

#include "desk/core/error.hpp"
#include "desk/core/time.hpp"
#include "desk/core/tzif.hpp"

using namespace desk;

namespace {

const char* const kZones[] = {
    "Europe/London",      "America/New_York",    "Australia/Lord_Howe", "Asia/Kolkata",
    "America/Santiago",   "Europe/Dublin",       "Pacific/Auckland",    "America/Sao_Paulo",
    "Africa/Casablanca",  "Asia/Tehran",         "Pacific/Chatham",     "Antarctica/Troll",
    "America/St_Johns",   "Australia/Adelaide",  "Europe/Lisbon",       "Asia/Gaza",
    "Pacific/Kiritimati", "America/Los_Angeles", "Europe/Moscow",       "Asia/Tokyo"};

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buf[4096];
  while (pipe && std::fgets(buf, sizeof buf, pipe.get())) out += buf;
  return out;
}

}  // namespace

TEST_SUITE("core/tzif") {
  TEST_CASE("offsets and local times agree with the date library, 1900 to 2037") {
    std::mt19937_64 rng(20261124);
    std::uniform_int_distribution<std::int64_t> when(-2208988800, 2145916800);  // 1900 .. 2038
    for (const char* name : kZones) {
      CAPTURE(name);
      Zone ours = Zone::named(name);
      const date::time_zone* theirs = date::locate_zone(name);
      for (int i = 0; i < 3000; ++i) {
        std::int64_t t = when(rng);
        auto info = theirs->get_info(date::sys_seconds{std::chrono::seconds{t}});
        CivilTime c = ours.to_civil(from_unix(t));
        CAPTURE(t);
        CHECK(c.offset_seconds == info.offset.count());
        // Local → UTC: the earliest instant for a reading, the end of a jump for a gap.
        std::int64_t local = t + info.offset.count();
        auto li = theirs->get_info(date::local_seconds{std::chrono::seconds{local}});
        std::int64_t expected = li.result == date::local_info::nonexistent
                                    ? li.second.begin.time_since_epoch().count()
                                    : local - li.first.offset.count();
        CivilTime lc = Zone::utc().to_civil(from_unix(local));
        CHECK(to_unix(ours.from_civil(lc.year, lc.month, lc.day, lc.hour, lc.minute, lc.second)) ==
              expected);
      }
      // Every transition instant itself, where mistakes hide.
      auto info = theirs->get_info(date::sys_seconds{std::chrono::seconds{0}});
      for (int k = 0; k < 200 && info.end.time_since_epoch().count() < 2145916800; ++k) {
        std::int64_t edge = info.end.time_since_epoch().count();
        CHECK(ours.to_civil(from_unix(edge)).offset_seconds ==
              theirs->get_info(info.end).offset.count());
        CHECK(ours.to_civil(from_unix(edge - 1)).offset_seconds == info.offset.count());
        info = theirs->get_info(info.end);
      }
    }
  }

  TEST_CASE("after the last transition the POSIX rule agrees with zdump") {
    for (const char* name :
         {"Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Auckland",
          "Europe/Dublin", "America/Santiago", "Asia/Kolkata"}) {
      CAPTURE(name);
      Zone zone = Zone::named(name);
      // zdump -v prints each transition as two lines: the second before and the second of it.
      std::istringstream lines(run(std::string("zdump -v -c 2038,2060 ") + name));
      std::string line;
      int checked = 0;
      while (std::getline(lines, line)) {
        auto eq = line.find(" UT = ");
        auto off = line.find("gmtoff=");
        if (eq == std::string::npos || off == std::string::npos) continue;
        // "Europe/London  Sun Mar 26 00:59:59 2045 UT = ..." → the UT date and time.
        std::string ut =
            line.substr(std::string(name).size() + 2, eq - std::string(name).size() - 2);
        std::tm tm{};
        std::istringstream parse(ut);
        parse >> std::get_time(&tm, "%a %b %d %H:%M:%S %Y");
        REQUIRE_FALSE(parse.fail());
        std::int64_t t = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
                         tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
        int expected = std::stoi(line.substr(off + 7));
        CAPTURE(line);
        CHECK(zone.to_civil(from_unix(t)).offset_seconds == expected);
        ++checked;
      }
      if (std::string(name) != "Asia/Kolkata") CHECK(checked >= 40);
    }
  }

  TEST_CASE("POSIX rules parse the forms zic writes") {
    auto london = tz::PosixRule::parse("GMT0BST,M3.5.0/1,M10.5.0");
    REQUIRE(london);
    CHECK(london->std_offset == 0);
    CHECK(london->dst_offset == 3600);
    // 2026: last Sunday of March 01:00 UTC, last Sunday of October 01:00 UTC.
    CHECK(format_iso(from_unix(london->start_of(2026)), Zone::utc()) ==
          "2026-03-29T01:00:00+00:00");
    CHECK(format_iso(from_unix(london->end_of(2026)), Zone::utc()) == "2026-10-25T01:00:00+00:00");
    auto lord_howe = tz::PosixRule::parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
    REQUIRE(lord_howe);
    CHECK(lord_howe->std_offset == 37800);
    CHECK(lord_howe->dst_offset == 39600);
    auto kolkata = tz::PosixRule::parse("IST-5:30");
    REQUIRE(kolkata);
    CHECK_FALSE(kolkata->has_dst);
    CHECK(kolkata->std_offset == 19800);
    auto santiago = tz::PosixRule::parse("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
    REQUIRE(santiago);
    CHECK(santiago->start.time == 24 * 3600);
    CHECK(tz::PosixRule::parse("J60/2").has_value() == false);
    CHECK(tz::PosixRule::parse("").has_value() == false);
  }

  TEST_CASE("unknown or unsafe names are refused, and junk is not a zone") {
    CHECK_THROWS_AS(Zone::named("Europe/Atlantis"), ConfigError);
    CHECK_THROWS_AS(Zone::named("../../etc/passwd"), ConfigError);
    CHECK_THROWS_AS(Zone::named("/etc/localtime"), ConfigError);
    CHECK_FALSE(tz::ZoneData::parse("TZif2 but not really").has_value());
    CHECK_FALSE(tz::ZoneData::parse("").has_value());
  }
}
