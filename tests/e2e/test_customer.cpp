// desk customer: add, edit, show, list, merge, export, and forget (GDPR
// erasure: no trace left in the file, figures unchanged, chain intact).
#include <filesystem>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// The bytes of the store and of its write-ahead log.
std::string file_bytes(const Sandbox& s) {
  std::string all;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::string name = "desk.db" + std::string(suffix);
    if (std::filesystem::exists(s.path(name))) all += s.read(name);
  }
  return all;
}

bool contains_any_case(const std::string& hay, std::string needle) {
  std::string h = hay;
  for (auto& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("customer: add, show, edit and list") {
  Sandbox s;
  Result a = s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org", "--org", "Acme",
                   "--phone", "020 7946 0958", "--tier", "vip"});
  CHECK(a.out == "Added customer 1: Jane Doe <jane@example.org>\n");
  Json j = s.ok({"customer", "show", "jane@example.org", "--format", "json"}).json();
  CHECK(j["name"] == "Jane Doe");
  CHECK(j["organisation"] == "Acme");
  CHECK(j["tier"] == "vip");
  CHECK(j["tickets"].empty());
  CHECK(s.ok({"customer", "edit", "1", "--tier", "gold"}).out == "Changed customer 1\n");
  CHECK(s.ok({"customer", "edit", "1", "--tier", "gold"}).out == "Customer unchanged\n");
  s.ok({"customer", "add", "Bob Roe"});
  CHECK(s.ok({"customer", "list", "-q"}).out == "1\n2\n");
  CHECK(s.ok({"customer", "list", "acme", "-q"}).out == "1\n");
  auto rows = s.ok({"customer", "list", "--format", "jsonl"}).jsonl();
  CHECK(rows[0]["tier"] == "gold");
  CHECK(rows[1]["email"].is_null());
}

TEST_CASE("customer: issue 14: show prints no escape sequence a record holds") {
  Sandbox s;
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org", "--org", "Acme\x1b[2J",
        "--notes", "Calls often \x1b]0;owned\x07\nprefers mail", "--phone", "\x1b[31m020"});
  s.log("Printer", {"--customer", "jane@example.org"});
  Result r = s.ok({"customer", "show", "1"});
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("  organisation  Acme [2J\n") != std::string::npos);
  CHECK(r.out.find("  notes         Calls often  ]0;owned  prefers mail\n") != std::string::npos);
  CHECK(r.out.find("  phone          [31m020\n") != std::string::npos);
  CHECK(s.ok({"customer", "show", "1", "--format", "json"}).json()["organisation"] ==
        "Acme\x1b[2J");
}

TEST_CASE("customer: refusals leave the store untouched") {
  Sandbox s;
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org"});
  std::string before = s.dump_store();
  Result dup = s.run({"customer", "add", "J. Doe", "--email", "JANE@example.org"});
  CHECK(dup.status == 65);
  CHECK(dup.err_line() == "desk: customer 1 has the email 'jane@example.org' already");
  Result bad = s.run({"customer", "add", "X", "--email", "not-an-address"});
  CHECK(bad.status == 65);
  Result none = s.run({"customer", "show", "nobody@example.org"});
  CHECK(none.status == 1);
  CHECK(none.err_line() == "desk: no customer 'nobody@example.org'");
  CHECK(s.run({"customer", "edit", "1"}).status == 2);
  CHECK(s.dump_store() == before);
}

TEST_CASE("customer: show lists their tickets and satisfaction, log --customer finds or adds") {
  Sandbox s;
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org"});
  s.log("printer", {"--customer", "jane@example.org"});
  s.log("vpn", {"--customer", "1"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"rate", "1", "--score", "4"});
  Json j = s.ok({"customer", "show", "1", "--format", "json"}).json();
  REQUIRE(j["tickets"].size() == 2);
  CHECK(j["tickets"][0]["scores"] == Json::parse("[4]"));
  CHECK(j["average_score"] == 4.0);
  Result text = s.ok({"customer", "show", "1"});
  CHECK(text.out.find("satisfaction  4.0 of 5 over 1 rating(s)") != std::string::npos);
  CHECK(text.out.find("#1     resolved     printer rated 4") != std::string::npos);
  s.log("new person", {"--customer", "new@example.org"});
  CHECK(s.ok({"customer", "show", "new@example.org", "--format", "json"}).json()["id"] == 2);
}

