// desk_kb_gen: a store for benchmarking the knowledge base, and the raw SQL
// desk runs for a search (so bench/kb-search.sh can time sqlite3 on it).
//
//   desk_kb_gen generate STORE [--articles N] [--tickets N] [--seed S]
//       A new store with N articles (default 100000) and N tickets (default
//       1000), written through libdesk (the KB's triggers index them) in one
//       transaction. The text is made up but shaped like a real service
//       desk's: support vocabulary with a Zipf distribution, product codes
//       and host names as rare words, some Russian and German (compound
//       words), 20% known errors, 5% drafts and 5% retired.
//   desk_kb_gen sql STORE QUERY [--limit N]
//       The ranking queries `desk kb search QUERY` runs on STORE, with their
//       values written in as SQL literals, for the sqlite3 command-line tool.
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/kb/article.hpp"
#include "desk/kb/search.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/open/open.hpp"
#include "desk/store/sqlite/kb_sql.hpp"
#include "desk/store/store.hpp"

namespace {

using namespace desk;

// Words every article has, whatever it is about.
const std::vector<std::string> kFunction = {
    "the", "to",   "and",   "a",    "is",   "of",   "in",   "on",   "it",  "for",
    "not", "with", "after", "when", "your", "from", "then", "this", "can", "does",
    "be",  "you",  "if",    "or",   "at",   "by",   "an",   "as",   "are", "that"};

// Support words many articles use, whatever they are about.
const std::vector<std::string> kGeneral = {
    "check", "open",   "user",  "users",    "error",   "again",   "first",
    "still", "now",    "issue", "problem",  "works",   "working", "need",
    "help",  "select", "click", "settings", "message", "window",  "restart",
    "try",   "step",   "steps", "contact",  "support", "team",    "office"};

// What articles are about: each has a main topic, some a second one.
const std::vector<std::vector<std::string>> kTopics = {
    {"printer", "print", "printing", "queue", "jam", "paper", "tray", "toner", "driver", "duplex",
     "spooler"},
    {"scanner", "scan", "copy", "fax", "pdf", "email", "folder", "resolution"},
    {"vpn", "client", "connect", "connection", "disconnects", "tunnel", "globalconnect", "remote",
     "gateway", "split"},
    {"email", "mail", "mailbox", "outlook", "quota", "attachment", "inbox", "rule", "signature",
     "shared"},
    {"password", "reset", "account", "locked", "expired", "login", "sign", "selfservice", "unlock"},
    {"mfa", "authenticator", "token", "phone", "push", "code", "enrol", "approve"},
    {"wifi", "wireless", "ssid", "guest", "signal", "access", "point", "roaming"},
    {"network", "cable", "switch", "port", "router", "firewall", "proxy", "dns", "dhcp", "address"},
    {"laptop", "battery", "charger", "dock", "docking", "station", "usb", "lid", "sleep",
     "hibernate"},
    {"monitor", "screen", "display", "resolution", "hdmi", "displayport", "flicker", "brightness"},
    {"teams", "chat", "meeting", "audio", "microphone", "camera", "headset", "call", "presence"},
    {"share", "folder", "file", "drive", "mapping", "permission", "onedrive", "sharepoint", "sync"},
    {"install", "installation", "uninstall", "software", "licence", "application", "update",
     "upgrade", "portal"},
    {"browser", "chrome", "firefox", "edge", "cache", "cookies", "certificate", "bookmark"},
    {"erp", "sap", "transaction", "finance", "invoice", "posting", "report", "export"},
    {"hr", "payroll", "leave", "holiday", "expenses", "payslip", "onboarding", "starter", "leaver"},
    {"phishing", "malware", "antivirus", "quarantine", "encryption", "bitlocker", "recovery",
     "key"},
    {"phone", "mobile", "sim", "voicemail", "extension", "handset", "forwarding"},
    {"badge", "door", "building", "visitor", "reception", "parking", "lift"},
    {"backup", "restore", "snapshot", "version", "deleted", "recycle", "retention"},
    {"database", "query", "timeout", "connection", "pool", "index", "deadlock"},
    {"calendar", "room", "booking", "invite", "delegate", "availability", "resource"},
    {"keyboard", "mouse", "layout", "language", "keys", "shortcut", "wireless", "receiver"},
    {"projector", "hdmi", "adapter", "presentation", "screen", "mirroring", "cable"},
    {"slow", "freezes", "crash", "crashes", "hangs", "restart", "reboot", "memory", "cpu"},
    {"domain", "controller", "join", "trust", "policy", "gpo", "script", "logon"},
    {"time", "zone", "clock", "ntp", "drift", "daylight", "saving"},
    {"excel", "word", "powerpoint", "macro", "template", "font", "addin"},
    {"disk", "space", "full", "cleanup", "temp", "profile", "storage"},
    {"certificate", "expired", "renewal", "trust", "chain", "tls", "warning"}};

// Articles written in Russian (8%) or German (4%) use these instead.
const std::vector<std::string> kRussian = {
    "принтер",       "печать",       "не",       "печатает",   "ошибка",      "бумага",
    "лоток",         "сеть",         "пароль",   "сброс",      "учётная",     "запись",
    "заблокирована", "почта",        "ящик",     "переполнен", "ноутбук",     "монитор",
    "обновление",    "установка",    "доступ",   "запрещён",   "папка",       "общая",
    "сервер",        "перезагрузка", "зависает", "медленно",   "подключение", "удалённый",
    "рабочий",       "стол",         "и",        "в",          "на",          "с",
    "для",           "что",          "это",      "после",      "при",         "если"};

const std::vector<std::string> kGerman = {"Druckerwarteschlange",
                                          "Netzwerkdrucker",
                                          "Kennwortrücksetzung",
                                          "Benutzerkonto",
                                          "Postfachgröße",
                                          "Bildschirmauflösung",
                                          "Verbindungsabbruch",
                                          "Zertifikatsfehler",
                                          "Laufwerkszuordnung",
                                          "Anmeldeproblem",
                                          "Speicherplatz",
                                          "Softwareverteilung",
                                          "Tastaturlayout",
                                          "Dockingstation",
                                          "Festplattenverschlüsselung",
                                          "Druckertreiber",
                                          "der",
                                          "die",
                                          "das",
                                          "und",
                                          "ist",
                                          "nicht",
                                          "mit",
                                          "nach",
                                          "bei",
                                          "wenn",
                                          "Drucker",
                                          "Fehler"};

const std::vector<std::string> kTags = {
    "printer", "vpn",   "mail",     "password", "network", "laptop", "monitor", "teams",
    "wifi",    "share", "onedrive", "mfa",      "outlook", "dock",   "erp",     "hr",
    "remote",  "badge", "scanner",  "audio",    "floor1",  "floor2", "floor3",  "floor4"};

const std::vector<std::string> kCategories = {"hardware", "software", "network",
                                              "access",   "account",  "other"};

class Text {
 public:
  explicit Text(std::uint64_t seed) : rng_(seed) {}

