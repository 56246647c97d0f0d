// The compact form of timeline marks in ticket_timeline (schema 0005).
#include <doctest/doctest.h>

#include "desk/store/timeline_codec.hpp"

using namespace desk;
using tickets::Mark;

namespace {
Mark mark(const char* kind, std::int64_t at, std::optional<std::string> status,
          std::optional<std::string> team, std::optional<std::string> assignee,
          std::string rule = {}) {
  Mark m;
  m.kind = kind;
  m.at = from_unix(at);
  m.status = std::move(status);
  m.team = std::move(team);
  m.assignee = std::move(assignee);
  m.rule = std::move(rule);
  return m;
}

void same(const Mark& a, const Mark& b) {
  CHECK(a.kind == b.kind);
  CHECK(a.at == b.at);
  CHECK(a.status == b.status);
  CHECK(a.team == b.team);
  CHECK(a.assignee == b.assignee);
  CHECK(a.rule == b.rule);
}
}  // namespace

TEST_SUITE("store/timeline_codec") {
  TEST_CASE("the view's record form, read back") {
    Mark allocated = mark("allocated", 1795000000, "assigned", "service-desk", "alice");
    CHECK(store::encode_mark(12, allocated) ==
          "12\x1f"
          "allocated\x1f"
          "1795000000\x1f=assigned\x1f=service-desk\x1f=alice\x1f\x1e");
    // Unchanged values are empty; a value set to none is '=' alone.
    Mark escalated = mark("escalated", 1795003600, "new", "second-line", "", "75% used");
    Mark reply = mark("reply", 1795007200, std::nullopt, std::nullopt, std::nullopt);
    std::string text = store::encode_mark(12, allocated) + store::encode_mark(15, escalated) +
                       store::encode_mark(20, reply);
    std::vector<Mark> out;
    store::decode_marks(text, out);
    REQUIRE(out.size() == 3);
    same(out[0], allocated);
    same(out[1], escalated);
    CHECK(out[1].assignee == std::string());
    same(out[2], reply);
    CHECK_FALSE(out[2].team);
  }

  TEST_CASE("separators and percent signs in values are escaped") {
    Mark odd = mark("allocated", 1, std::nullopt,
                    "a\x1f"
                    "b%c\x1e"
                    "d",
                    "100%");
    std::string text = store::encode_mark(1, odd);
    CHECK(text.find("a%1Fb%25c%1Ed") != std::string::npos);
    std::vector<Mark> out;
    store::decode_marks(text, out);
    REQUIRE(out.size() == 1);
    same(out[0], odd);
  }

  TEST_CASE("records out of order are put in event order, broken ones skipped") {
    Mark a = mark("logged", 100, "new", std::nullopt, std::nullopt);
    Mark b = mark("status", 200, "in-progress", std::nullopt, std::nullopt);
    Mark c = mark("resolved", 300, "resolved", std::nullopt, std::nullopt);
    std::string text = store::encode_mark(9, c) + "garbage\x1e" + store::encode_mark(3, a) +
                       "4\x1f\x1f"
                       "5\x1f\x1f\x1f\x1f\x1e" +
                       store::encode_mark(5, b);
    std::vector<Mark> out = {mark("old", 1, "x", "y", "z", "r"), mark("old", 2, "x", "y", "z"),
                             mark("old", 3, "x", "y", "z"), mark("old", 4, "x", "y", "z")};
    store::decode_marks(text, out);  // replaces what was there
    REQUIRE(out.size() == 3);
    same(out[0], a);
    same(out[1], b);
    same(out[2], c);
    store::decode_marks("", out);
    CHECK(out.empty());
  }
}