TEST_CASE("customer: merge moves tickets and missing details, then removes the duplicate") {
  Sandbox s;
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org"});
  s.ok({"customer", "add", "J Doe", "--phone", "020 7946 0958"});
  s.log("one", {"--customer", "2"});
  s.log("two", {"--customer", "2"});
  Result r = s.ok({"customer", "merge", "1", "2"});
  CHECK(r.out == "Merged customer 2 into 1: 2 ticket(s) moved\n");
  Json j = s.ok({"customer", "show", "1", "--format", "json"}).json();
  CHECK(j["phone"] == "020 7946 0958");
  CHECK(j["tickets"].size() == 2);
  CHECK(s.run({"customer", "show", "2"}).status == 1);
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["customer_id"] == 1);
  CHECK(t["events"].back()["changes"]["customer_id"]["from"] == 2);
  CHECK(s.ok({"audit", "verify"}).status == 0);
}

TEST_CASE("customer: export is everything stored about the person") {
  Sandbox s;
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org", "--notes", "prefers email"});
  s.log("printer", {"--customer", "1", "-m", "it beeps"});
  s.ok({"note", "1", "-m", "called back"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "done"});
  s.ok({"rate", "1", "--score", "5", "-m", "great"});
  Json j = s.ok({"customer", "export", "jane@example.org"}).json();
  CHECK(j["customer"]["notes"] == "prefers email");
  CHECK(j["events"][0]["kind"] == "customer-added");
  REQUIRE(j["tickets"].size() == 1);
  CHECK(j["tickets"][0]["description"] == "it beeps");
  CHECK(j["tickets"][0]["events"].size() == 4);
  CHECK(j["tickets"][0]["ratings"][0]["comment"] == "great");
  s.ok({"customer", "export", "1", "-o", "sar.json"});
  CHECK(Json::parse(s.read("sar.json")) == j);
}

TEST_CASE("customer: forget leaves no trace of the person in the file, and the figures alone") {
  Sandbox s;
  s.now = "2026-11-27T17:00:00Z";
  s.ok({"customer", "add", "Jane Doe", "--email", "jane.doe@example.org", "--phone",
        "+44 20 7946 0958", "--notes", "Jane Doe is a VIP", "--tier", "vip"});
  s.log("Printer for Jane Doe",
        {"--customer", "jane.doe@example.org", "--priority", "P2", "--at", "2026-11-23 09:00", "-m",
         "Jane says it beeps; ring 020 7946 0958"});
  s.ok({"note", "1", "--reply", "-m", "Hello Jane Doe, on it", "--at", "2026-11-23 09:30"});
  s.ok({"resolve", "1", "--code", "fixed", "-m", "Cleared for Jane Doe", "--at",
        "2026-11-23 12:00"});
  s.ok({"rate", "1", "--score", "2", "-m", "slow, says Jane Doe"});
  s.log("Unrelated", {"--customer", "bob@example.org", "--priority", "P3", "--at",
                      "2026-11-24 09:00", "-m", "Bob mentions jane.doe@example.org"});
  s.ok({"note", "2", "-m", "Jane Doe called about this too"});
  std::string sla_before = s.ok({"report", "sla", "--since", "2026-11-23", "--until", "2026-11-28",
                                 "--by", "priority", "--format", "json"})
                               .out;
  std::string csat_before =
      s.ok({"report", "csat", "--since", "2026-11-01", "--until", "2026-11-28", "--format", "json"})
          .out;
  for (const char* pii : {"Jane Doe", "jane.doe@example.org", "7946 0958"})
    REQUIRE(contains_any_case(file_bytes(s), pii));

  Result r = s.ok({"customer", "forget", "jane.doe@example.org"});
  CHECK(r.out.rfind("Erased customer 1: 1 ticket(s) kept without their personal data", 0) == 0);

  std::string bytes = file_bytes(s);
  for (const char* pii :
       {"Jane Doe", "jane.doe@example.org", "7946 0958", "79460958", "Jane says", "it beeps"}) {
    CAPTURE(pii);
    CHECK_FALSE(contains_any_case(bytes, pii));
  }
  CHECK(s.ok({"report", "sla", "--since", "2026-11-23", "--until", "2026-11-28", "--by", "priority",
              "--format", "json"})
            .out == sla_before);
  Json csat =
      s.ok({"report", "csat", "--since", "2026-11-01", "--until", "2026-11-28", "--format", "json"})
          .json();
  Json csat_was = Json::parse(csat_before);
  CHECK(csat["summary"] == csat_was["summary"]);
  CHECK(csat["distribution"] == csat_was["distribution"]);
  CHECK(csat["summary"][0]["average"] == 2.0);
  CHECK(csat["low_scores"][0]["comment"] == "(erased)");
  CHECK(s.ok({"audit", "verify"}).out.rfind("ok: ", 0) == 0);

  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["title"] == "Printer for (erased)");
  CHECK(t["description"] == "(erased)");
  CHECK(t["resolution"] == "Cleared for (erased)");
  CHECK(t["events"][1]["text"] == "(erased)");
  CHECK(t["ratings"][0]["score"] == 2);
  CHECK(t["ratings"][0]["comment"] == "(erased)");
  CHECK(t["created_at"] == "2026-11-23T09:00:00+00:00");
  Json other = s.ok({"show", "2", "--format", "json"}).json();
  CHECK(other["description"] == "Bob mentions (erased)");
  CHECK(other["events"][1]["text"] == "(erased) called about this too");
  Json c = s.ok({"customer", "show", "1", "--format", "json"}).json();
  CHECK(c["name"] == "(erased)");
  CHECK(c["email"].is_null());
  CHECK(c["phone"].is_null());
  CHECK(c["tier"] == "vip");
  CHECK(c["erased_at"] == "2026-11-27T17:00:00+00:00");
  auto lines = s.ok({"audit", "export"}).jsonl();
  CHECK(lines.back()["kind"] == "erased");
  CHECK(lines.back()["subject"] == "customer:1");

  std::string before = s.dump_store();
  Result again = s.run({"customer", "forget", "1"});
  CHECK(again.status == 1);
  CHECK(again.err_line() == "desk: customer 1 was erased already");
  CHECK(s.dump_store() == before);
}

