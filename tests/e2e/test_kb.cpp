// desk kb: every subcommand through the real binary. State is checked
// through --format json; refusals compare the store before and after.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<long long>;

// desk kb add -q ARGS: the new article's id.
long long add(const Sandbox& s, std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), {"kb", "add", "-q"});
  Result r = s.ok(args, input);
  return std::stoll(r.out.empty() ? "0" : r.out);
}

long long add_published(const Sandbox& s, std::vector<std::string> args) {
  long long id = add(s, std::move(args));
  s.ok({"kb", "publish", std::to_string(id)});
  return id;
}

Json article(const Sandbox& s, long long id) {
  return s.ok({"kb", "show", std::to_string(id), "--format", "json"}).json();
}

Ids ids_of(const Result& r) {
  Ids out;
  for (const auto& row : r.json()) out.push_back(row["id"].get<long long>());
  return out;
}

Ids search(const Sandbox& s, std::vector<std::string> args) {
  args.insert(args.begin(), {"kb", "search", "--format", "json"});
  return ids_of(s.ok(args));
}

// A ticket's resolution fields, as the lifecycle's resolve will fill them.
void set_ticket(const Sandbox& s, long long id, const std::string& workaround,
                const std::string& resolution) {
  auto literal = [](std::string text) {
    for (std::size_t i = text.find('\''); i != std::string::npos; i = text.find('\'', i + 2))
      text.insert(i, 1, '\'');
    return "'" + text + "'";
  };
  s.sql_ok("UPDATE tickets SET workaround = " + literal(workaround) +
           ", resolution = " + literal(resolution) + " WHERE id = " + std::to_string(id));
}

// FTS5's own check that both indexes agree with kb_articles. A PostgreSQL
// store has no index of its own: its searches run on a copy in SQLite.
void check_indexes(const Sandbox& s) {
  if (on_postgres()) return;
  SQLite::Database db(s.store().string(), SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(db.exec("INSERT INTO kb_words (kb_words, rank) VALUES ('integrity-check', 1)"));
  CHECK_NOTHROW(db.exec("INSERT INTO kb_trigram (kb_trigram, rank) VALUES ('integrity-check', 1)"));
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Every file in a directory, by name, with its text.
std::map<std::string, std::string> files_in(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename()] = read_file(e.path());
  return out;
}

// The small fixed corpus the ranking is judged on.
struct Corpus {
  Sandbox s;
  long long jam, queue, vpn, resume, wifi, network, remote, retired, draft;
  Corpus() {
    jam = add_published(s, {"Printer jams in tray 2", "--kind", "known-error", "--symptom",
                            "Paper jam on the floor 3 printer, E-041.", "--workaround",
                            "Open tray 2.", "-t", "printer"});
    queue = add_published(s, {"Druckerwarteschlange leeren", "-m",
                              "Wenn die Druckerwarteschlange hängt: Dienst neu starten."});
    vpn = add_published(
        s, {"VPN drops every hour", "--kind", "known-error", "--symptom",
            "The VPN client disconnects hourly.", "--workaround", "Reconnect.", "-t", "vpn"});
    resume = add_published(s, {"Upload a résumé to the HR portal", "--kind", "faq", "-m",
                               "Candidates' résumés go to the HR portal as PDF."});
    wifi = add_published(
        s, {"Принтер не печатает по Wi-Fi", "--kind", "faq", "-m",
            "Если принтер не печатает, перезапустите его и проверьте Wi-Fi.", "-t", "принтер"});
    network = add_published(s, {"Add a network printer", "-m",
                                "Open Settings, then Printers. The printer queue shows jobs."});
    remote = add_published(
        s, {"Working from home", "-m", "Connect the VPN first, then open the HR portal."});
    retired =
        add_published(s, {"Old printer jam procedure", "-m", "Printer jam: call the vendor."});
    s.ok({"kb", "retire", std::to_string(retired)});
    draft = add(s, {"Printer jam checklist (draft)", "-m", "Printer jam: check the vendor list."});
  }
};

}  // namespace

TEST_CASE("kb add: a draft from -m, with its fields, as text, json or an id") {
  Sandbox s;
  Result r = s.ok({"kb", "add", "How to reset a password", "-m", "# Steps\n\nUse the portal.", "-t",
                   "access,pw", "--category", "access", "--service", "Identity"});
  CHECK(r.out == "Added article 1 (draft how-to): How to reset a password\n");
  CHECK(r.err == "");
  Json a = article(s, 1);
  CHECK(a["title"] == "How to reset a password");
  CHECK(a["kind"] == "how-to");
  CHECK(a["state"] == "draft");
  CHECK(a["body"] == "# Steps\n\nUse the portal.");
  CHECK(a["tags"] == Json::array({"access", "pw"}));
  CHECK(a["category"] == "access");
  CHECK(a["service"] == "Identity");
  CHECK(a["author"] == "tester");
  CHECK(a["version"] == 1);
  CHECK(a["created_at"] == "2026-11-24T10:30:00+00:00");
  CHECK(a["published_at"].is_null());
  CHECK(a["use_count"] == 0);
  CHECK(a["linked_tickets"] == Json::array());
  CHECK(a["uid"].get<std::string>().size() == 36);
  Json j = s.ok({"kb", "add", "FAQ one", "--kind", "faq", "-m", "x", "--format", "json"}).json();
  CHECK(j["id"] == 2);
  CHECK(j["kind"] == "faq");
  CHECK(add(s, {"Third", "-m", "y"}) == 3);
  check_indexes(s);
}

