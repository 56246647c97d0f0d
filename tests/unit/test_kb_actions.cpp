// The knowledge base's use cases against a real store (a fresh SQLite file
// in the test's temporary directory): states, versions, links, resolution,
// search ranking and suggestions on a small fixed corpus, and export/import.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/kb/actions.hpp"
#include "desk/kb/exchange.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/open/open.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"

#include "support/test_desk.hpp"

using namespace desk;
using namespace desk::kb;
using model::ArticleAction;
using model::ArticleKind;
using model::ArticleState;
namespace fs = std::filesystem;

namespace {

// A migrated store of its own, the starter configuration, a fixed clock.
struct Desk {
  config::Config config = config::defaults();
  std::unique_ptr<store::Store> store;
  Session session;

  Desk() : store(open_new()), session{config, *store, from_unix(1'795'000'000), "alice"} {}

  static std::unique_ptr<store::Store> open_new() {
    static std::atomic<int> n{0};
    std::string location = desk::testing::new_store_location(
        (fs::current_path() / ("kb-" + std::to_string(++n) + ".db")).string());
    store::create(location);
    return store::open(location, store::Access::write, std::chrono::milliseconds(1000));
  }

  template <typename F>
  auto write(F&& f) {
    store::WriteTransaction tx(*store);
    auto out = f();
    tx.commit();
    return out;
  }

  std::int64_t add(const std::string& title, ArticleKind kind, const std::string& body,
                   std::vector<std::string> tags = {}, bool publish = true) {
    return write([&] {
      AddRequest r;
      r.title = title;
      r.kind = kind;
      if (kind == ArticleKind::known_error) {
        r.symptom = body;
        r.workaround = "Restart it.";
      } else {
        r.body = body;
      }
      r.tags = std::move(tags);
      std::int64_t id = add_article(session, r).article.id;
      if (publish) publish_article(session, id);
      return id;
    });
  }

  std::int64_t ticket(const std::string& title, const std::string& description) {
    return write([&] {
      tickets::LogRequest r;
      r.title = title;
      r.description = description;
      return tickets::log_ticket(session, r).ticket.id;
    });
  }

  std::vector<std::int64_t> search(const std::string& text, bool all_states = false) {
    ArticleFilter f;
    if (!all_states) f.states = {ArticleState::published};
    std::vector<std::int64_t> ids;
    for (const auto& h : search_articles(session, text, f)) ids.push_back(h.article.id);
    return ids;
  }
};

using Ids = std::vector<std::int64_t>;

// The small fixed corpus that search and suggest are judged on.
struct Corpus : Desk {
  std::int64_t jam, queue, vpn, resume, wifi, printer_howto, cjk, remote, retired;
  Corpus() {
    jam = add("Printer jams in tray 2", ArticleKind::known_error,
              "Paper jam on the floor 3 printer, E-041.", {"printer"});
    queue = add("Druckerwarteschlange leeren", ArticleKind::how_to,
                "Wenn die Druckerwarteschlange hängt: Dienst neu starten.", {"drucker"});
    vpn = add("VPN drops every hour", ArticleKind::known_error,
              "The VPN client disconnects hourly.", {"vpn"});
    resume = add("Upload a résumé to the HR portal", ArticleKind::how_to,
                 "Candidates' résumés go to the HR portal as PDF.");
    wifi = add("Принтер не печатает по Wi-Fi", ArticleKind::faq,
               "Если принтер не печатает, перезапустите его и проверьте Wi-Fi.", {"принтер"});
    printer_howto = add("Add a network printer", ArticleKind::how_to,
                        "Open Settings, then Printers. The printer queue shows jobs.");
    cjk = add("打印机卡纸", ArticleKind::faq, "打印机卡纸时，请打开纸盒。");
    remote = add("Working from home", ArticleKind::how_to,
                 "Connect the VPN first, then open the HR portal.");
    retired =
        add("Old printer jam procedure", ArticleKind::how_to, "Printer jam: call the vendor.");
    write([&] { return retire_article(session, retired); });
  }
};

}  // namespace

TEST_SUITE("kb actions") {
  TEST_CASE("an article is added as a draft, version 1, by the actor") {
    Desk d;
    auto added = d.write([&] {
      AddRequest r;
      r.title = "  How to reset a password ";
      r.body = "\n\nUse the portal.\n\n";
      r.tags = {"Access", "access", "pw"};
      return add_article(d.session, r);
    });
    const Article& a = added.article;
    CHECK(a.id == 1);
    CHECK(a.title == "How to reset a password");
    CHECK(a.kind == ArticleKind::how_to);
    CHECK(a.state == ArticleState::draft);
    CHECK(a.body == "Use the portal.");
    CHECK(a.tags == std::vector<std::string>{"Access", "access", "pw"});
    CHECK(a.author == "alice");
    CHECK(a.version == 1);
    CHECK(a.uid.size() == 36);
    CHECK(a.uid[14] == '4');
    auto history = article_history(d.session, a.id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].action == ArticleAction::created);
    CHECK(history[0].article.body == "Use the portal.");
    CHECK_FALSE(added.linked.has_value());
  }