TEST_CASE("customer: forget and merge need their roles (exit 77), and nothing changes") {
  Sandbox s;
  s.configure(s.read("desk.toml") + "\n[roles]\nadmin = [\"root\"]\nlead = [\"lee\"]\n");
  s.ok({"customer", "add", "Jane Doe", "--email", "jane@example.org"});
  s.ok({"customer", "add", "J Doe"});
  std::string before = s.dump_store();
  Result r = s.run({"--as", "tester", "customer", "forget", "1"});
  CHECK(r.status == 77);
  CHECK(r.err_line() ==
        "desk: 'tester' may not erase a customer's personal data: that needs the admin role, and "
        "'tester' is a technician");
  CHECK(s.run({"--as", "lee", "customer", "forget", "1"}).status == 77);
  CHECK(s.run({"--as", "tester", "customer", "merge", "1", "2"}).status == 77);
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"--as", "lee", "customer", "merge", "1", "2"}).status == 0);
  CHECK(s.ok({"--as", "root", "customer", "forget", "1"}).status == 0);
}

TEST_CASE("customer: log --customer takes 'Name <email>' as mail clients write it") {
  Sandbox s;
  CHECK(s.ok({"log", "Mail bounces", "-m", "", "-c", "Jane Doe <jane@example.org>"}).out ==
        "Logged ticket 1: Mail bounces [P3 incident] (new customer 'Jane Doe "
        "<jane@example.org>')\n");
  Json jane = s.ok({"customer", "show", "jane@example.org", "--format", "json"}).json();
  CHECK(jane["name"] == "Jane Doe");
  CHECK(jane["email"] == "jane@example.org");
  // The same person again, either way: no second customer.
  s.ok({"log", "Again", "-m", "", "-c", "jane@example.org"});
  s.ok({"log", "And again", "-m", "", "-c", "J. Doe <JANE@example.org>"});
  CHECK(s.ok({"customer", "list", "--format", "jsonl"}).jsonl().size() == 1);
  CHECK(s.ok({"list", "--customer", "jane@example.org", "-q"}).out == "1\n2\n3\n");
}

TEST_CASE("customer export --format text: the record and each ticket as people read them") {
  Sandbox s;
  s.ok({"customer", "add", "jane", "--email", "jane@example.org", "--org", "Acme"});
  s.log("Printer on fire", {"-c", "jane", "-m", "Smoke from tray 2"});
  s.ok({"note", "1", "--reply", "-m", "On our way"});
  Result text = s.ok({"customer", "export", "jane", "--format", "text"});
  CHECK(text.out.rfind("Customer 1: ", 0) == 0);
  CHECK(text.out.find("  organisation  Acme\n") != std::string::npos);
  CHECK(text.out.find("\nTicket 1: Printer on fire\n") != std::string::npos);
  CHECK(text.out.find("  Smoke from tray 2\n") != std::string::npos);
  CHECK(text.out.find("      On our way\n") != std::string::npos);
  // The default stays JSON, and the other subcommands keep their defaults.
  CHECK(s.ok({"customer", "export", "jane"}).json()["customer"]["email"] == "jane@example.org");
  CHECK(s.ok({"customer", "show", "jane"}).out.rfind("Customer 1: ", 0) == 0);
  s.ok({"customer", "export", "jane", "--format", "text", "-o", "jane.txt"});
  CHECK(s.read("jane.txt") == text.out);
  CHECK(s.run({"customer", "export", "jane", "--format", "csv"}).status == 2);
}
