// The knowledge base's query builders: FTS5 MATCH expressions from parsed
// searches, and article filters as SQL with placeholders.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "desk/kb/search.hpp"
#include "desk/store/sqlite/kb_sql.hpp"

using namespace desk;
using namespace desk::store::sqlite;
namespace sql = desk::store::sql;

namespace {

std::vector<std::string> texts(const std::vector<sql::Value>& values) {
  std::vector<std::string> out;
  for (const auto& v : values)
    out.push_back(std::holds_alternative<std::string>(v)
                      ? std::get<std::string>(v)
                      : std::to_string(std::get<std::int64_t>(v)));
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("kb sql") {
  TEST_CASE("every term becomes a quoted FTS5 string") {
    CHECK(fts5_string("printer") == "\"printer\"");
    CHECK(fts5_string("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(fts5_string("title:x AND y*") == "\"title:x AND y*\"");
  }

  TEST_CASE("the words index: whole words count twice, prefixes and phrases as written") {
    CHECK(fts5_words(kb::parse_search("jam")) == "(\"jam\" OR \"jam\"*)");
    CHECK(fts5_words(kb::parse_search("print*")) == "\"print\"*");
    CHECK(fts5_words(kb::parse_search("\"paper jam\"")) == "\"paper jam\"");
    CHECK(fts5_words(kb::parse_search("\"paper ja\"*")) == "\"paper ja\"*");
    CHECK(fts5_words(kb::parse_search("vpn* OR wifi*")) == "(\"vpn\"* OR \"wifi\"*)");
    CHECK(fts5_words(kb::parse_search("a* b* -c* -d*")) ==
          "((\"a\"* AND \"b\"*) NOT (\"c\"* OR \"d\"*))");
    CHECK(fts5_words(kb::parse_search("a* -b*")) == "(\"a\"* NOT \"b\"*)");
  }

  TEST_CASE("FTS5 syntax in what people type is only text") {
    // A column filter, NEAR and ^ are quoted, so FTS5 reads them as words.
    CHECK(fts5_words(kb::parse_search("title:x")) == "(\"title:x\" OR \"title:x\"*)");
    CHECK(fts5_words(kb::parse_search("NEAR(a* b*)")) ==
          "((\"NEAR\" OR \"NEAR\"*) AND (\"a\"* AND \"b\"*))");
    CHECK(fts5_words(kb::parse_search("^start*")) == "\"start\"*");
    CHECK(fts5_words(kb::parse_search("\"a \"\"b\"*")) == "(\"a\" AND \"b\"*)");
  }

  TEST_CASE("the trigram index: substrings, and nothing when a term is too short") {
    CHECK(fts5_trigram(kb::parse_search("warteschlange")) == "\"warteschlange\"");
    CHECK(fts5_trigram(kb::parse_search("print* -laser")) == "(\"print\" NOT \"laser\")");
    CHECK(fts5_trigram(kb::parse_search("при*")) == "\"при\"");
    CHECK_FALSE(fts5_trigram(kb::parse_search("pc")).has_value());
    CHECK_FALSE(fts5_trigram(kb::parse_search("printer -hp")).has_value());
  }

  TEST_CASE("any of a ticket's words") {
    CHECK(fts5_any({"printer", "e", "041"}) == "\"printer\" OR \"e\" OR \"041\"");
  }

  TEST_CASE("an article filter is placeholders and values, in order") {
    model::ArticleFilter f;
    f.states = {model::ArticleState::draft, model::ArticleState::published};
    f.kinds = {model::ArticleKind::faq};
    f.tags = {"vpn", "floor3"};
    f.authors = {"alice"};
    f.sort = {"-uses", "title"};
    f.limit = 10;
    sql::SqlQuery q = sql::select_articles_sql(f);
    CHECK(count(q.sql, "?") == 7);
    CHECK(q.sql.find("a.state IN (?, ?) AND a.kind IN (?) AND a.author IN (?)") !=
          std::string::npos);
    CHECK(count(q.sql, "g.tag = ?") == 2);
    CHECK(q.sql.find("DESC, a.title COLLATE NOCASE, a.id LIMIT ?") != std::string::npos);
    CHECK(texts(q.values) ==
          std::vector<std::string>{"draft", "published", "faq", "alice", "vpn", "floor3", "10"});
    CHECK(q.sql.find("alice") == std::string::npos);
  }

  TEST_CASE("an empty filter selects everything by id") {
    sql::SqlQuery q = sql::select_articles_sql({});
    const std::string tail = " FROM kb_articles a ORDER BY a.id";
    CHECK(q.sql.substr(q.sql.size() - tail.size()) == tail);
    CHECK(q.values.empty());
  }

  TEST_CASE("the ranking query binds the MATCH value, the filter, then the limit") {
    model::ArticleFilter f;
    f.states = {model::ArticleState::published};
    f.limit = 5;
    sql::SqlQuery q = rank_articles_sql(Index::words, "W", f);
    CHECK(texts(q.values) == std::vector<std::string>{"W", "published", "5"});
    CHECK(count(q.sql, "?") == 3);
    CHECK(q.sql.find("WHERE kb_words MATCH ? AND a.state IN (?)") != std::string::npos);
    CHECK(q.sql.find("kb_trigram") == std::string::npos);
    sql::SqlQuery more = rank_articles_sql(Index::trigram, "T", f, 3);
    CHECK(texts(more.values) == std::vector<std::string>{"T", "published", "8"});
    CHECK(more.sql.find("WHERE kb_trigram MATCH ? AND a.state IN (?)") != std::string::npos);
    sql::SqlQuery all = rank_articles_sql(Index::words, "W", {});
    CHECK(texts(all.values) == std::vector<std::string>{"W", "-1"});
  }

  TEST_CASE("the vocabulary query has one placeholder per word") {
    sql::SqlQuery q = vocabulary_sql({"a", "b", "c"});
    CHECK(q.sql == "SELECT term, doc FROM kb_words_vocab WHERE term IN (?, ?, ?)");
    CHECK(texts(q.values) == std::vector<std::string>{"a", "b", "c"});
  }
}
