// The knowledge base's closed vocabularies: an article's kind and state, a
// known error's fix status and what made a version are enums inside desk,
// their names only at the edges (the store's columns, JSON, front matter,
// the command line), and a word desk does not know is an error there.
#include <sqlite3.h>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/kb/actions.hpp"
#include "desk/kb/exchange.hpp"
#include "desk/kb/serialize.hpp"
#include "desk/model/article.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/store/store.hpp"
#include "desk/work/validate.hpp"

#include "support/test_desk.hpp"

namespace {

// Runs SQL on the store's file through a connection of its own: how the
// tests write what desk never would.
void kb_words_tamper(const std::string& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

// The message a DataError carries, or "" when `f` throws none.
template <typename F>
std::string kb_words_refusal(F&& f) {
  try {
    f();
  } catch (const desk::DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("kb/words") {
  using desk::model::ArticleAction;
  using desk::model::ArticleKind;
  using desk::model::ArticleState;
  using desk::model::FixStatus;
  namespace util = desk::util;

  TEST_CASE("each vocabulary has its names, in the order help and errors list them") {
    CHECK(util::names<ArticleKind>() == std::vector<std::string>{"how-to", "faq", "known-error"});
    CHECK(util::names<ArticleState>() == std::vector<std::string>{"draft", "published", "retired"});
    CHECK(util::names<FixStatus>() ==
          std::vector<std::string>{"open", "in-progress", "fixed", "wont-fix"});
    CHECK(util::names<ArticleAction>() ==
          std::vector<std::string>{"created", "edited", "published", "retired", "imported"});
    CHECK(util::names<desk::kb::ImportOutcome>() ==
          std::vector<std::string>{"created", "updated", "skipped"});
    for (ArticleKind k : util::all<ArticleKind>())
      CHECK(util::parse<ArticleKind>(util::name(k)) == k);
    for (ArticleState s : util::all<ArticleState>())
      CHECK(util::parse<ArticleState>(util::name(s)) == s);
    for (FixStatus f : util::all<FixStatus>()) CHECK(util::parse<FixStatus>(util::name(f)) == f);
    for (ArticleAction a : util::all<ArticleAction>())
      CHECK(util::parse<ArticleAction>(util::name(a)) == a);
    CHECK(util::name(ArticleKind::known_error) == "known-error");
    CHECK(util::name(FixStatus::wont_fix) == "wont-fix");
    CHECK(fmt::format("{} {}", ArticleState::published, ArticleKind::how_to) == "published how-to");
  }

  TEST_CASE("an unknown or misspelt word parses to nothing") {
    CHECK_FALSE(util::parse<ArticleKind>("howto"));
    CHECK_FALSE(util::parse<ArticleKind>("known_error"));
    CHECK_FALSE(util::parse<ArticleKind>("FAQ"));
    CHECK_FALSE(util::parse<ArticleState>("publshed"));
    CHECK_FALSE(util::parse<ArticleState>("Published"));
    CHECK_FALSE(util::parse<ArticleState>("live"));
    CHECK_FALSE(util::parse<ArticleState>(""));
    CHECK_FALSE(util::parse<FixStatus>("in_progress"));
    CHECK_FALSE(util::parse<FixStatus>("done"));
    CHECK_FALSE(util::parse<FixStatus>(" open"));
    CHECK_FALSE(util::parse<ArticleAction>("updated"));  // an import's outcome, not a version's
  }

  TEST_CASE("a word typed is refused with what is allowed, as before") {
    CHECK(desk::work::require_word<ArticleKind>("article kind", "faq") == ArticleKind::faq);
    CHECK(kb_words_refusal([] {
            desk::work::require_word<ArticleKind>("article kind", "howto");
          }) == "unknown article kind 'howto'");
    CHECK(kb_words_refusal([] {
            desk::work::require_word<ArticleState>("article state", "live");
          }) == "unknown article state 'live'");
    try {
      desk::work::require_word<ArticleState>("article state", "publshed");
      FAIL("accepted");
    } catch (const desk::DataError& e) {
      CHECK(e.hint().find("did you mean 'published'?") == 0);
    }
  }

  TEST_CASE("a fix status as typed belongs to known errors only") {
    using desk::kb::typed_fix_status;
    CHECK(typed_fix_status(ArticleKind::known_error, " fixed ") == FixStatus::fixed);
    CHECK_FALSE(typed_fix_status(ArticleKind::known_error, "  ").has_value());
    CHECK_FALSE(typed_fix_status(ArticleKind::faq, "").has_value());
    CHECK(kb_words_refusal([] { typed_fix_status(ArticleKind::known_error, "done"); }) ==
          "unknown fix status 'done'");
    // On another kind the word does not matter: it has no fix status at all.
    const std::string not_known_error = "a faq has no symptom, cause, workaround or fix status";
    CHECK(kb_words_refusal([] { typed_fix_status(ArticleKind::faq, "open"); }) == not_known_error);
    CHECK(kb_words_refusal([] { typed_fix_status(ArticleKind::faq, "done"); }) == not_known_error);
  }

  TEST_CASE("JSON writes the names and reads them back, refusing unknown ones") {
    nlohmann::json j = ArticleKind::known_error;
    CHECK(j == "known-error");
    CHECK(j.get<ArticleKind>() == ArticleKind::known_error);
    for (FixStatus f : util::all<FixStatus>()) CHECK(nlohmann::json(f).get<FixStatus>() == f);
    for (ArticleState s : util::all<ArticleState>())
      CHECK(nlohmann::json(s).get<ArticleState>() == s);
    for (ArticleAction a : util::all<ArticleAction>())
      CHECK(nlohmann::json(a).get<ArticleAction>() == a);
    CHECK_THROWS(nlohmann::json("publshed").get<ArticleState>());
    CHECK_THROWS(nlohmann::json("in_progress").get<FixStatus>());

    desk::model::Article a;
    a.kind = ArticleKind::known_error;
    a.state = ArticleState::retired;
    a.fix_status = FixStatus::in_progress;
    desk::kb::Json out = desk::kb::article_summary_json(a, desk::Zone::utc());
    CHECK(out["kind"] == "known-error");
    CHECK(out["state"] == "retired");
    CHECK(out["fix_status"] == "in-progress");
    CHECK(out["kind"].get<ArticleKind>() == a.kind);
    CHECK(out["fix_status"].get<FixStatus>() == a.fix_status);
    a.kind = ArticleKind::faq;
    a.fix_status.reset();
    CHECK(desk::kb::article_summary_json(a, desk::Zone::utc())["fix_status"].is_null());
  }

  TEST_CASE("the store keeps the words, and one desk never writes is damage") {
    using desk::StoreCorrupt;
    const std::string file = "kb-words.db";
    desk::testing::TestDesk d(file);
    desk::work::Session s = d.session();
    std::int64_t id = 0;
    {
      desk::store::WriteTransaction tx(*d.store);
      desk::kb::AddRequest r;
      r.title = "VPN drops";
      r.kind = ArticleKind::known_error;
      r.symptom = "Drops hourly.";
      r.fix_status = "in-progress";
      id = desk::kb::add_article(s, r).article.id;
      tx.commit();
    }
    desk::store::KbStore& kb = d.store->kb();
    desk::model::Article a = kb.find_article(id).value();
    CHECK(a.kind == ArticleKind::known_error);
    CHECK(a.state == ArticleState::draft);
    CHECK(a.fix_status == FixStatus::in_progress);
    CHECK(kb.versions(id).at(0).action == ArticleAction::created);

    auto refused = [&](const char* sql, const std::string& message) {
      CAPTURE(sql);
      kb_words_tamper(file, sql);
      try {
        kb.find_article(id);
        kb.versions(id);
        FAIL("read a word desk never writes");
      } catch (const StoreCorrupt& e) {
        CHECK(std::string(e.what()) == message);
        CHECK(e.hint() == "run desk doctor");
      }
    };
    refused("UPDATE kb_articles SET state = 'publshed'",
            "an article has the unknown state 'publshed'");
    refused("UPDATE kb_articles SET state = 'draft', kind = 'Known-Error'",
            "an article has the unknown kind 'Known-Error'");
    refused("UPDATE kb_articles SET kind = 'known-error', fix_status = 'in_progress'",
            "an article has the unknown fix status 'in_progress'");
    refused("UPDATE kb_articles SET fix_status = 'open'; UPDATE kb_versions SET action = 'updated'",
            "an article's version has the unknown action 'updated'");
  }
}
