// The catalogue and compliance examples work as their comments say.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace test_examples_catalog {

namespace {

std::string example(const std::string& name) {
  return (source_dir() / "examples" / name).string();
}

}  // namespace

TEST_CASE("examples: catalog.toml imports, and importing it again changes nothing") {
  Sandbox s;
  CHECK(s.ok({"catalog", "import", example("catalog/services.toml")}).out ==
        "Imported the catalogue: 6 added, 0 changed, 0 unchanged\n");
  std::string before = s.dump_store();
  CHECK(s.ok({"catalog", "import", example("catalog/services.toml")}).out ==
        "Imported the catalogue: 0 added, 0 changed, 6 unchanged\n");
  CHECK(s.dump_store() == before);
  CHECK(s.ok({"catalog", "list", "-q"}).out ==
        "account-access\ncomplaints\nemail\nexecutive-support\nnew-laptop\n");
  Result fax = s.run({"log", "fax", "-m", "", "--service", "fax"});
  CHECK(fax.status == 1);
  CHECK(fax.err.find("log it under 'email'") != std::string::npos);
  s.log("mailbox", {"--service", "email", "--type", "service-request"});
  CHECK(s.ok({"show", "1", "--format", "json"}).json()["checklist"].size() == 3);
}

TEST_CASE("examples: desk-compliance.toml is a valid fragment of desk.toml") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  // The fragment brings its own [[sla_rule]] tables: drop the starter's.
  auto at = toml.find("[[sla_rule]]\nmatch = { type = \"complaint\" }\nsla = \"complaints\"\n");
  REQUIRE(at != std::string::npos);
  toml.erase(at, std::string("[[sla_rule]]\nmatch = { type = \"complaint\" }\nsla = "
                             "\"complaints\"\n")
                     .size());
  at = toml.find("[retention]");
  REQUIRE(at != std::string::npos);
  toml.erase(at, toml.find("\n\n", at) - at);
  std::string fragment;
  {
    Result cat = run_program({"cat", example("catalog/desk-compliance.toml")}, "", s.dir(), {});
    fragment = cat.out;
  }
  s.configure(toml + "\n" + fragment);
  CHECK(s.ok({"config", "check"}).status == 0);
  s.ok({"--as", "dave", "catalog", "add", "email"});
  CHECK(s.run({"--as", "bob", "catalog", "add", "vpn"}).status == 77);
  s.ok({"customer", "add", "Vera", "--email", "vera@example.org", "--tier", "vip"});
  s.log("vip", {"-c", "vera@example.org"});
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["policy"] == "vip");
  CHECK(s.ok({"purge", "--dry-run"}).out.find("Would remove 0 ticket(s) closed before") == 0);
}

}  // namespace test_examples_catalog
