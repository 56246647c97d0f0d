#include "desk/kb/document.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <toml++/toml.h>
#include <utf8proc.h>

#include "desk/core/error.hpp"
#include "desk/core/text.hpp"
#include "desk/core/time_range.hpp"
#include "desk/util/lines.hpp"
#include "desk/util/strings.hpp"
#include "desk/util/toml.hpp"

namespace desk::kb {

namespace {

const char* const kFence = "+++";

bool is_fence(std::string_view line) {
  return util::trim(line) == kFence;
}

Instant to_instant(const toml::date& d, const toml::time& t, const std::optional<int>& offset_min,
                   const Zone& zone) {
  if (!offset_min) return zone.from_civil(d.year, d.month, d.day, t.hour, t.minute, t.second);
  std::int64_t days = days_from_civil(d.year, d.month, d.day);
  std::int64_t seconds = days * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
  return from_unix(seconds - static_cast<std::int64_t>(*offset_min) * 60);
}

class Reader {
 public:
  Reader(Document& doc, const Zone& zone, int first_line)
      : doc_(doc), zone_(zone), first_line_(first_line) {}

  int line(const toml::node& n) const {
    return n.source().begin.line ? static_cast<int>(n.source().begin.line) + first_line_ - 1
                                 : first_line_;
  }

  [[noreturn]] void fail(const toml::node& n, const std::string& message,
                         const std::string& hint = {}) const {
    throw DataError(fmt::format("{}:{}: {}", doc_.name, line(n), message), hint);
  }

  std::string string(const toml::node& n, std::string_view key) const {
    if (const auto* s = n.as_string()) return s->get();
    fail(n, fmt::format("{} must be a string in quotes", util::quoted(key)));
  }

  std::vector<std::string> strings(const toml::node& n, std::string_view key) const {
    const auto* a = n.as_array();
    if (!a)
      fail(n, fmt::format("{} must be a list of strings, as in [\"printer\", \"vpn\"]",
                          util::quoted(key)));
    std::vector<std::string> out;
    for (const auto& item : *a) out.push_back(string(item, key));
    return out;
  }