  // Starts an article: its language and what it is about.
  void topic() {
    double r = uniform_(rng_);
    language_ = r < 0.08 ? 1 : r < 0.12 ? 2 : 0;
    main_ = below(kTopics.size());
    second_ = chance(0.3) ? below(kTopics.size()) : main_;
  }

  std::string word() {
    if (language_ == 1) return pick(kRussian);
    if (language_ == 2) return pick(kGerman);
    double r = uniform_(rng_);
    if (r < 0.35) return pick(kFunction);
    if (r < 0.45) return pick(kGeneral);
    if (r < 0.75) return pick(kTopics[main_]);
    if (r < 0.85) return pick(kTopics[second_]);
    if (r < 0.93) return pick(kTopics[below(kTopics.size())]);
    if (r < 0.95) return fmt::format("E-{:03}", below(1000));
    if (r < 0.96) return fmt::format("srv-{}-{:03}", pick(kTags), below(200));
    return name();  // product, host and project names: the rare words
  }

  // One of about 30,000 made-up names ("Torvane", "Kelumo").
  std::string name() {
    static const char* const c[] = {"b", "d", "f", "g", "k", "l",  "m",  "n",  "p",
                                    "r", "s", "t", "v", "z", "br", "tr", "st", "kl"};
    static const char* const v[] = {"a", "e", "i", "o", "u", "ai", "ou"};
    std::size_t n = 2 + below(2);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += std::string(c[below(18)]) + v[below(7)];
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }

  std::string words(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? " " : "") + word();
    return out;
  }

  std::string sentence(std::size_t min, std::size_t max) {
    std::string s = words(min + below(max - min + 1));
    if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s + ".";
  }

  std::string title() {
    // Titles say what the article is about: mostly topic words.
    std::string out = pick(kTopics[main_]);
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    if (language_ == 1) out = pick(kRussian);
    if (language_ == 2) out = pick(kGerman);
    for (std::size_t i = 0, n = 3 + below(6); i < n; ++i)
      out += " " + (chance(0.5) && language_ == 0 ? pick(kTopics[main_]) : word());
    return out;
  }

  std::string paragraph() {
    std::string out;
    std::size_t n = 2 + below(4);
    for (std::size_t i = 0; i < n; ++i) out += (i ? " " : "") + sentence(6, 16);
    return out;
  }

  std::string body() {
    std::string out = paragraph();
    if (chance(0.5)) out += "\n\n## " + sentence(2, 4);
    out += "\n\n" + paragraph();
    if (chance(0.4)) {
      for (std::size_t i = 0, n = 2 + below(4); i < n; ++i)
        out += fmt::format("\n{}. {}", i + 1, sentence(3, 8));
      out += "\n";
    }
    if (chance(0.2)) out += "\n```\n" + words(4) + "\n```";
    return out;
  }

  std::vector<std::string> tags() {
    std::vector<std::string> out;
    for (std::size_t i = 0, n = below(3); i < n; ++i) out.push_back(pick(kTags));
    return out;
  }

  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(double p) { return uniform_(rng_) < p; }
  const std::string& pick(const std::vector<std::string>& v) { return v[below(v.size())]; }

 private:
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
  int language_ = 0;
  std::size_t main_ = 0, second_ = 0;
};

