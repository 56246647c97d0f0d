#include "desk/core/tzif.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "desk/core/time.hpp"

namespace desk::tz {

namespace {

constexpr std::int64_t kForever = std::int64_t{1} << 60;

struct Bytes {
  std::string_view s;
  std::size_t i = 0;

  bool has(std::size_t n) const { return i + n <= s.size(); }
  std::int64_t be(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < n; ++k) v = (v << 8) | static_cast<unsigned char>(s[i + k]);
    i += n;
    // Sign-extend 4-byte values.
    if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
  }
};

struct Header {
  char version;
  std::int64_t isut, isstd, leap, time, type, chars;
};

std::optional<Header> header(Bytes& b) {
  if (!b.has(44) || b.s.substr(b.i, 4) != "TZif") return std::nullopt;
  Header h{};
  h.version = b.s[b.i + 4];
  b.i += 20;
  h.isut = b.be(4);
  h.isstd = b.be(4);
  h.leap = b.be(4);
  h.time = b.be(4);
  h.type = b.be(4);
  h.chars = b.be(4);
  if (h.isut < 0 || h.isstd < 0 || h.leap < 0 || h.time < 0 || h.type < 1 || h.chars < 0 ||
      h.type > 256)
    return std::nullopt;
  return h;
}

std::size_t block_size(const Header& h, std::size_t time_size) {
  return static_cast<std::size_t>(h.time) * time_size + static_cast<std::size_t>(h.time) +
         static_cast<std::size_t>(h.type) * 6 + static_cast<std::size_t>(h.chars) +
         static_cast<std::size_t>(h.leap) * (time_size + 4) + static_cast<std::size_t>(h.isstd) +
         static_cast<std::size_t>(h.isut);
}

// A small cursor over a POSIX TZ string.
struct Text {
  std::string_view s;
  std::size_t i = 0;
  char peek() const { return i < s.size() ? s[i] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  bool number(int& out) {
    std::size_t start = i;
    out = 0;
    while (peek() >= '0' && peek() <= '9') {
      out = out * 10 + (s[i] - '0');
      if (out > 100000) return false;
      ++i;
    }
    return i > start;
  }
  bool name() {
    if (eat('<')) {
      while (peek() != '>' && peek() != '\0') ++i;
      return eat('>');
    }
    std::size_t start = i;
    while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) ++i;
    return i - start >= 3;
  }
  // [+-]hh[:mm[:ss]] in seconds.
  bool hms(int& out) {
    int sign = 1;
    if (eat('-'))
      sign = -1;
    else
      eat('+');
    int h = 0, m = 0, sec = 0;
    if (!number(h)) return false;
    if (eat(':')) {
      if (!number(m)) return false;
      if (eat(':') && !number(sec)) return false;
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
  bool date(PosixRule::Date& d) {
    if (eat('M')) {
      d.kind = 'M';
      if (!number(d.month) || !eat('.') || !number(d.week) || !eat('.') || !number(d.day))
        return false;
      if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.day > 6) return false;
    } else if (eat('J')) {
      d.kind = 'J';
      if (!number(d.n) || d.n < 1 || d.n > 365) return false;
    } else {
      d.kind = 'N';
      if (!number(d.n) || d.n > 365) return false;
    }
    if (eat('/') && !hms(d.time)) return false;
    return true;
  }
};

// Days since the epoch of a rule date in `year`.
std::int64_t rule_day(const PosixRule::Date& d, int year) {
  if (d.kind == 'N') return days_from_civil(year, 1, 1) + d.n;
  if (d.kind == 'J') {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days_from_civil(year, 1, 1) + d.n - 1 + (leap && d.n >= 60 ? 1 : 0);
  }
  // Month m, week w (5 = last), weekday d (0 = Sunday).
  std::int64_t first = days_from_civil(year, d.month, 1);
  int first_weekday = static_cast<int>(((first % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday (4)
  std::int64_t day = first + (d.day - first_weekday + 7) % 7 + 7 * (d.week - 1);
  int next_year = d.month == 12 ? year + 1 : year;
  int next_month = d.month == 12 ? 1 : d.month + 1;
  std::int64_t month_end = days_from_civil(next_year, next_month, 1);
  while (day >= month_end) day -= 7;
  return day;
}

}  // namespace

std::optional<PosixRule> PosixRule::parse(std::string_view s) {
  Text t{s};
  PosixRule r;
  int std_west = 0;
  if (!t.name() || !t.hms(std_west)) return std::nullopt;
  r.std_offset = -std_west;
  if (t.peek() == '\0') return r;
  if (!t.name()) return std::nullopt;
  r.has_dst = true;
  r.dst_offset = r.std_offset + 3600;
  if (t.peek() != ',' && t.peek() != '\0') {
    int dst_west = 0;
    if (!t.hms(dst_west)) return std::nullopt;
    r.dst_offset = -dst_west;
  }
  if (t.peek() == '\0') {
    // POSIX leaves the rule to the implementation; zic always writes one.
    r.start = {'M', 3, 2, 0, 0, 7200};
    r.end = {'M', 11, 1, 0, 0, 7200};
    return r;
  }
  if (!t.eat(',') || !t.date(r.start) || !t.eat(',') || !t.date(r.end) || t.peek() != '\0')
    return std::nullopt;
  return r;
}

std::int64_t PosixRule::start_of(int year) const {
  // The start is given in local standard time.
  return rule_day(start, year) * 86400 + start.time - std_offset;
}

std::int64_t PosixRule::end_of(int year) const {
  // The end is given in local daylight-saving time.
  return rule_day(end, year) * 86400 + end.time - dst_offset;
}

std::optional<ZoneData> ZoneData::parse(std::string_view bytes) {
  Bytes b{bytes};
  auto v1 = header(b);
  if (!v1) return std::nullopt;
  std::size_t time_size = 4;
  Header h = *v1;
  if (v1->version >= '2') {
    // Skip the 32-bit block; the 64-bit one follows with its own header.
    if (!b.has(block_size(*v1, 4))) return std::nullopt;
    b.i += block_size(*v1, 4);
    auto v2 = header(b);
    if (!v2) return std::nullopt;
    h = *v2;
    time_size = 8;
  }
  if (!b.has(block_size(h, time_size))) return std::nullopt;
  ZoneData z;
  std::vector<int> index(static_cast<std::size_t>(h.time));
  for (std::int64_t k = 0; k < h.time; ++k) z.transitions_.push_back(b.be(time_size));
  for (std::int64_t k = 0; k < h.time; ++k)
    index[static_cast<std::size_t>(k)] = static_cast<unsigned char>(b.s[b.i++]);
  std::vector<int> type_offset;
  for (std::int64_t k = 0; k < h.type; ++k) {
    type_offset.push_back(static_cast<int>(b.be(4)));
    b.i += 2;  // isdst, abbreviation index
  }
  for (int i : index) {
    if (i >= static_cast<int>(type_offset.size())) return std::nullopt;
    z.offsets_.push_back(type_offset[static_cast<std::size_t>(i)]);
  }
  z.initial_offset_ = type_offset[0];
  b.i += block_size(h, time_size) - static_cast<std::size_t>(h.time) * (time_size + 1) -
         static_cast<std::size_t>(h.type) * 6;
  if (time_size == 8 && b.i < bytes.size() && bytes[b.i] == '\n') {
    std::size_t end = bytes.find('\n', b.i + 1);
    if (end != std::string_view::npos)
      z.rule_ = PosixRule::parse(bytes.substr(b.i + 1, end - b.i - 1));
  }
  if (!std::is_sorted(z.transitions_.begin(), z.transitions_.end())) return std::nullopt;
  return z;
}

std::shared_ptr<const ZoneData> ZoneData::load(std::string_view name) {
  static std::map<std::string, std::shared_ptr<const ZoneData>, std::less<>> cache;
  static std::mutex mutex;  // a bulk import parses times on a second thread
  std::lock_guard lock(mutex);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  // Only names of the IANA shape: no absolute paths, no "..".
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos ||
      name.find_first_of(" \\\t\n") != std::string_view::npos)
    return nullptr;
  const char* dir = std::getenv("TZDIR");
  std::string path =
      std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto parsed = parse(bytes.str());
  if (!parsed) return nullptr;
  auto data = std::make_shared<const ZoneData>(std::move(*parsed));
  cache.emplace(std::string(name), data);
  return data;
}

Span ZoneData::rule_span(std::int64_t t) const {
  const PosixRule& r = *rule_;
  std::int64_t last = transitions_.empty() ? -kForever : transitions_.back();
  if (!r.has_dst) return {last, kForever, r.std_offset};
  // Transitions of the years around t, in order, each with the offset after it.
  CivilTime c = Zone::utc().to_civil(from_unix(t + r.std_offset));
  std::array<std::pair<std::int64_t, int>, 6> edges{};
  std::size_t n = 0;
  for (int y = c.year - 1; y <= c.year + 1; ++y) {
    edges[n++] = {r.start_of(y), r.dst_offset};
    edges[n++] = {r.end_of(y), r.std_offset};
  }
  std::sort(edges.begin(), edges.end());
  std::int64_t begin = last;
  int offset = offsets_.empty() ? initial_offset_ : offsets_.back();
  std::int64_t end = kForever;
  for (const auto& [at, off] : edges) {
    if (at <= last) continue;
    if (at <= t) {
      begin = at;
      offset = off;
    } else {
      end = at;
      break;
    }
  }
  return {begin, end, offset};
}

Span ZoneData::span_at(std::int64_t t) const {
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  if (it == transitions_.begin())
    return {-kForever, transitions_.empty() ? kForever : transitions_.front(), initial_offset_};
  std::size_t i = static_cast<std::size_t>(it - transitions_.begin()) - 1;
  if (it == transitions_.end() && rule_) return rule_span(t);
  std::int64_t end = it == transitions_.end() ? kForever : *it;
  return {transitions_[i], end, offsets_[i]};
}

}  // namespace desk::tz