TEST_CASE("kb add: the body comes from standard input") {
  Sandbox s;
  s.ok({"kb", "add", "From a pipe"}, "## Heading kept\n\nText.\n\n");
  CHECK(article(s, 1)["body"] == "## Heading kept\n\nText.");
}

TEST_CASE("kb add: a known error with symptom, cause, workaround and fix status") {
  Sandbox s;
  long long id =
      add(s, {"VPN drops hourly", "--kind", "known-error", "--symptom", "Drops.", "--cause",
              "A timer.", "--workaround", "Reconnect.", "--fix-status", "in-progress"});
  Json a = article(s, id);
  CHECK(a["symptom"] == "Drops.");
  CHECK(a["cause"] == "A timer.");
  CHECK(a["workaround"] == "Reconnect.");
  CHECK(a["fix_status"] == "in-progress");
  CHECK(a["body"].is_null());
  long long open = add(s, {"Other", "--kind", "known-error", "--symptom", "S"});
  CHECK(article(s, open)["fix_status"] == "open");
}

TEST_CASE("kb add: bad input is refused and nothing is written") {
  Sandbox s;
  std::string before = s.dump_store();
  struct Case {
    std::vector<std::string> args;
    int status;
    const char* err;
  };
  const Case cases[] = {
      {{"kb", "add", "T", "--kind", "recipe", "-m", "x"},
       65,
       "desk: unknown article kind 'recipe'"},
      {{"kb", "add", "T", "-m", "x", "--symptom", "s"},
       65,
       "desk: a how-to has no symptom, cause, workaround or fix status"},
      {{"kb", "add", "T", "-m", " "}, 65, "desk: the article has no text"},
      {{"kb", "add", "T", "-m", "x", "--category", "plumbing"},
       65,
       "desk: unknown category 'plumbing'"},
      {{"kb", "add", "T", "-m", "x", "-t", "two words"}, 65, "desk: invalid tag 'two words'"},
      {{"kb", "add", "-m", "x"}, 2, "desk: an article needs a title"},
      {{"kb", "add", "--from-ticket", "9"}, 1, "desk: no ticket 9"},
      {{"kb", "add", "T", "--kind", "known-error", "--symptom", "s", "--fix-status", "done"},
       65,
       "desk: unknown fix status 'done'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    Result r = s.run(c.args);
    CHECK(r.status == c.status);
    CHECK(r.err_line() == c.err);
    CHECK(r.out == "");
  }
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb add --from-ticket drafts a known error and links the ticket") {
  Sandbox s;
  s.log("VPN drops every hour",
        {"-m", "The client disconnects on the hour.", "--tag", "vpn", "--category", "network"});
  set_ticket(s, 1, "Reconnect; use the office Wi-Fi meanwhile.", "Fixed by client 4.2.");
  Result r = s.ok({"kb", "add", "--from-ticket", "1"});
  CHECK(r.out == "Added article 1 (draft known-error): VPN drops every hour, from ticket 1\n");
  Json a = article(s, 1);
  CHECK(a["kind"] == "known-error");
  CHECK(a["symptom"] == "The client disconnects on the hour.");
  CHECK(a["workaround"] == "Reconnect; use the office Wi-Fi meanwhile.");
  CHECK(a["body"] == "Fixed by client 4.2.");
  CHECK(a["category"] == "network");
  CHECK(a["tags"] == Json::array({"vpn"}));
  CHECK(a["linked_tickets"] == Json::array({1}));
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  REQUIRE(t["articles"].size() == 1);
  CHECK(t["articles"][0]["id"] == 1);
  CHECK(t["articles"][0]["state"] == "draft");
  CHECK(t["events"].back()["kind"] == "linked");
  CHECK(t["events"].back()["article"] == 1);
}

TEST_CASE("kb edit: field flags make a new version, and the same values make none") {
  Sandbox s;
  long long id = add(s, {"Reset a password", "-m", "Use the portal.", "-t", "pw"});
  Result r = s.ok(
      {"kb", "edit", "1", "--title", "Reset your password", "-t", "access", "-m", "clearer title"});
  CHECK(r.out == "Edited article 1: title, tags (version 2)\n");
  Json a = article(s, id);
  CHECK(a["title"] == "Reset your password");
  CHECK(a["tags"] == Json::array({"access", "pw"}));
  CHECK(a["version"] == 2);
  std::string before = s.dump_store();
  CHECK(s.ok({"kb", "edit", "1", "--title", "Reset your password"}).out == "Article 1 unchanged\n");
  CHECK(s.dump_store() == before);
  s.ok({"kb", "edit", "1", "--untag", "pw", "--body", "New body."});
  a = article(s, id);
  CHECK(a["tags"] == Json::array({"access"}));
  CHECK(a["body"] == "New body.");
  CHECK(a["version"] == 3);
  check_indexes(s);
}

TEST_CASE("kb edit: the whole article as a document on standard input") {
  Sandbox s;
  add(s, {"VPN", "--kind", "known-error", "--symptom", "Drops."});
  std::string doc =
      "+++\ntitle = \"VPN drops hourly\"\nkind = \"known-error\"\ntags = [\"vpn\"]\n"
      "symptom = \"\"\"\nDrops on the hour.\nEvery hour.\"\"\"\nworkaround = \"Reconnect.\"\n"
      "+++\n\n# More\n\nDetails.\n";
  Result r = s.ok({"kb", "edit", "1", "-m", "rewritten"}, doc);
  CHECK(r.out == "Edited article 1: title, body, symptom, workaround, tags (version 2)\n");
  Json a = article(s, 1);
  CHECK(a["symptom"] == "Drops on the hour.\nEvery hour.");
  CHECK(a["body"] == "# More\n\nDetails.");
  CHECK(a["fix_status"] == "open");
  std::string before = s.dump_store();
  Result bad = s.run({"kb", "edit", "1"}, "+++\ntitle = \"x\"\nstate = \"published\"\n+++\n");
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: <stdin>:3: 'state' cannot be changed here");
  CHECK(bad.out == "");
  Result empty = s.run({"kb", "edit", "1"});
  CHECK(empty.status == 65);
  CHECK(empty.err_line() == "desk: <stdin>:1: an article starts with a '+++' line");
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb publish and retire: the states and their refusals") {
  Sandbox s;
  add(s, {"A", "-m", "x"});
  CHECK(s.ok({"kb", "publish", "1"}).out == "Published article 1: A (version 2)\n");
  Json a = article(s, 1);
  CHECK(a["state"] == "published");
  CHECK(a["published_at"] == "2026-11-24T10:30:00+00:00");
  std::string before = s.dump_store();
  Result twice = s.run({"kb", "publish", "1"});
  CHECK(twice.status == 1);
  CHECK(twice.err ==
        "desk: article 1 is already published\n"
        "hint: a published article can only be retired: 'desk kb retire 1'\n");
  CHECK(twice.out == "");
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"kb", "retire", "1", "-m", "superseded"}).out ==
        "Retired article 1: A (version 3)\n");
  before = s.dump_store();
  Result again = s.run({"kb", "retire", "1"});
  CHECK(again.status == 1);
  CHECK(again.err_line() == "desk: article 1 is already retired");
  CHECK(s.dump_store() == before);
  Json j = s.ok({"kb", "publish", "1", "--format", "json"}).json();
  CHECK(j["state"] == "published");
  CHECK(j["retired_at"].is_null());
  Result missing = s.run({"kb", "publish", "7"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: no article 7");
  Result bad = s.run({"kb", "retire", "x"});
  CHECK(bad.status == 2);
  CHECK(bad.err_line() == "desk: invalid article id 'x'");
}

TEST_CASE("kb publish: a known error needs a symptom and a workaround") {
  Sandbox s;
  add(s, {"VPN", "--kind", "known-error", "--symptom", "Drops."});
  std::string before = s.dump_store();
  Result r = s.run({"kb", "publish", "1"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "desk: cannot publish article 1: a known error needs a symptom and a "
        "workaround\nhint: add them with 'desk kb edit 1 --symptom TEXT --workaround "
        "TEXT'\n");
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb show: rendered for the terminal, raw, as JSON, at a version") {
  Sandbox s;
  add(s, {"Connect to the VPN", "-m",
          "# Connect\n\nInstall the *client* from [the portal](https://portal.example.org).\n\n"
          "1. Open it\n2. Sign in\n\n```\nvpn connect office\n```",
          "-t", "vpn"});
  s.ok({"kb", "publish", "1"});
  Result r = s.ok({"kb", "show", "1"});
  CHECK(r.out ==
        "Article 1: Connect to the VPN\n"
        "  kind          how-to\n"
        "  state         published\n"
        "  tags          vpn\n"
        "  author        tester\n"
        "  version       2\n"
        "  created       2026-11-24 10:30\n"
        "  updated       2026-11-24 10:30\n"
        "  published     2026-11-24 10:30\n"
        "  used          0\n"
        "\n"
        "  Connect\n"
        "  =======\n"
        "\n"
        "  Install the client from the portal (https://portal.example.org).\n"
        "\n"
        "  1. Open it\n"
        "  2. Sign in\n"
        "\n"
        "      vpn connect office\n");
  CHECK(s.ok({"kb", "show", "1", "--raw"}).out ==
        "# Connect\n\nInstall the *client* from [the portal](https://portal.example.org).\n\n"
        "1. Open it\n2. Sign in\n\n```\nvpn connect office\n```\n");
  Json v1 = s.ok({"kb", "show", "1", "--version", "1", "--format", "json"}).json();
  CHECK(v1["state"] == "draft");
  CHECK(v1["version"] == 1);
  CHECK(v1["revision"]["action"] == "created");
  CHECK_FALSE(v1.contains("linked_tickets"));
  Result text = s.ok({"kb", "show", "1", "--version", "1"});
  CHECK(text.out.find("  version       1 (created by tester 2026-11-24 10:30)\n") !=
        std::string::npos);
  Result none = s.run({"kb", "show", "1", "--version", "5"});
  CHECK(none.status == 1);
  CHECK(none.err ==
        "desk: article 1 has no version 5\n"
        "hint: its versions here: 1 to 2; 'desk kb history 1' lists them\n");
  Result missing = s.run({"kb", "show", "2"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: no article 2");
  CHECK(missing.out == "");
}

TEST_CASE("kb show: issue 14: Markdown nested 100,000 deep is shown, never a crash") {
  Sandbox s;
  auto repeat = [](const std::string& piece, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
  };
  // kb add takes such a body (from standard input, as a pipe would give it).
  s.ok({"kb", "add", "Quotes"}, repeat(">", 100000) + " deepquote");
  s.ok({"kb", "add", "Stars"}, repeat("*", 50000) + "deepstar" + repeat("*", 50000));
  s.ok({"kb", "add", "Bullets"}, repeat("- ", 50000) + "deepbullet");
  // kb import takes one too.
  s.write("in/deep.md", "+++\nuid = \"deep\"\ntitle = \"Imported\"\nkind = \"faq\"\n+++\n" +
                            repeat("> - ", 30000) + "deepimport\n");
  s.ok({"kb", "import", "in"});
  const std::pair<const char*, std::string> shown[] = {{"1", repeat("> ", 16) + "deepquote\n"},
                                                       {"2", "  deepstar\n"},
                                                       {"3", repeat("- ", 16) + "deepbullet\n"},
                                                       {"4", "deepimport\n"}};
  for (const auto& [id, tail] : shown) {
    CAPTURE(id);
    Result r = s.run({"kb", "show", id});
    CHECK(r.status == 0);
    CHECK(r.err == "");
    REQUIRE(r.out.size() >= tail.size());
    CHECK(r.out.substr(r.out.size() - tail.size()) == tail);
    CHECK(r.out.size() < 2000);
  }
  // Search finds the words, and its snippets print.
  for (const char* word : {"deepquote", "deepstar", "deepbullet", "deepimport"}) {
    CAPTURE(word);
    Result r = s.run({"kb", "search", "--all-states", word});
    CHECK(r.status == 0);
    CHECK(r.out.find(word) != std::string::npos);
  }
}

TEST_CASE("kb show: a known error's sections") {
  Sandbox s;
  add(s, {"E-041", "--kind", "known-error", "--symptom", "Shows **E-041**.", "--cause", "Roller.",
          "--workaround", "- open tray 2\n- remove the scrap", "-m", "Part on order."});
  Result r = s.ok({"kb", "show", "1"});
  CHECK(r.out.find("  kind          known-error (fix open)\n") != std::string::npos);
  CHECK(r.out.find("\nSymptom\n  Shows E-041.\n\nCause\n  Roller.\n\nWorkaround\n"
                   "  - open tray 2\n  - remove the scrap\n\nDetails\n  Part on order.\n") !=
        std::string::npos);
}

TEST_CASE("kb history: one row per version") {
  Sandbox s;
  add(s, {"A", "-m", "x"});
  s.ok({"kb", "edit", "1", "--title", "B", "-m", "renamed"});
  s.ok({"kb", "publish", "1"});
  s.ok({"kb", "retire", "1", "-m", "old"});
  auto rows = s.ok({"kb", "history", "1", "--format", "jsonl"}).jsonl();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]["action"] == "created");
  CHECK(rows[1]["action"] == "edited");
  CHECK(rows[1]["changed"] == Json::array({"title"}));
  CHECK(rows[1]["note"] == "renamed");
  CHECK(rows[1]["title"] == "B");
  CHECK(rows[2]["state"] == "published");
  CHECK(rows[3]["action"] == "retired");
  CHECK(rows[3]["note"] == "old");
  CHECK(rows[3]["actor"] == "tester");
  CHECK(rows[3]["at"] == "2026-11-24T10:30:00+00:00");
  Result table = s.ok({"kb", "history", "1"});
  CHECK(table.out.rfind("VERSION  AT                ACTOR   ACTION     STATE      CHANGED  NOTE\n",
                        0) == 0);
  CHECK(table.out.find(
            "      2  2026-11-24 10:30  tester  edited     draft      title    renamed\n") !=
        std::string::npos);
  Result missing = s.run({"kb", "history", "3"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: no article 3");
}

TEST_CASE("kb list: filters, states and formats") {
  Sandbox s;
  add_published(s, {"VPN", "--kind", "faq", "-m", "x", "-t", "vpn"});
  add(s, {"Printer", "-m", "y", "-t", "printer", "--category", "hardware"});
  long long old = add_published(s, {"Old", "-m", "z", "-t", "vpn"});
  s.ok({"kb", "retire", std::to_string(old)});
  auto list = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"kb", "list", "--format", "json"});
    return ids_of(s.ok(args));
  };
  CHECK(list({}) == Ids{1, 2});
  CHECK(list({"--all"}) == Ids{1, 2, 3});
  CHECK(list({"--state", "retired"}) == Ids{3});
  CHECK(list({"--kind", "faq"}) == Ids{1});
  CHECK(list({"-t", "vpn", "--all"}) == Ids{1, 3});
  CHECK(list({"--category", "hardware"}) == Ids{2});
  CHECK(list({"--all", "--sort", "-id"}) == Ids{3, 2, 1});
  CHECK(list({"--all", "--sort", "title"}) == Ids{3, 2, 1});
  CHECK(list({"--all", "-n", "2"}) == Ids{1, 2});
  CHECK(s.ok({"kb", "list", "-q"}).out == "1\n2\n");
  Result csv = s.ok({"kb", "list", "--format", "csv"});
  CHECK(csv.out.rfind("id,kind,state,title,tags,use_count,updated_at\n1,faq,published,VPN,vpn,0,"
                      "2026-11-24T10:30:00+00:00\n",
                      0) == 0);
  Result tsv = s.ok({"kb", "list", "--format", "tsv"});
  CHECK(tsv.out.find("2\thow-to\tdraft\tPrinter\tprinter\t0\t") != std::string::npos);
  Result table = s.ok({"kb", "list"});
  CHECK(table.out ==
        "ID  KIND    STATE      TITLE    TAGS     USES  UPDATED\n"
        " 1  faq     published  VPN      vpn         0  2026-11-24 10:30\n"
        " 2  how-to  draft      Printer  printer     0  2026-11-24 10:30\n");
  Result bad = s.run({"kb", "list", "--state", "live"});
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: unknown article state 'live'");
  Result sort = s.run({"kb", "list", "--sort", "fame"});
  CHECK(sort.status == 2);
  CHECK(sort.err_line() == "desk: cannot sort articles by 'fame'");
}

TEST_CASE("kb search: the most relevant article first on a small fixed corpus") {
  Corpus c;
  const Sandbox& s = c.s;
  // Title and tag beat a mention in another article's body.
  CHECK(search(s, {"printer"}) == Ids{c.jam, c.network});
  CHECK(search(s, {"printer", "jam"}) == Ids{c.jam});
  CHECK(search(s, {"vpn"}) == Ids{c.vpn, c.remote});
  CHECK(search(s, {"portal"}) == Ids{c.resume, c.remote});
  // A rare word weighs more than a common one: "vpn" is in 2 of the 9
  // articles, "printer" in 4.
  CHECK(search(s, {"vpn OR printer"}) == Ids{c.vpn, c.remote, c.jam, c.network});
  CHECK(search(s, {"printer -jam"}) == Ids{c.network});
  CHECK(search(s, {"\"floor 3 printer\""}) == Ids{c.jam});
}

TEST_CASE("kb search: Cyrillic, accents, prefixes and glued words") {
  Corpus c;
  const Sandbox& s = c.s;
  CHECK(search(s, {"ПРИНТЕР"}) == Ids{c.wifi});
  CHECK(search(s, {"принтер", "печатает"}) == Ids{c.wifi});
  CHECK(search(s, {"resume"}) == Ids{c.resume});
  CHECK(search(s, {"RÉSUMÉS"}) == Ids{c.resume});
  CHECK(search(s, {"discon*"}) == Ids{c.vpn});
  CHECK(search(s, {"печат*"}) == Ids{c.wifi});
  Json hits = s.ok({"kb", "search", "warteschlange", "--format", "json"}).json();
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == c.queue);
  CHECK(hits[0]["fragment"] == true);
  CHECK(hits[0]["snippet"] == "Wenn die Druckerwarteschlange hängt: Dienst neu starten.");
}