int generate(const std::string& path, std::int64_t articles, std::int64_t tickets,
             std::uint64_t seed) {
  if (!store::create(path)) {
    std::cerr << "desk_kb_gen: " << path << " exists; remove it first\n";
    return 1;
  }
  auto s = store::open(path, store::Access::write, std::chrono::milliseconds(10000));
  Text text(seed);
  const Instant start = from_unix(1'735'689'600);  // 2025-01-01
  store::WriteTransaction tx(*s);
  for (std::int64_t i = 1; i <= articles; ++i) {
    model::Article a;
    text.topic();
    a.uid = fmt::format("bench-{:06}", i);
    double k = text.chance(0.2) ? 0 : text.chance(0.5) ? 1 : 2;
    a.kind = k == 0   ? model::ArticleKind::known_error
             : k == 1 ? model::ArticleKind::how_to
                      : model::ArticleKind::faq;
    a.state = text.chance(0.05)   ? model::ArticleState::draft
              : text.chance(0.05) ? model::ArticleState::retired
                                  : model::ArticleState::published;
    a.title = text.title();
    a.body = text.body();
    if (a.known_error()) {
      a.symptom = text.sentence(8, 20);
      a.cause = text.chance(0.6) ? text.sentence(6, 14) : "";
      a.workaround = text.paragraph();
      a.fix_status =
          util::all<model::FixStatus>()[text.below(util::word_count<model::FixStatus>())];
    }
    a.category = text.pick(kCategories);
    a.tags = kb::clean_tags(text.tags());
    a.author = fmt::format("tech{:02}", text.below(40));
    a.created_at = start + Seconds(i * 300);
    a.updated_at = a.created_at;
    if (a.state != model::ArticleState::draft) a.published_at = a.created_at;
    if (a.state == model::ArticleState::retired) a.retired_at = a.created_at + Seconds(86400);
    a.id = s->kb().insert_article(a);
    const auto imported = model::ArticleAction::imported;
    model::ArticleVersion v{1, a.created_at, a.author, imported, {}, "bench", a};
    s->kb().save_version(a.id, v);
    if (i % 10000 == 0) std::cerr << "desk_kb_gen: " << i << " articles\n";
  }
  for (std::int64_t i = 1; i <= tickets; ++i) {
    model::Ticket t;
    text.topic();
    t.type = "incident";
    t.title = text.title();
    t.description = text.paragraph();
    t.status = text.chance(0.8) ? desk::model::Status::closed : desk::model::Status::new_;
    t.priority = "P3";
    t.category = text.pick(kCategories);
    t.created_at = t.updated_at = start + Seconds(i * 30);
    s->insert_ticket(t);
    if (i % 100000 == 0) std::cerr << "desk_kb_gen: " << i << " tickets\n";
  }
  tx.commit();
  std::cerr << "desk_kb_gen: wrote " << path << '\n';
  return 0;
}

std::string literal(const store::sql::Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  std::string out = "'";
  for (char c : std::get<std::string>(v)) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string inlined(const store::sql::SqlQuery& sql) {
  std::string out;
  std::size_t next = 0;
  for (char c : sql.sql) {
    if (c == '?' && next < sql.values.size())
      out += literal(sql.values[next++]);
    else
      out += c;
  }
  return out + ";\n";
}

// What `desk kb search QUERY` runs: the words index's ranking, and the
// trigram index's when the words do not fill the page (desk asks for
// `found` more rows there, to skip what it has).
int print_sql(const std::string& path, const std::string& query, std::int64_t limit) {
  model::SearchQuery q = kb::parse_search(query);
  model::ArticleFilter f;
  f.states = {model::ArticleState::published};
  f.limit = limit;
  auto s = store::open(path, store::Access::read, std::chrono::milliseconds(1000));
  std::int64_t found = 0;
  for (const auto& h : s->kb().search(q, f))
    if (!h.fragment) ++found;
  std::cout << inlined(store::sqlite::rank_articles_sql(store::sqlite::Index::words,
                                                        store::sqlite::fts5_words(q), f));
  auto trigram = store::sqlite::fts5_trigram(q);
  if (trigram && (limit == 0 || found < limit))
    std::cout << inlined(
        store::sqlite::rank_articles_sql(store::sqlite::Index::trigram, *trigram, f, found));
  return 0;
}

int usage() {
  std::cerr << "usage: desk_kb_gen generate STORE [--articles N] [--tickets N] [--seed S]\n"
               "       desk_kb_gen sql STORE QUERY [--limit N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 2) return usage();
  std::size_t options = args[0] == "sql" ? 3 : 2;
  std::int64_t articles = 100000, tickets = 1000, limit = 20;
  std::uint64_t seed = 42;
  if (args.size() < options) return usage();
  for (std::size_t i = options; i + 1 < args.size(); i += 2) {
    if (args[i] == "--articles")
      articles = std::stoll(args[i + 1]);
    else if (args[i] == "--tickets")
      tickets = std::stoll(args[i + 1]);
    else if (args[i] == "--seed")
      seed = std::stoull(args[i + 1]);
    else if (args[i] == "--limit")
      limit = std::stoll(args[i + 1]);
    else
      return usage();
  }
  try {
    if (args[0] == "generate") return generate(args[1], articles, tickets, seed);
    if (args[0] == "sql") return print_sql(args[1], args[2], limit);
  } catch (const desk::Error& e) {
    std::cerr << "desk_kb_gen: " << e.what() << '\n';
    return static_cast<int>(e.code());
  }
  return usage();
}
