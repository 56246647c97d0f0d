#include <sstream>

#include <doctest/doctest.h>

#include "desk/bulk/csv.hpp"
#include "desk/core/error.hpp"

using desk::bulk::CsvReader;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text,
                                               std::vector<std::size_t>* lines = nullptr) {
  std::istringstream in(text);
  CsvReader r(in);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (r.next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(r.line());
  }
  return out;
}

using Records = std::vector<std::vector<std::string>>;

}  // namespace

TEST_SUITE("bulk_csv") {
  TEST_CASE("plain records, LF and CRLF, with and without a final line break") {
    CHECK(read_all("a,b\n1,2\n") == Records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,b\r\n1,2") == Records{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("") == Records{});
    CHECK(read_all("a,,\n") == Records{{"a", "", ""}});
    CHECK(read_all("\n") == Records{{""}});
  }

  TEST_CASE("quoted fields hold commas, doubled quotes and line breaks") {
    std::vector<std::size_t> lines;
    auto r = read_all("x,y\n\"a,b\",\"say \"\"hi\"\"\"\n\"one\ntwo\",3\nlast,4\n", &lines);
    CHECK(r == Records{{"x", "y"}, {"a,b", "say \"hi\""}, {"one\ntwo", "3"}, {"last", "4"}});
    CHECK(lines == std::vector<std::size_t>{1, 2, 3, 5});
    CHECK(read_all("\"\",\"\"\"\"\n") == Records{{"", "\""}});
    CHECK(read_all("\"a\r\nb\"\r\n") == Records{{"a\r\nb"}});
  }

  TEST_CASE("a byte-order mark is skipped, a quote inside a bare field is kept") {
    CHECK(read_all("\xEF\xBB\xBFtitle\nx\n") == Records{{"title"}, {"x"}});
    CHECK(read_all("\xEF\xBB") == Records{{"\xEF\xBB"}});
    CHECK(read_all("5\" disk,x\n") == Records{{"5\" disk", "x"}});
  }

  TEST_CASE("an unterminated quote or text after a closing quote is bad data with its line") {
    CHECK_THROWS_WITH_AS(read_all("a\n\"open\nstill open"), "line 2: a quoted field is not closed",
                         desk::DataError);
    CHECK_THROWS_WITH_AS(read_all("a\n\"x\"y,z\n"), "line 2: text after a closing quote",
                         desk::DataError);
  }
}
