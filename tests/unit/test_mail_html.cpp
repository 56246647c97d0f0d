// HTML-only mail rendered as the text a person reads.
#include <string>

#include <doctest/doctest.h>

#include "desk/mail/mime/html.hpp"

using namespace desk::mail;

TEST_SUITE("mail/html") {
  TEST_CASE("paragraphs, line breaks and entities") {
    CHECK(html_to_text("<p>Hello&nbsp;Bob,</p><p>It  is\n fixed.<br>Alice &amp; Carol</p>") ==
          "Hello Bob,\n\nIt is fixed.\nAlice & Carol");
  }

  TEST_CASE("Outlook's empty paragraphs make one blank line, not three") {
    CHECK(html_to_text("<div>Hello,</div><div><br></div><div>Line two</div>") ==
          "Hello,\n\nLine two");
    CHECK(html_to_text("<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>") == "a\n\nb");
  }

  TEST_CASE("lists, links and images") {
    CHECK(html_to_text("<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>") ==
          "- one\n- two\n\n1. first\n2. second");
    CHECK(html_to_text("See <a href=\"https://x.example/a\">the guide</a>.") ==
          "See the guide <https://x.example/a>.");
    // A link whose words are its address is not repeated, nor a mailto.
    CHECK(html_to_text("<a href=\"https://x.example\">https://x.example</a> "
                       "<a href=\"mailto:a@b.example\">a@b.example</a>") ==
          "https://x.example a@b.example");
    CHECK(html_to_text("<img src=\"cid:1\" alt=\"screenshot\"> <img src=\"x\">") == "[screenshot]");
  }

  TEST_CASE("scripts, styles and the head are not text") {
    CHECK(html_to_text("<html><head><title>T</title><style>p{color:red}</style></head>"
                       "<body><script>alert(1)</script><p>Body</p></body></html>") == "Body");
  }

  TEST_CASE("blockquotes become quote marks, at every level") {
    CHECK(html_to_text("<p>Yes.</p><blockquote>Did it work?<blockquote>Try again.</blockquote>"
                       "</blockquote>") == "Yes.\n\n> Did it work?\n>\n> > Try again.");
  }

  TEST_CASE("tables as rows of cells, and pre keeps its spacing") {
    CHECK(
        html_to_text("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>") ==
        "A  B\n1  2");
    CHECK(html_to_text("<pre>  x = 1\n  y = 2</pre>") == "  x = 1\n  y = 2");
  }

  TEST_CASE("nested 100,000 deep: rendered without recursion") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "deep";
    CHECK(html_to_text(deep) == "deep");
  }

  TEST_CASE("not HTML at all") {
    CHECK(html_to_text("") == "");
    CHECK(html_to_text("just text < and > signs") == "just text < and > signs");
  }
}
