// Every status against every step: the transitions the lifecycle allows
// succeed, the others are refused with exit 1, the allowed next steps named,
// and the store unchanged.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "harness.hpp"

using namespace e2e;

namespace {

// Brings ticket `id` to `status` through legal steps.
void bring_to(const Sandbox& s, const std::string& id, const std::string& status) {
  if (status == "new") return;
  if (status == "assigned") return (void)s.ok({"allocate", id, "--to", "alice", "--force"});
  if (status == "in-progress") return (void)s.ok({"start", id});
  if (status == "pending") return (void)s.ok({"pending", id, "--on", "customer"});
  s.ok({"resolve", id, "--code", "fixed", "-m", "fixed"});
  if (status == "closed") s.ok({"close", id});
}

std::vector<std::string> step(const std::string& verb, const std::string& id) {
  if (verb == "allocate") return {"allocate", id, "--to", "bob", "--force"};
  if (verb == "start") return {"start", id};
  if (verb == "pending") return {"pending", id, "--on", "supplier"};
  if (verb == "resume") return {"resume", id};
  if (verb == "escalate") return {"escalate", id, "--to", "second-line", "-m", "needs tier 2"};
  if (verb == "resolve") return {"resolve", id, "--code", "fixed", "-m", "done"};
  if (verb == "close") return {"close", id};
  return {"reopen", id, "-m", "came back"};
}

}  // namespace

TEST_CASE("lifecycle: every status allows exactly its next steps") {
  const std::map<std::string, std::vector<std::string>> allowed = {
      {"new", {"allocate", "start", "pending", "escalate", "resolve"}},
      {"assigned", {"allocate", "start", "pending", "escalate", "resolve"}},
      {"in-progress", {"allocate", "pending", "escalate", "resolve"}},
      {"pending", {"resume", "allocate", "escalate", "resolve"}},
      {"resolved", {"close", "reopen"}},
      {"closed", {}},
  };
  const std::vector<std::string> verbs = {"allocate", "start",   "pending", "resume",
                                          "escalate", "resolve", "close",   "reopen"};
  Sandbox s;
  s.configure(kTeams);
  int next = 0;
  for (const auto& [status, ok_steps] : allowed) {
    for (const auto& verb : verbs) {
      CAPTURE(status);
      CAPTURE(verb);
      // A fresh ticket in `status` for every verb.
      s.ok({"--as", "alice", "log", "-q", "t", "-m", ""});
      std::string id = std::to_string(++next);
      bring_to(s, id, status);
      bool allowed_here = std::find(ok_steps.begin(), ok_steps.end(), verb) != ok_steps.end();
      std::string before = s.dump_store();
      Result r = s.run(step(verb, id));
      if (allowed_here) {
        CHECK(r.status == 0);
        CHECK(r.err == "");
      } else {
        CHECK(r.status == 1);
        CHECK(r.err_line().rfind("desk: ticket " + id + " is " + status + "; it cannot be", 0) ==
              0);
        if (status == "closed")
          CHECK(r.err.find("hint: a closed ticket is final") != std::string::npos);
        else
          CHECK(r.err.find("hint: a " + status + " ticket can go on with: desk ") !=
                std::string::npos);
        CHECK(s.dump_store() == before);
      }
    }
  }
}

TEST_CASE("lifecycle: a call resolved at first contact goes straight to resolved") {
  Sandbox s;
  s.log("password reset");
  s.ok({"resolve", "1", "--code", "fixed", "-m", "reset on the phone"});
  Json t = s.ok({"show", "1", "--format", "json"}).json();
  CHECK(t["status"] == "resolved");
  CHECK(t["events"].size() == 2);
}
