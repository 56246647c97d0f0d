// bench/'s store generator (desk-make-store) makes a store that desk reads
// as its own: run for a small store on every test run, so that a change to
// lib/ that breaks the generator, or makes it write what desk refuses, fails
// here rather than when someone next needs a benchmark store.
#ifdef DESK_MAKE_STORE

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "harness.hpp"

using namespace e2e;

namespace {

// desk-make-store N DIR with the sandbox's clock, into the sandbox.
Result make_store(const Sandbox& s, const std::string& dir, const std::string& tickets,
                  const std::vector<std::string>& more = {}) {
  std::vector<std::string> argv = {DESK_MAKE_STORE, tickets, dir, "--now", kNow, "-q"};
  argv.insert(argv.end(), more.begin(), more.end());
  return run_program(argv, "", s.dir(), {});
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("bench: desk-make-store writes a store desk reads as its own") {
  Sandbox s(false);
  Result made = make_store(s, s.dir().string(), "200", {"--unallocated", "10", "--verify", "200"});
  INFO("stderr: " << made.err);
  REQUIRE(made.status == 0);
  CHECK(made.err == "");

  Json doctor = s.ok({"doctor", "--full", "--format", "json"}).json();
  CHECK(doctor["problems"] == 0);
  CHECK(doctor["tickets"] == 200);
  Json audit = s.ok({"audit", "verify", "--format", "json"}).json();
  CHECK(audit["ok"] == true);
  CHECK(audit["events"].get<long long>() > 200 * 4);
  CHECK(lines(s.ok({"list", "--all", "-q"}).out) == 200);

  // The ten most recent calls are left for `desk allocate --auto`, and the
  // capacities in desk.toml leave room for them.
  CHECK(s.ok({"list", "--assignee", "none", "-q"}).out ==
        "191\n192\n193\n194\n195\n196\n197\n198\n199\n200\n");
  Result allocated = s.ok({"allocate", "--auto"});
  CHECK(allocated.err == "Allocated 10 tickets\n");
  CHECK(s.ok({"list", "--assignee", "none", "-q"}).out == "");

  // Ratings and resolved complaints are there for the reports to read.
  Json csat = s.ok({"report", "csat", "--period", "last-90-days", "--format", "json"}).json();
  CHECK(csat["summary"][0]["ratings"].get<long long>() > 0);
  int complaints = 0;
  for (const auto& t : s.ok({"list", "--all", "--format", "jsonl"}).jsonl())
    if (t["type"] == "complaint" && (t["status"] == "resolved" || t["status"] == "closed")) {
      CHECK(t.value("outcome", "") != "");
      ++complaints;
    }
  CHECK(complaints > 0);
}

TEST_CASE("bench: desk-make-store gives the same store for the same seed") {
  Sandbox s(false);
  REQUIRE(make_store(s, "a", "60", {"--seed", "7"}).status == 0);
  REQUIRE(make_store(s, "b", "60", {"--seed", "7"}).status == 0);
  REQUIRE(make_store(s, "c", "60", {"--seed", "8"}).status == 0);
  auto exported = [&](const std::string& dir) {
    return s.run_with({"export"}, "", {{"DESK_CONFIG", (s.dir() / dir / "desk.toml").string()}});
  };
  Result a = exported("a"), b = exported("b"), c = exported("c");
  REQUIRE(a.status == 0);
  CHECK(lines(a.out) == 60);
  CHECK(a.out == b.out);
  CHECK(a.out != c.out);
}

TEST_CASE("bench: desk-make-store refuses to overwrite a store") {
  Sandbox s;  // desk init: a desk.toml and desk.db are there
  std::string before = s.dump_store();
  Result r = make_store(s, s.dir().string(), "10");
  CHECK(r.status == 2);
  CHECK(r.err.rfind("desk-make-store: '" + s.dir().string() +
                        "' already has a desk.db or desk.toml (add --force to replace them)\n",
                    0) == 0);
  CHECK(s.dump_store() == before);
}

#endif  // DESK_MAKE_STORE