  std::int64_t integer(const toml::node& n, std::string_view key) const {
    const auto* i = n.as_integer();
    if (!i || i->get() <= 0 || i->get() > 2'000'000'000)
      fail(n, fmt::format("{} must be a whole number above 0", util::quoted(key)));
    return i->get();
  }

  Instant time(const toml::node& n, std::string_view key) const {
    std::optional<Instant> t;
    if (const auto* dt = n.as_date_time()) {
      const auto& v = dt->get();
      std::optional<int> offset;
      if (v.offset) offset = v.offset->minutes;
      t = to_instant(v.date, v.time, offset, zone_);
    } else if (const auto* d = n.as_date()) {
      t = to_instant(d->get(), toml::time{}, std::nullopt, zone_);
    }
    if (!t)
      fail(n, fmt::format("{} must be a date and time, as in 2026-11-24T09:30:00Z",
                          util::quoted(key)));
    if (!supported_time(*t))
      fail(n, fmt::format("{} is outside the range desk supports", util::quoted(key)),
           fmt::format("times are from {}", kSupportedRange));
    return *t;
  }

 private:
  Document& doc_;
  const Zone& zone_;
  int first_line_;
};

void read_key(Document& doc, const Reader& r, const std::string& key, const toml::node& n) {
  doc.lines[key] = r.line(n);
  std::optional<std::string>* text = key == "uid"          ? &doc.uid
                                     : key == "title"      ? &doc.title
                                     : key == "kind"       ? &doc.kind
                                     : key == "state"      ? &doc.state
                                     : key == "category"   ? &doc.category
                                     : key == "service"    ? &doc.service
                                     : key == "author"     ? &doc.author
                                     : key == "fix_status" ? &doc.fix_status
                                     : key == "symptom"    ? &doc.symptom
                                     : key == "cause"      ? &doc.cause
                                     : key == "workaround" ? &doc.workaround
                                                           : nullptr;
  if (text) {
    *text = r.string(n, key);
  } else if (key == "tags") {
    doc.tags = r.strings(n, key);
  } else if (key == "id") {
    doc.id = r.integer(n, key);
  } else if (key == "version") {
    doc.version = static_cast<int>(r.integer(n, key));
  } else if (key == "created_at") {
    doc.created_at = r.time(n, key);
  } else if (key == "updated_at") {
    doc.updated_at = r.time(n, key);
  } else if (key == "published_at") {
    doc.published_at = r.time(n, key);
  } else if (key == "retired_at") {
    doc.retired_at = r.time(n, key);
  }
}

std::string escaped(std::string_view text, bool multi_line) {
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += multi_line ? "\n" : "\\n";
        break;
      case '\t':
        out += multi_line ? "\t" : "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        else
          out += ch;
    }
  }
  return out;
}

std::string utc(Instant t) {
  CivilTime c = Zone::utc().to_civil(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

std::string tags_list(const std::vector<std::string>& tags) {
  std::string out = "[";
  for (std::size_t i = 0; i < tags.size(); ++i) out += (i ? ", " : "") + toml_string(tags[i]);
  return out + "]";
}

}  // namespace

std::string Document::where(const std::string& key) const {
  auto it = lines.find(key);
  return it == lines.end() ? name : fmt::format("{}:{}", name, it->second);
}

const std::vector<std::string>& document_keys() {
  static const std::vector<std::string> keys = {
      "uid",          "id",         "title",      "kind",    "state",      "tags",
      "category",     "service",    "author",     "version", "created_at", "updated_at",
      "published_at", "retired_at", "fix_status", "symptom", "cause",      "workaround"};
  return keys;
}

const std::vector<std::string>& editable_keys() {
  static const std::vector<std::string> keys = {"title",    "kind",    "tags",
                                                "category", "service", "fix_status",
                                                "symptom",  "cause",   "workaround"};
  return keys;
}

Document parse_document(std::string_view text, const std::string& name, const Zone& zone,
                        const std::vector<std::string>* allowed) {
  Document doc;
  doc.name = name;
  require_utf8(text, name);
  if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  std::vector<std::string_view> lines = util::lines_of(text);
  if (lines.empty() || !is_fence(lines[0]))
    throw DataError(fmt::format("{}:1: an article starts with a '+++' line", name),
                    "the front matter (TOML) goes between two '+++' lines, the Markdown after");
  std::size_t close = 1;
  while (close < lines.size() && !is_fence(lines[close])) ++close;
  if (close == lines.size())
    throw DataError(fmt::format("{}:1: the front matter is not closed by a '+++' line", name));

  std::string front;
  for (std::size_t i = 1; i < close; ++i) front += std::string(lines[i]) + "\n";
  toml::table table;
  try {
    table = util::parse_toml(front, name);
  } catch (const toml::parse_error& e) {
    throw DataError(fmt::format("{}:{}: {}", name, e.source().begin.line + 1, e.description()));
  }
  Reader r(doc, zone, 2);
  const std::vector<std::string>& keys = allowed ? *allowed : document_keys();
  for (const auto& [k, node] : table) {
    std::string key(k.str());
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      bool known =
          std::find(document_keys().begin(), document_keys().end(), key) != document_keys().end();
      if (known)
        r.fail(node, fmt::format("{} cannot be changed here", util::quoted(key)),
               "'desk kb publish' and 'desk kb retire' change the state; the rest is history");
      auto near = util::closest(key, keys);
      r.fail(node, fmt::format("unknown key {}", util::quoted(key)),
             near ? fmt::format("did you mean {}?", util::quoted(*near))
                  : fmt::format("the keys are {}", util::join(keys, ", ")));
    }
    read_key(doc, r, key, node);
  }
  std::string body;
  for (std::size_t i = close + 1; i < lines.size(); ++i)
    body += std::string(lines[i]) + (i + 1 < lines.size() ? "\n" : "");
  doc.body = std::move(body);
  return doc;
}

std::string toml_string(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return "\"" + escaped(text, false) + "\"";
  // The newline after the opening quotes is not part of the string. A line
  // of "+++" inside would end the front matter early: escape one '+'.
  const std::string all = escaped(text, true);
  std::string body;
  std::size_t start = 0;
  while (true) {
    std::size_t end = all.find('\n', start);
    std::string_view line(all.data() + start,
                          (end == std::string::npos ? all.size() : end) - start);
    if (is_fence(line)) {
      std::size_t plus = line.find('+');
      body += std::string(line.substr(0, plus)) + "\\u002B" + std::string(line.substr(plus + 1));
    } else {
      body += line;
    }
    if (end == std::string::npos) break;
    body += '\n';
    start = end + 1;
  }
  return "\"\"\"\n" + body + "\"\"\"";
}

std::string write_document(const Article& a) {
  std::string out = std::string(kFence) + "\n";
  auto text = [&](const char* key, const std::string& v) {
    if (!v.empty()) out += fmt::format("{} = {}\n", key, toml_string(v));
  };
  auto time = [&](const char* key, const std::optional<Instant>& t) {
    if (t) out += fmt::format("{} = {}\n", key, utc(*t));
  };
  text("uid", a.uid);
  out += fmt::format("id = {}\n", a.id);
  text("title", a.title);
  text("kind", std::string(util::name(a.kind)));
  text("state", std::string(util::name(a.state)));
  out += fmt::format("tags = {}\n", tags_list(a.tags));
  text("category", a.category);
  text("service", a.service);
  text("author", a.author);
  out += fmt::format("version = {}\n", a.version);
  time("created_at", a.created_at);
  time("updated_at", a.updated_at);
  time("published_at", a.published_at);
  time("retired_at", a.retired_at);
  if (a.fix_status) text("fix_status", std::string(util::name(*a.fix_status)));
  text("symptom", a.symptom);
  text("cause", a.cause);
  text("workaround", a.workaround);
  out += std::string(kFence) + "\n";
  if (!a.body.empty()) out += "\n" + a.body + "\n";
  return out;
}

std::string write_editable(const Article& a) {
  std::string out = std::string(kFence) + "\n";
  out += fmt::format("# Article {}, version {} ({}). Edit the TOML above the second '+++'\n", a.id,
                     a.version, a.state);
  out += "# and the Markdown below it; save and quit to record a new version.\n";
  out += fmt::format("title = {}\n", toml_string(a.title));
  out += fmt::format("kind = {}  # {}\n", toml_string(util::name(a.kind)),
                     util::join(util::names<model::ArticleKind>(), ", "));
  out += fmt::format("tags = {}\n", tags_list(a.tags));
  out += fmt::format("category = {}\n", toml_string(a.category));
  out += fmt::format("service = {}\n", toml_string(a.service));
  if (a.known_error()) {
    out += fmt::format("fix_status = {}  # {}\n",
                       toml_string(a.fix_status ? util::name(*a.fix_status) : ""),
                       util::join(util::names<model::FixStatus>(), ", "));
    out += fmt::format("symptom = {}\n", toml_string(a.symptom));
    out += fmt::format("cause = {}\n", toml_string(a.cause));
    out += fmt::format("workaround = {}\n", toml_string(a.workaround));
  }
  out += std::string(kFence) + "\n\n" + a.body + "\n";
  return out;
}

std::string document_file_name(const Article& a) {
  std::string slug;
  std::string_view title = a.title;
  std::size_t i = 0;
  bool dash = false;
  while (i < title.size() && slug.size() < 60) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(title.data() + i),
                              static_cast<utf8proc_ssize_t>(title.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<std::size_t>(n);
    auto cat = utf8proc_category(cp);
    bool word = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO ||
                cat == UTF8PROC_CATEGORY_ND;
    if (!word) {
      dash = !slug.empty();
      continue;
    }
    if (dash) slug += '-';
    dash = false;
    utf8proc_uint8_t buf[4];
    auto len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    slug.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(len));
  }
  if (slug.empty()) slug = "article";
  return fmt::format("{}-{}.md", a.id, slug);
}

}  // namespace desk::kb