  TEST_CASE("bad articles are refused before anything is written") {
    Desk d;
    auto refuse = [&](AddRequest r) {
      try {
        d.write([&] { return add_article(d.session, r); });
      } catch (const DataError& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    AddRequest r;
    r.title = "T";
    r.body = "B";
    r.kind = ArticleKind::how_to;
    r.symptom = "s";
    CHECK(refuse(r) == "a how-to has no symptom, cause, workaround or fix status");
    r.symptom.reset();
    r.body = "  ";
    CHECK(refuse(r) == "the article has no text");
    r.body = "B";
    r.category = "plumbing";
    CHECK(refuse(r) == "unknown category 'plumbing'");
    r.category.reset();
    r.kind = ArticleKind::known_error;
    r.fix_status = "done";
    r.symptom = "s";
    CHECK(refuse(r) == "unknown fix status 'done'");
    ArticleFilter all;
    int n = 0;
    each_article(d.session, all, [&](const Article&) { return ++n, true; });
    CHECK(n == 0);
  }

  TEST_CASE("states: draft to published to retired, and the refusals name what is allowed") {
    Desk d;
    std::int64_t id = d.add("A", ArticleKind::how_to, "text", {}, false);
    ArticleVersion p = d.write([&] { return publish_article(d.session, id); });
    CHECK(p.number == 2);
    CHECK(p.article.state == ArticleState::published);
    CHECK(p.article.published_at == d.session.now);
    try {
      d.write([&] { return publish_article(d.session, id); });
      FAIL("published twice");
    } catch (const Refused& e) {
      CHECK(std::string(e.what()) == "article 1 is already published");
      CHECK(e.hint() == "a published article can only be retired: 'desk kb retire 1'");
    }
    ArticleVersion r = d.write([&] { return retire_article(d.session, id); });
    CHECK(r.article.state == ArticleState::retired);
    CHECK(r.number == 3);
    CHECK_THROWS_AS(d.write([&] { return retire_article(d.session, id); }), Refused);
    ArticleVersion again = d.write([&] { return publish_article(d.session, id); });
    CHECK(again.article.state == ArticleState::published);
    CHECK_FALSE(again.article.retired_at.has_value());
    CHECK(again.number == 4);
  }

  TEST_CASE("a known error is published only with a symptom and a workaround") {
    Desk d;
    std::int64_t id = d.write([&] {
      AddRequest r;
      r.title = "VPN drops";
      r.kind = ArticleKind::known_error;
      r.symptom = "Drops hourly";
      return add_article(d.session, r).article.id;
    });
    CHECK(require_article(d.session, id).fix_status == model::FixStatus::open);
    try {
      d.write([&] { return publish_article(d.session, id); });
      FAIL("published without a workaround");
    } catch (const Refused& e) {
      CHECK(std::string(e.what()) ==
            "cannot publish article 1: a known error needs a symptom and a workaround");
    }
    CHECK(require_article(d.session, id).state == ArticleState::draft);
  }

  TEST_CASE("every edit is a new version, and an edit that changes nothing writes nothing") {
    Desk d;
    std::int64_t id = d.add("Reset a password", ArticleKind::how_to, "Use the portal.", {"pw"});
    auto v = d.write([&] {
      EditRequest r;
      r.title = "Reset your password";
      r.add_tags = {"access"};
      r.note = "clearer title";
      return edit_article(d.session, id, r);
    });
    REQUIRE(v.has_value());
    CHECK(v->number == 3);
    CHECK(v->changed == std::vector<std::string>{"title", "tags"});
    CHECK(v->note == "clearer title");
    auto same = d.write([&] {
      EditRequest r;
      r.title = "Reset your password";
      return edit_article(d.session, id, r);
    });
    CHECK_FALSE(same.has_value());
    CHECK(require_article(d.session, id).version == 3);
    ArticleVersion old = require_version(d.session, id, 1);
    CHECK(old.article.title == "Reset a password");
    CHECK(old.article.state == ArticleState::draft);
    CHECK(old.article.tags == std::vector<std::string>{"pw"});
    CHECK(require_version(d.session, id, 3).article.tags ==
          std::vector<std::string>{"access", "pw"});
    std::vector<ArticleAction> actions;
    for (const auto& h : article_history(d.session, id)) actions.push_back(h.action);
    CHECK(actions == std::vector<ArticleAction>{ArticleAction::created, ArticleAction::published,
                                                ArticleAction::edited});
    try {
      require_version(d.session, id, 9);
      FAIL("no version 9");
    } catch (const Refused& e) {
      CHECK(std::string(e.what()) == "article 1 has no version 9");
      CHECK(e.hint() == "its versions here: 1 to 3; 'desk kb history 1' lists them");
    }
  }

  TEST_CASE("linking records a linked event on the ticket, once") {
    Desk d;
    std::int64_t article = d.add("Printer jams", ArticleKind::how_to, "Open tray 2.");
    std::int64_t ticket = d.ticket("Printer jammed", "E-041");
    Linked first = d.write([&] { return link_article(d.session, article, ticket); });
    REQUIRE(first.event.has_value());
    CHECK(first.event->kind == desk::model::EventKind::linked);
    CHECK(first.event->extra["article"] == article);
    Linked second = d.write([&] { return link_article(d.session, article, ticket); });
    CHECK_FALSE(second.event.has_value());
    auto events = d.store->ticket_events(ticket);
    CHECK(events.size() == 2);
    auto links = articles_for_ticket(d.session, ticket);
    REQUIRE(links.size() == 1);
    CHECK(links[0].title == "Printer jams");
    CHECK(links[0].state == ArticleState::published);
    CHECK_FALSE(links[0].resolved_at.has_value());
    CHECK_THROWS_AS(d.write([&] { return link_article(d.session, 99, ticket); }), Refused);
    CHECK_THROWS_AS(d.write([&] { return link_article(d.session, article, 99); }), Refused);
  }

  TEST_CASE("record_resolution counts the tickets an article resolved") {
    Desk d;
    std::int64_t article = d.add("Printer jams", ArticleKind::how_to, "Open tray 2.");
    std::int64_t t1 = d.ticket("Printer jammed", "E-041");
    std::int64_t t2 = d.ticket("Printer jammed again", "E-041");
    d.write([&] { return link_article(d.session, article, t1); });
    Article a = d.write([&] { return record_resolution(d.session, article, t1, d.session.now); });
    CHECK(a.use_count == 1);
    a = d.write([&] { return record_resolution(d.session, article, t2, d.session.now); });
    CHECK(a.use_count == 2);
    a = d.write([&] { return record_resolution(d.session, article, t2, d.session.now); });
    CHECK(a.use_count == 2);
    auto links = tickets_for_article(d.session, article);
    REQUIRE(links.size() == 2);
    CHECK(links[0].ticket_id == t1);
    CHECK(links[1].resolved_at == d.session.now);
    CHECK(articles_for_ticket(d.session, t2).at(0).resolved_at == d.session.now);
    CHECK_THROWS_AS(d.write([&] { return record_resolution(d.session, 42, t1, d.session.now); }),
                    Refused);
  }

  TEST_CASE("drafting from a ticket takes its description, workaround and resolution") {
    Desk d;
    std::int64_t id = d.ticket("VPN drops every hour", "The client disconnects on the hour.");
    auto t = *d.store->find_ticket(id);
    t.workaround = "Reconnect; use the office Wi-Fi meanwhile.";
    t.resolution = "Fixed by client 4.2.";
    t.tags = {"vpn"};
    d.write([&] {
      d.store->update_ticket(t);
      return 0;
    });
    Added added = d.write([&] {
      AddRequest r;
      r.from_ticket = id;
      return add_article(d.session, r);
    });
    const Article& a = added.article;
    CHECK(a.title == "VPN drops every hour");
    CHECK(a.kind == ArticleKind::known_error);
    CHECK(a.symptom == "The client disconnects on the hour.");
    CHECK(a.workaround == "Reconnect; use the office Wi-Fi meanwhile.");
    CHECK(a.body == "Fixed by client 4.2.");
    CHECK(a.tags == std::vector<std::string>{"vpn"});
    REQUIRE(added.linked.has_value());
    CHECK(articles_for_ticket(d.session, id).at(0).article_id == a.id);
    Added howto = d.write([&] {
      AddRequest r;
      r.from_ticket = id;
      r.kind = ArticleKind::how_to;
      r.title = "Reconnecting the VPN";
      return add_article(d.session, r);
    });
    CHECK(howto.article.title == "Reconnecting the VPN");
    CHECK(howto.article.body ==
          "## Problem\n\nThe client disconnects on the hour.\n\n## Workaround\n\nReconnect; use "
          "the office Wi-Fi meanwhile.\n\n## Solution\n\nFixed by client 4.2.");
  }

  TEST_CASE("search: the most relevant article comes first") {
    Corpus c;
    // The title and the tag beat a mention in another article's body.
    CHECK(c.search("printer jam") == Ids{c.jam});
    CHECK(c.search("printer").front() == c.jam);
    CHECK(c.search("printer").size() == 2);
    // A word in the title ranks above the same word in the body.
    CHECK(c.search("vpn") == Ids{c.vpn, c.remote});
    CHECK(c.search("portal") == Ids{c.resume, c.remote});
    CHECK(c.search("queue") == Ids{c.printer_howto});
    CHECK(c.search("vpn OR printer").size() == 4);
    CHECK(c.search("printer -jam") == Ids{c.printer_howto});
  }

  TEST_CASE("search: any case, any accents, any script") {
    Corpus c;
    CHECK(c.search("ПРИНТЕР") == Ids{c.wifi});
    CHECK(c.search("принтер печатает") == Ids{c.wifi});
    CHECK(c.search("resume") == Ids{c.resume});
    CHECK(c.search("RÉSUMÉS") == Ids{c.resume});
    // Han characters run together into one word: only the trigram index
    // finds a part of one, and it needs three characters.
    CHECK(c.search("机卡纸") == Ids{c.cjk});
    CHECK(c.search("打印机") == Ids{c.cjk});
  }

  TEST_CASE("search: prefixes and parts of glued words") {
    Corpus c;
    CHECK(c.search("discon*") == Ids{c.vpn});
    CHECK(c.search("jam*").front() == c.jam);
    CHECK(c.search("warteschlange") == Ids{c.queue});
    ArticleFilter f;
    f.states = {ArticleState::published};
    auto hits = search_articles(c.session, "warteschlange", f);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].fragment);
    CHECK(hits[0].title.text == "Druckerwarteschlange leeren");
    REQUIRE(hits[0].title.marks.size() == 1);
    CHECK(hits[0].title.text.substr(hits[0].title.marks[0].first,
                                    hits[0].title.marks[0].second - hits[0].title.marks[0].first) ==
          "warteschlange");
  }