TEST_CASE("kb search: retired articles and drafts only with --all-states") {
  Corpus c;
  const Sandbox& s = c.s;
  Result none = s.ok({"kb", "search", "vendor"});
  CHECK(none.out == "");
  CHECK(none.err ==
        "desk: no published article matches 'vendor'\n"
        "hint: --all-states also looks at drafts and retired articles\n");
  CHECK(search(s, {"vendor", "--all-states"}) == Ids{c.retired, c.draft});
  CHECK(search(s, {"printer", "--kind", "known-error"}) == Ids{c.jam});
  CHECK(search(s, {"printer", "-t", "printer"}) == Ids{c.jam});
  CHECK(search(s, {"printer", "-n", "1"}) == Ids{c.jam});
}

TEST_CASE("kb search: the human layout and the machine formats") {
  Corpus c;
  const Sandbox& s = c.s;
  Result r = s.ok({"kb", "search", "portal", "pdf"});
  CHECK(r.out ==
        "4  Upload a résumé to the HR portal  (faq)\n"
        "   Candidates' résumés go to the HR portal as PDF.\n");
  CHECK(s.ok({"kb", "search", "-q", "vpn"}).out == "3\n7\n");
  Result csv = s.ok({"kb", "search", "portal", "pdf", "--format", "csv"});
  CHECK(csv.out.rfind("id,kind,state,title,score,snippet\n4,faq,published,Upload a résumé to the "
                      "HR portal,",
                      0) == 0);
  Json j = s.ok({"kb", "search", "vpn", "--format", "json"}).json();
  CHECK(j[0]["score"].get<double>() > j[1]["score"].get<double>());
  CHECK(j[0]["uid"].is_string());
}

