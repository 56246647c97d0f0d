// desk.toml's [roles] and [retention], and customer tiers in [[sla_rule]].
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

TEST_CASE("config: roles and retention are checked and shown") {
  Sandbox s;
  s.configure(s.read("desk.toml") + "\n[roles]\nadmin = [\"root\"]\nlead = [\"lee\"]\n");
  Result show = s.ok({"config", "show"});
  CHECK(show.out.find("[roles]\nadmin = [ 'root' ]\ndefault = 'technician'\nlead = [ 'lee' ]") !=
        std::string::npos);
  CHECK(show.out.find("[retention]\nclosed_tickets = 'never'\npersonal_data = 'never'") !=
        std::string::npos);
  s.configure("[roles]\nadmin = [\"root\"]\nlead = [\"root\"]\n");
  Result twice = s.run({"config", "check"});
  CHECK(twice.status == 78);
  CHECK(twice.err_line().find("'root' is given two roles, admin and lead") != std::string::npos);
  s.configure("[roles]\nboss = [\"x\"]\n");
  Result unknown = s.run({"config", "check"});
  CHECK(unknown.status == 78);
  CHECK(unknown.err_line().find("unknown key 'boss' in [roles]") != std::string::npos);
  s.configure("[retention]\nclosed_tickets = \"soon\"\n");
  CHECK(s.run({"config", "check"}).status == 78);
  s.configure("[retention]\nclosed_tickets = \"7y\"\npersonal_data = \"400d\"\n");
  CHECK(s.ok({"config", "show"}).out.find("closed_tickets = '7y'\npersonal_data = '400d'") !=
        std::string::npos);
}

TEST_CASE("config: a customer's tier selects an SLA policy, a service's policy comes next") {
  Sandbox s;
  std::string toml = s.read("desk.toml");
  auto at = toml.find("# [[sla_rule]]\n# match = { customer_tier = \"vip\" }\n# sla = \"vip\"");
  REQUIRE(at != std::string::npos);
  toml.replace(at,
               std::string("# [[sla_rule]]\n# match = { customer_tier = \"vip\" }\n# sla = "
                           "\"vip\"")
                   .size(),
               "[[sla_rule]]\nmatch = { customer_tier = \"vip\" }\nsla = \"vip\"");
  toml +=
      "\n[sla.vip]\ncalendar = \"24x7\"\nresponse = { P3 = \"10m\" }\nresolve = { P3 = \"1h\" }\n";
  s.configure(toml);
  s.ok({"customer", "add", "Vera", "--email", "vera@example.org", "--tier", "vip"});
  s.ok({"catalog", "add", "email", "--sla", "complaints"});
  s.log("vip call", {"-c", "vera@example.org", "--service", "email"});
  s.log("plain call", {"--service", "email"});
  s.log("no service");
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["policy"] == "vip");
  CHECK(s.ok({"sla", "2", "--format", "json"}).json()["policy"] == "complaints");
  CHECK(s.ok({"sla", "3", "--format", "json"}).json()["policy"] == "standard");
}

TEST_CASE("config: a file with its own sla.* and no complaints policy still loads") {
  Sandbox s;
  s.configure(
      "[desk]\ndefault_sla = \"gold\"\n\n[sla.gold]\ncalendar = \"24x7\"\n"
      "response = { P3 = \"1h\" }\n");
  CHECK(s.ok({"config", "check"}).status == 0);
  s.log("complaint", {"--type", "complaint"});
  CHECK(s.ok({"sla", "1", "--format", "json"}).json()["policy"] == "gold");
}