  TEST_CASE("search: retired and draft articles only with every state") {
    Corpus c;
    CHECK(c.search("vendor").empty());
    CHECK(c.search("vendor", true) == Ids{c.retired});
  }

  TEST_CASE("search: words marked in the title and snippet") {
    Corpus c;
    ArticleFilter f;
    f.states = {ArticleState::published};
    auto hits = search_articles(c.session, "portal pdf", f);
    REQUIRE(hits.size() == 1);
    const model::MarkedText& s = hits[0].snippet;
    CHECK(s.text == "Candidates' résumés go to the HR portal as PDF.");
    REQUIRE(s.marks.size() == 2);
    CHECK(s.text.substr(s.marks[0].first, s.marks[0].second - s.marks[0].first) == "portal");
    CHECK(s.text.substr(s.marks[1].first, s.marks[1].second - s.marks[1].first) == "PDF");
    CHECK(hits[0].title.marks.size() == 1);
    CHECK_FALSE(hits[0].fragment);
  }

  TEST_CASE("suggest: published articles like the ticket, never retired ones") {
    Corpus c;
    std::int64_t t =
        c.ticket("Printer jam on floor 3", "Tray 2 jams with error E-041, call vendor?");
    auto hits = suggest_articles(c.session, t, 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().article.id == c.jam);
    for (const auto& h : hits) {
      CAPTURE(h.article.id);
      CHECK(h.article.state == ArticleState::published);
      CHECK(h.article.id != c.retired);
    }
    std::int64_t vpn = c.ticket("VPN keeps dropping", "client disconnects");
    CHECK(suggest_articles(c.session, vpn, 5).front().article.id == c.vpn);
    std::int64_t none = c.ticket("zzz", "qqq");
    CHECK(suggest_articles(c.session, none, 5).empty());
  }