TEST_CASE("kb search: a malformed search is bad data, never a SQLite error") {
  Corpus c;
  struct Case {
    const char* query;
    const char* err;
  };
  const Case cases[] = {
      {"\"unbalanced", "desk: unbalanced quote in the search '\"unbalanced'"},
      {"AND OR", "desk: 'AND' needs a word on each side in the search 'AND OR'"},
      {"*", "desk: nothing to search for in '*'"},
      {"(vpn", "desk: unbalanced parenthesis in the search '(vpn'"},
      {"-vpn", "desk: the search '-vpn' leaves words out but looks for none"},
  };
  for (const auto& k : cases) {
    CAPTURE(k.query);
    Result r = c.s.run({"kb", "search", "--", k.query});
    CHECK(r.status == 65);
    CHECK(r.err_line() == k.err);
    CHECK(r.out == "");
    CHECK(r.err.find("fts5") == std::string::npos);
    CHECK(r.err.find("SQL") == std::string::npos);
  }
  // FTS5 syntax typed by a person is only text.
  CHECK(search(c.s, {"NEAR(printer jam)"}).empty());
}

TEST_CASE("kb search: issue 14: deep parentheses and huge searches are refused, not a crash") {
  Corpus c;
  std::string huge = std::string(15000, '(') + "x" + std::string(15000, ')');
  Result r = c.s.run({"kb", "search", "--", huge});
  CHECK(r.status == 65);
  CHECK(r.err ==
        "desk: the search is longer than 1000 characters\n"
        "hint: search for fewer words; the most telling ones rank best\n");
  CHECK(r.out == "");
  std::string deep = std::string(40, '(') + "printer" + std::string(40, ')');
  r = c.s.run({"kb", "search", "--", deep});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: parentheses nested more than 32 deep in the search '" + deep + "'");
  CHECK(r.out == "");
  deep = std::string(32, '(') + "printer" + std::string(32, ')');
  CHECK(search(c.s, {deep}) == search(c.s, {"printer"}));
  CHECK(search(c.s, {"title:printer"}).empty());
}

