#include "desk/store/timeline_codec.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace desk::store {

namespace {

constexpr char kUnit = '\x1f';
constexpr char kRecord = '\x1e';

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string unescape(std::string_view v) {
  if (v.find('%') == std::string_view::npos) return std::string(v);
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
      out += static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2]));
      i += 2;
    } else {
      out += v[i];
    }
  }
  return out;
}

std::string escape(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '%')
      out += "%25";
    else if (c == kUnit)
      out += "%1F";
    else if (c == kRecord)
      out += "%1E";
    else
      out += c;
  }
  return out;
}

// '' → not set; '=' value → set to value.
void value(std::string_view field, std::optional<std::string>& out) {
  if (field.empty() || field.front() != '=') {
    out.reset();
    return;
  }
  field.remove_prefix(1);
  if (!out) out.emplace();
  if (field.find('%') == std::string_view::npos)
    out->assign(field);
  else
    *out = unescape(field);
}

bool number(std::string_view s, std::int64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The next field of a record, up to US or its end.
std::string_view next_field(std::string_view& record) {
  std::size_t cut = record.find(kUnit);
  std::string_view f = record.substr(0, cut);
  record = cut == std::string_view::npos ? std::string_view() : record.substr(cut + 1);
  return f;
}

}  // namespace

void decode_marks(std::string_view text, std::vector<tickets::Mark>& out) {
  std::size_t n = 0;
  bool ordered = true;
  // Event ids, to sort the rare record out of order (a ticket has a handful;
  // kept between calls so a million calls allocate once).
  thread_local std::vector<std::int64_t> ids;
  ids.clear();
  std::optional<std::string> rule;
  while (!text.empty()) {
    std::size_t end = text.find(kRecord);
    std::string_view record = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::int64_t id = 0, at = 0;
    std::string_view id_text = next_field(record);
    std::string_view kind = next_field(record);
    std::string_view at_text = next_field(record);
    if (!number(id_text, id) || kind.empty() || !number(at_text, at)) continue;
    if (n == out.size()) out.emplace_back();
    tickets::Mark& m = out[n];
    m.kind.assign(kind);
    m.at = from_unix(at);
    value(next_field(record), m.status);
    value(next_field(record), m.team);
    value(next_field(record), m.assignee);
    value(next_field(record), rule);
    if (rule)
      m.rule = std::move(*rule);
    else
      m.rule.clear();
    if (n > 0 && id < ids.back()) ordered = false;
    ids.push_back(id);
    ++n;
  }
  out.resize(n);
  if (ordered) return;
  // Rare (a row the backfill wrote out of order): sort by event id.
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
  std::vector<tickets::Mark> sorted;
  sorted.reserve(n);
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  out = std::move(sorted);
}

std::string encode_mark(std::int64_t event_id, const tickets::Mark& m) {
  auto field = [](const std::optional<std::string>& v) { return v ? "=" + escape(*v) : ""; };
  std::string out = std::to_string(event_id) + kUnit + m.kind + kUnit +
                    std::to_string(to_unix(m.at)) + kUnit + field(m.status) + kUnit +
                    field(m.team) + kUnit + field(m.assignee) + kUnit +
                    (m.rule.empty() ? std::string() : "=" + escape(m.rule)) + kRecord;
  return out;
}

}  // namespace desk::store