  TEST_CASE("the filter is checked") {
    Desk d;
    ArticleFilter f;
    f.sort = {"-popularity"};
    CHECK_THROWS_AS(check_filter(f), UsageError);
    f.sort = {"-uses"};
    CHECK_NOTHROW(check_filter(f));
  }

  TEST_CASE("export then import into an empty store reproduces the articles") {
    Corpus c;
    std::int64_t linked_ticket = c.ticket("t", "d");
    c.write([&] { return link_article(c.session, c.jam, linked_ticket); });
    fs::path dir = fs::current_path() / "export-1";
    Exported e = export_articles(c.session, dir, {});
    CHECK(e.written.size() == 9);
    Desk other;
    auto results = other.write([&] { return import_articles(other.session, dir); });
    CHECK(results.size() == 9);
    for (const auto& r : results) CHECK(r.action == ImportOutcome::created);
    for (std::int64_t id = 1; id <= 9; ++id) {
      CAPTURE(id);
      Article a = require_article(c.session, id);
      Article b = require_article(other.session, id);
      CHECK(article_differences(a, b).empty());
      CHECK(a.uid == b.uid);
      CHECK(a.version == b.version);
      CHECK(a.updated_at == b.updated_at);
    }
    // Again: nothing new.
    auto again = other.write([&] { return import_articles(other.session, dir); });
    for (const auto& r : again) CHECK(r.action == ImportOutcome::skipped);
    CHECK(article_history(other.session, 1).size() == 1);
  }

