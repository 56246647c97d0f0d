#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

std::vector<long long> ids(const Result& r) {
  std::vector<long long> out;
  for (const auto& row : r.json()) out.push_back(row["id"].get<long long>());
  return out;
}

using Ids = std::vector<long long>;

}  // namespace

TEST_CASE("list: filters by every field") {
  Sandbox s;
  s.log("Printer jammed",
        {"--type", "incident", "--priority", "P1", "--channel", "phone", "--category", "hardware",
         "--customer", "jane@example.org", "--tag", "floor3"});
  s.log("New laptop", {"--type", "service-request", "--priority", "P4", "--channel", "portal",
                       "--category", "hardware", "--customer", "bob@example.org"});
  s.log("VPN drops",
        {"--type", "incident", "--priority", "P2", "--channel", "email", "--category", "network",
         "--customer", "jane@example.org", "--tag", "vpn", "--at", "2026-11-20"});
  auto list = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "list");
    args.push_back("--format=json");
    return ids(s.ok(args));
  };
  CHECK(list({}) == Ids{1, 2, 3});
  CHECK(list({"--type", "incident"}) == Ids{1, 3});
  CHECK(list({"--priority", "P1,P2"}) == Ids{1, 3});
  CHECK(list({"--channel", "portal"}) == Ids{2});
  CHECK(list({"--category", "hardware"}) == Ids{1, 2});
  CHECK(list({"--customer", "jane@example.org"}) == Ids{1, 3});
  CHECK(list({"--tag", "vpn"}) == Ids{3});
  CHECK(list({"+floor3"}) == Ids{1});
  CHECK(list({"--since", "2026-11-21"}) == Ids{1, 2});
  CHECK(list({"--until", "2026-11-21"}) == Ids{3});
  CHECK(list({"priority:P4"}) == Ids{2});
  CHECK(list({"category:hardware", "type:incident"}) == Ids{1});
  CHECK(list({"--assignee", "none"}) == Ids{1, 2, 3});
  CHECK(list({"--status", "new"}) == Ids{1, 2, 3});
  CHECK(list({"--status", "resolved"}) == Ids{});
}

TEST_CASE("list: finds text in title and description in any case and accent") {
  Sandbox s;
  s.log("Принтер не печатает");
  s.log("Résumé template broken");
  s.log("Mail", {"-m", "the PRINTER in room 5"});
  auto find = [&](const std::string& word) {
    return ids(s.ok({"list", word, "--format", "json"}));
  };
  CHECK(find("принтер") == Ids{1});
  CHECK(find("resume") == Ids{2});
  CHECK(find("printer") == Ids{3});
  CHECK(find("nothing-like-this") == Ids{});
}

TEST_CASE("list: sorts and says how many rows a limit left out") {
  Sandbox s;
  s.log("low", {"--priority", "P5"});
  s.log("high", {"--priority", "P1"});
  s.log("mid", {"--priority", "P3"});
  CHECK(ids(s.ok({"list", "--sort", "priority", "--format", "json"})) == Ids{2, 3, 1});
  CHECK(ids(s.ok({"list", "--sort", "-priority", "--format", "json"})) == Ids{1, 3, 2});
  CHECK(ids(s.ok({"list", "--sort", "-id", "--format", "json"})) == Ids{3, 2, 1});
  Result r = s.ok({"list", "--limit", "2", "--format", "json"});
  CHECK(ids(r) == Ids{1, 2});
  CHECK(r.err == "desk: showing 2 of 3 tickets; 1 more not shown (--limit 0 shows all)\n");
  Result all = s.ok({"list", "--limit", "3", "--format", "json"});
  CHECK(all.err == "");
}

TEST_CASE(
    "list: sorts titles and customers case-blind, byte by byte beyond ASCII, on every store") {
  Sandbox s;
  for (const char* title : {"Zebra", "écran", "apple", "Écran", "~tilde", "Apple"}) s.log(title);
  // A-Z folds to a-z; then bytes: ~ after z, and É (C3 89) before é (C3 A9).
  CHECK(ids(s.ok({"list", "--sort", "title", "--format", "json"})) == Ids{3, 6, 1, 5, 4, 2});
  CHECK(ids(s.ok({"list", "--sort", "-title", "--format", "json"})) == Ids{2, 4, 5, 1, 3, 6});

  s.ok({"customer", "add", "Émile Zola", "--email", "emile@example.org"});
  s.ok({"customer", "add", "zoe", "--email", "Zoe@Example.org"});
  s.ok({"customer", "add", "Adam"});
  s.log("from Émile", {"--customer", "EMILE@example.org"});
  s.log("from Zoe", {"--customer", "zoe@example.ORG"});
  s.log("from Adam", {"--customer", "adam"});
  CHECK(ids(s.ok({"list", "--sort", "customer", "--customer", "Émile Zola,ZOE,ADAM", "--format",
                  "json"})) == Ids{9, 8, 7});
  CHECK(ids(s.ok({"list", "--customer", "zoe@EXAMPLE.org", "--format", "json"})) == Ids{8});
}

TEST_CASE("list: every format") {
  Sandbox s;
  s.log("Printer, \"jammed\"", {"--priority", "P1", "--tag", "a,b"});
  SUBCASE("table") {
    Result r = s.ok({"list"});
    CHECK(r.out ==
          "ID  STATUS  PRIORITY  TYPE      ASSIGNEE  TEAM  TIER  CREATED           TITLE\n"
          " 1  new     P1        incident                        2026-11-24 10:30  Printer, "
          "\"jammed\"\n");
  }
  SUBCASE("jsonl") {
    auto rows = s.ok({"list", "--format", "jsonl"}).jsonl();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["tags"] == Json::array({"a", "b"}));
  }
  SUBCASE("csv quotes what needs quoting") {
    Result r = s.ok({"list", "--format", "csv", "--columns", "id,title,tags"});
    CHECK(r.out == "id,title,tags\n1,\"Printer, \"\"jammed\"\"\",\"a,b\"\n");
  }
  SUBCASE("tsv") {
    Result r = s.ok({"list", "--format", "tsv", "--columns", "id,priority,created_at"});
    CHECK(r.out == "id\tpriority\tcreated_at\n1\tP1\t2026-11-24T10:30:00+00:00\n");
  }
  SUBCASE("-q prints bare ids") {
    CHECK(s.ok({"list", "-q"}).out == "1\n");
  }
}

TEST_CASE("list: table columns stay aligned for wide characters") {
  Sandbox s;
  s.log("打印机坏了", {"--customer", "王伟"});
  s.log("Printer", {"--customer", "Zoë"});
  Result r = s.ok({"list", "--columns", "id,customer,priority"});
  CHECK(r.out ==
        "ID  CUSTOMER  PRIORITY\n"
        " 1  王伟      P3\n"
        " 2  Zoë       P3\n");
}

TEST_CASE("list: bad filters are refused") {
  Sandbox s;
  Result r = s.run({"list", "--priority", "P7"});
  CHECK(r.status == 65);
  CHECK(r.err_line() == "desk: unknown priority 'P7'");
  Result f = s.run({"list", "prioritty:P1"});
  CHECK(f.status == 2);
  CHECK(f.err_line() == "desk: cannot filter on 'prioritty'");
  CHECK(f.err.find("did you mean 'priority:'?") != std::string::npos);
  CHECK(s.run({"list", "--sort", "bogus"}).status == 2);
  CHECK(s.run({"list", "--columns", "id,bogus"}).status == 2);
  CHECK(s.run({"list", "--format", "yaml"}).status == 2);
  CHECK(s.run({"list", "--since", "whenever"}).status == 65);
}