TEST_CASE("kb suggest: published articles like the ticket, never retired ones") {
  Corpus c;
  const Sandbox& s = c.s;
  s.log("Printer jam on floor 3", {"-m", "Tray 2 jams with E-041; the vendor was called."});
  Json hits = s.ok({"kb", "suggest", "1", "--format", "json"}).json();
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0]["id"] == c.jam);
  for (const auto& h : hits) {
    CHECK(h["state"] == "published");
    CHECK(h["id"] != c.retired);
    CHECK(h["id"] != c.draft);
  }
  s.log("VPN keeps dropping", {"-m", "The client disconnects."});
  CHECK(ids_of(s.ok({"kb", "suggest", "#2", "--format", "json", "-n", "1"})) == Ids{c.vpn});
  s.log("zzz", {"-m", "qqq"});
  Result none = s.ok({"kb", "suggest", "3"});
  CHECK(none.out == "");
  CHECK(none.err_line() == "desk: no published article is like ticket 3");
  Result missing = s.run({"kb", "suggest", "9"});
  CHECK(missing.status == 1);
  CHECK(missing.err_line() == "desk: no ticket 9");
}

TEST_CASE("kb link: the ticket's history and desk show name the article") {
  Sandbox s;
  add_published(s, {"Printer jams", "-m", "Open tray 2."});
  s.log("Printer jammed");
  CHECK(s.ok({"kb", "link", "1", "1"}).out == "Linked article 1 to ticket 1\n");
  std::string before = s.dump_store();
  CHECK(s.ok({"kb", "link", "1", "#1"}).out == "Article 1 was already linked to ticket 1\n");
  CHECK(s.dump_store() == before);
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  REQUIRE(t["articles"].size() == 1);
  CHECK(t["articles"][0] == Json({{"id", 1},
                                  {"title", "Printer jams"},
                                  {"kind", "how-to"},
                                  {"state", "published"},
                                  {"linked_at", "2026-11-24T10:30:00+00:00"},
                                  {"resolved_at", nullptr}}));
  CHECK(t["events"][1]["kind"] == "linked");
  CHECK(t["events"][1]["article"] == 1);
  Result text = s.ok({"show", "1"});
  CHECK(text.out.find("\nArticles\n     1  Printer jams (how-to, published)\n") !=
        std::string::npos);
  CHECK(text.out.find("tester     linked      article 1\n") != std::string::npos);
  CHECK(article(s, 1)["linked_tickets"] == Json::array({1}));
  Result no_ticket = s.run({"kb", "link", "1", "5"});
  CHECK(no_ticket.status == 1);
  CHECK(no_ticket.err_line() == "desk: no ticket 5");
  Result no_article = s.run({"kb", "link", "5", "1"});
  CHECK(no_article.status == 1);
  CHECK(no_article.err_line() == "desk: no article 5");
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb link --at: when it happened, not before the ticket") {
  Sandbox s;
  add(s, {"A", "-m", "x"});
  s.log("call", {"--at", "2026-11-24 09:00"});
  std::string before = s.dump_store();
  Result early = s.run({"kb", "link", "1", "1", "--at", "2026-11-24 08:00"});
  CHECK(early.status == 65);
  CHECK(early.err_line() ==
        "desk: --at 2026-11-24T08:00:00+00:00 is before 2026-11-24T09:00:00+00:00");
  CHECK(s.dump_store() == before);
  s.ok({"kb", "link", "1", "1", "--at", "2026-11-24 09:30"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["articles"][0]["linked_at"] == "2026-11-24T09:30:00+00:00");
}

TEST_CASE("kb export then import into an empty store reproduces the articles exactly") {
  Sandbox a;
  add_published(a, {"Connect to the VPN", "-m", "# Steps\n\n1. Open \"GlobalConnect\"\n2. Sign in",
                    "-t", "vpn,remote", "--category", "network", "--service", "Remote access"});
  long long ke = add(a, {"E-041 on the floor 3 printer", "--kind", "known-error", "--symptom",
                         "Shows E-041.\n+++\nNothing prints.", "--cause", "A roller \\ a sensor",
                         "--workaround", "Open tray 2.", "--fix-status", "in-progress"});
  a.ok({"kb", "publish", std::to_string(ke)});
  a.ok({"kb", "edit", std::to_string(ke), "--title", "E-041 after a paper jam"});
  long long old =
      add_published(a, {"Принтер не печатает", "--kind", "faq", "-m", "Проверьте Wi-Fi."});
  a.ok({"kb", "retire", std::to_string(old)});
  add(a, {"A draft with no tags", "-m", "```\ncode\n```"});
  Result exported = a.ok({"kb", "export", "out"});
  CHECK(exported.out == "Exported 4 articles to out\n");
  auto files = files_in(a.path("out"));
  CHECK(files.size() == 4);
  CHECK(files.count("2-e-041-after-a-paper-jam.md") == 1);
  CHECK(files.count("3-принтер-не-печатает.md") == 1);

  Sandbox b;
  Result imported = b.ok({"kb", "import", a.path("out").string()});
  CHECK(imported.out.find("4 created, 0 updated, 0 skipped\n") != std::string::npos);
  auto all = [](const Sandbox& s) {
    return s.ok({"kb", "list", "--all", "--format", "json"}).json();
  };
  CHECK(all(b) == all(a));
  for (int id = 1; id <= 4; ++id) {
    CAPTURE(id);
    CHECK(article(b, id) == article(a, id));
  }
  b.ok({"kb", "export", "again"});
  CHECK(files_in(b.path("again")) == files);
  check_indexes(b);
}

TEST_CASE("kb import: the same files twice create nothing new") {
  Sandbox s;
  std::string examples = (source_dir() / "examples" / "kb").string();
  s.ok({"kb", "import", examples});
  std::string before = s.dump_store();
  Result again = s.ok({"kb", "import", examples, "--format", "json"});
  for (const auto& row : again.json()) CHECK(row["action"] == "skipped");
  CHECK(again.json().size() == 5);
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb import: changed files update their articles, with a new version") {
  Sandbox s;
  add_published(s, {"VPN", "-m", "Old text."});
  s.ok({"kb", "export", "kb"});
  std::string file = s.read("kb/1-vpn.md");
  file.replace(file.find("Old text."), 9, "New text.");
  s.write("kb/1-vpn.md", file);
  Json rows = s.ok({"kb", "import", "kb", "--format", "json"}).json();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["action"] == "updated");
  CHECK(rows[0]["changed"] == Json::array({"body"}));
  Json a = article(s, 1);
  CHECK(a["body"] == "New text.");
  CHECK(a["version"] == 3);
  auto history = s.ok({"kb", "history", "1", "--format", "json"}).json();
  CHECK(history.back()["action"] == "imported");
  CHECK(history.back()["note"] == "1-vpn.md");
}