  TEST_CASE("import updates what changed and refuses a bad directory as a whole") {
    Corpus c;
    fs::path dir = fs::current_path() / "export-2";
    export_articles(c.session, dir, {});
    std::int64_t before = require_article(c.session, c.vpn).version;
    c.write([&] {
      EditRequest r;
      r.title = "VPN drops every hour on the dot";
      return edit_article(c.session, c.vpn, r);
    });
    auto results = c.write([&] { return import_articles(c.session, dir); });
    int updated = 0;
    for (const auto& r : results)
      if (r.action == ImportOutcome::updated) {
        ++updated;
        CHECK(r.article.id == c.vpn);
        CHECK(r.changed == std::vector<std::string>{"title"});
      }
    CHECK(updated == 1);
    Article vpn = require_article(c.session, c.vpn);
    CHECK(vpn.title == "VPN drops every hour");
    CHECK(vpn.version == before + 2);
    CHECK(article_history(c.session, c.vpn).back().action == ArticleAction::imported);

    std::ofstream(dir / "zz-bad.md") << "+++\nuid = \"x\"\ntitle = \"X\"\nkind = \"recipe\"\n+++\n";
    Desk fresh;
    try {
      fresh.write([&] { return import_articles(fresh.session, dir); });
      FAIL("imported a bad file");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()) ==
            (dir / "zz-bad.md").string() + ":4: unknown article kind 'recipe'");
    }
    int n = 0;
    each_article(fresh.session, {}, [&](const Article&) { return ++n, true; });
    CHECK(n == 0);
  }
}
