// TOML with a bound on nesting: dotted keys and table headers nest tables
// as deep as the text says, and toml++ recursed until the stack ran out.
#include <string>

#include <doctest/doctest.h>

#include "desk/util/toml.hpp"

using namespace desk::util;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// "line:column: description" of the parse error `text` raises ("" when none).
std::string error_of(const std::string& text) {
  try {
    parse_toml(text, "t.toml");
  } catch (const toml::parse_error& e) {
    return std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) +
           ": " + e.description().data() + " in " + *e.source().path;
  }
  return "";
}

}  // namespace

TEST_SUITE("util/toml") {
  TEST_CASE("issue 14: dotted keys and headers nested too deep are a parse error, not a crash") {
    CHECK(error_of("x = 1\n" + repeat("a.", 50000) + "a = 1\n") ==
          "2:130: keys and values nested more than 64 deep in t.toml");
    CHECK(error_of("[" + repeat("a.", 100000) + "a]\n") ==
          "1:129: keys and values nested more than 64 deep in t.toml");
    // A header's depth and its keys' depth add up.
    CHECK(error_of("[" + repeat("a.", 40) + "a]\n" + repeat("b.", 40) + "b = 1\n") ==
          "2:48: keys and values nested more than 64 deep in t.toml");
    // Inline tables and arrays count too, before toml++'s own limit of 256.
    CHECK(error_of("x = " + repeat("{a = ", 100) + "1" + repeat("}", 100) + "\n") ==
          "1:325: keys and values nested more than 64 deep in t.toml");
    CHECK(error_of("x = " + repeat("[", 100000) + "\n") ==
          "1:69: keys and values nested more than 64 deep in t.toml");
  }

  TEST_CASE("what only looks deep is not") {
    // Dots in strings, in numbers and in values spread over many lines.
    CHECK(error_of("\"" + repeat("a.", 200) + "\" = 1\n") == "");
    CHECK(error_of("x = '" + repeat("a.", 200) + "'\n") == "");
    CHECK(error_of("x = \"\"\"\n" + repeat("a.\\\"", 200) + "\n" + repeat("[{", 100) +
                   "\"\"\"\n") == "");
    CHECK(error_of("x = '''\n" + repeat("[.", 200) + "\n'''\n") == "");
    CHECK(error_of("x = [" + repeat("1.5, ", 200) + "2.5]\n") == "");
    CHECK(error_of("# " + repeat("[a.", 200) + "\nx = 1\n") == "");
    // Sixty-odd levels are allowed; a real file nests three or four.
    CHECK(error_of("[" + repeat("a.", 31) + "a]\n" + repeat("b.", 31) + "b = 1\n") == "");
    toml::table t = parse_toml("[teams.desk]\nmembers = [\"a\", \"b\"]\nx.y.z = 1.5\n", "t.toml");
    CHECK(t["teams"]["desk"]["x"]["y"]["z"].value<double>() == 1.5);
  }

  TEST_CASE("toml++'s own errors are unchanged") {
    CHECK(error_of("x = \n") != "");
    CHECK(error_of("x = [1, 2\n").find(" in t.toml") != std::string::npos);
  }
}