TEST_CASE("kb import: a bad file stops everything, naming the file and line") {
  Sandbox s;
  std::string examples = (source_dir() / "examples" / "kb").string();
  for (const auto& e : fs::directory_iterator(examples))
    s.write("in/" + e.path().filename().string(), read_file(e.path()));
  s.write("in/zz-bad.md", "+++\nuid = \"x\"\ntitle = \"Bad\"\nkind = \"recipe\"\n+++\nBody\n");
  std::string before = s.dump_store();
  Result r = s.run({"kb", "import", "in"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: in/zz-bad.md:4: unknown article kind 'recipe'");
  CHECK(r.out == "");
  CHECK(s.dump_store() == before);
  s.write("in/zz-bad.md", "+++\nuid = \"x\"\ntitle = \"Bad\"\nkind = \"faq\"\ntags = [1]\n+++\n");
  r = s.run({"kb", "import", "in"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: in/zz-bad.md:5: 'tags' must be a string in quotes");
  s.write("in/zz-bad.md",
          "+++\nuid = \"example-faq-mailbox-full\"\ntitle = \"Dup\"\nkind = \"faq\"\n"
          "+++\nBody\n");
  r = s.run({"kb", "import", "in"});
  CHECK(r.status == 65);
  CHECK(r.err_line() ==
        "desk: in/zz-bad.md:2: uid 'example-faq-mailbox-full' is also in "
        "in/why-is-my-mailbox-full.md");
  CHECK(s.dump_store() == before);
  Result dir = s.run({"kb", "import", "nowhere"});
  CHECK(dir.status == 65);
  CHECK(dir.err_line() == "desk: no directory 'nowhere'");
}

TEST_CASE("kb import: issue 14: a front matter nested too deep is refused, not a crash") {
  Sandbox s;
  std::string keys;
  for (int i = 0; i < 50000; ++i) keys += "a.";
  s.write("in/deep.md", "+++\nuid = \"d\"\n" + keys + "a = 1\n+++\nBody\n");
  std::string before = s.dump_store();
  Result r = s.run({"kb", "import", "in"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: in/deep.md:3: keys and values nested more than 64 deep");
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb import --dry-run reports and writes nothing") {
  Sandbox s;
  std::string before = s.dump_store();
  Result r = s.ok({"kb", "import", (source_dir() / "examples" / "kb").string(), "--dry-run"});
  CHECK(r.out.find("5 created, 0 updated, 0 skipped (dry run: nothing written)\n") !=
        std::string::npos);
  CHECK(s.dump_store() == before);
}

TEST_CASE("kb export: a renamed article replaces its old file") {
  Sandbox s;
  add(s, {"First title", "-m", "x"});
  s.ok({"kb", "export", "out"});
  s.ok({"kb", "edit", "1", "--title", "Second title"});
  Result r = s.ok({"kb", "export", "out"});
  CHECK(r.out == "Exported 1 article to out (removed 1 under an old name: 1-first-title.md)\n");
  auto files = files_in(s.path("out"));
  CHECK(files.size() == 1);
  CHECK(files.count("1-second-title.md") == 1);
  Json j = s.ok({"kb", "export", "out", "--format", "json"}).json();
  CHECK(j["files"][0]["file"] == "1-second-title.md");
}

TEST_CASE("kb: the example articles import and are found") {
  Sandbox s;
  Result r = s.ok({"kb", "import", (source_dir() / "examples" / "kb").string()});
  CHECK(r.out.find("5 created, 0 updated, 0 skipped\n") != std::string::npos);
  Json list = s.ok({"kb", "list", "--format", "json"}).json();
  REQUIRE(list.size() == 5);
  std::map<std::string, int> kinds;
  for (const auto& a : list) {
    ++kinds[a["kind"].get<std::string>()];
    CHECK(a["state"] == "published");
  }
  CHECK(kinds == std::map<std::string, int>{{"faq", 2}, {"how-to", 1}, {"known-error", 2}});
  Json hits = s.ok({"kb", "search", "E-041", "--format", "json"}).json();
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0]["title"] == "Floor 3 printer shows E-041 after a paper jam");
  CHECK(s.ok({"kb", "search", "принтер", "--format", "json"}).json()[0]["title"] ==
        "Принтер не печатает по Wi-Fi");
  check_indexes(s);
}

TEST_CASE("kb: a subcommand is needed, and each has help") {
  Sandbox s;
  Result r = s.run({"kb"});
  CHECK(r.status == 2);
  CHECK(r.err_line() == "desk: a subcommand is required");
  for (const char* sub : {"add", "edit", "publish", "retire", "show", "list", "search", "suggest",
                          "link", "history", "export", "import"}) {
    CAPTURE(sub);
    Result h = s.run({"kb", sub, "--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("See 'man desk-kb' for more.") != std::string::npos);
  }
}

TEST_CASE("kb publish, retire and link take several ids, or '-' for standard input") {
  Sandbox s;
  add(s, {"A", "-m", "x"});
  add(s, {"B", "-m", "y"});
  add(s, {"C", "-m", "z"});
  CHECK(s.ok({"kb", "publish", "1", "2"}).out ==
        "Published article 1: A (version 2)\nPublished article 2: B (version 2)\n");
  // All or nothing: article 2 is published already, so 3 is not published either.
  std::string before = s.dump_store();
  Result mixed = s.run({"kb", "publish", "3", "2"});
  CHECK(mixed.status == 1);
  CHECK(mixed.err_line() == "desk: article 2 is already published");
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"kb", "retire", "-", "-q"}, "1\n2\n").out == "");
  CHECK(article(s, 2)["state"] == "retired");
  Json j = s.ok({"kb", "publish", "1", "2", "--format", "json"}).json();
  REQUIRE(j.is_array());
  CHECK(j[1]["state"] == "published");
  Result bad = s.run({"kb", "retire", "-"}, "1\nnope\n");
  CHECK(bad.status == 65);
  CHECK(bad.err_line() == "desk: standard input line 2: 'nope' is not an article id");

  s.log("one");
  s.log("two");
  CHECK(s.ok({"kb", "link", "1", "1", "2"}).out ==
        "Linked article 1 to ticket 1\nLinked article 1 to ticket 2\n");
  CHECK(s.ok({"kb", "link", "2", "-"}, "2\n").out == "Linked article 2 to ticket 2\n");
  CHECK(article(s, 1)["linked_tickets"] == Json::array({1, 2}));
}

TEST_CASE("kb search on a server keeps its copy of the articles, and never uses one out of date") {
  if (!on_postgres()) return;  // an SQLite store searches its own index
  Sandbox s;
  add_published(s, {"Printer jams in tray 2", "-m", "Pull the sheet out slowly."});
  CHECK(ids_of(s.ok({"kb", "search", "printer", "--format", "json"})) == Ids{1});
  fs::path cache = s.path("home/.cache/desk");
  REQUIRE(fs::is_directory(cache));
  std::vector<fs::path> kept;
  for (const auto& e : fs::directory_iterator(cache)) kept.push_back(e.path());
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].filename().string().starts_with("kb-"));
  CHECK((fs::status(kept[0]).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  // A new version, a new tag and a new article are all found at once.
  s.ok({"kb", "edit", "1", "--title", "Scanner jams in tray 2", "-t", "paper"});
  CHECK(ids_of(s.ok({"kb", "search", "printer", "--format", "json"})).empty());
  CHECK(ids_of(s.ok({"kb", "search", "scanner", "--format", "json"})) == Ids{1});
  CHECK(ids_of(s.ok({"kb", "search", "--tag", "paper", "jams", "--format", "json"})) == Ids{1});
  add_published(s, {"Printer offline", "-m", "Check the cable."});
  CHECK(ids_of(s.ok({"kb", "search", "printer", "--format", "json"})) == Ids{2});
  // A damaged copy is made again, and the answer is the same.
  s.write("home/.cache/desk/" + kept[0].filename().string(), "not a database");
  CHECK(ids_of(s.ok({"kb", "search", "printer", "--format", "json"})) == Ids{2});
  // With nowhere to keep it (no home), the copy is made for the search.
  Result homeless = s.run_with({"kb", "search", "scanner", "--format", "json"}, "", {{"HOME", ""}});
  CHECK(homeless.status == 0);
  CHECK(ids_of(homeless) == Ids{1});
}
