#include <doctest/doctest.h>

#include "desk/report/similarity.hpp"

using namespace desk;
using report::Titled;
using Words = std::vector<std::string>;

TEST_SUITE("report/similarity") {
  TEST_CASE(
      "title words: folded, cut at punctuation, without stop-words, digits or letters alone") {
    CHECK(report::title_words("Printer JAMS on floor 3") == Words{"floor", "jams", "printer"});
    CHECK(report::title_words("printer jams, again!") == Words{"jams", "printer"});
    CHECK(report::title_words("Réinitialiser le MOT de passe") ==
          Words{"de", "le", "mot", "passe", "reinitialiser"});
    CHECK(report::title_words("Wi-Fi slow in café") == Words{"cafe", "fi", "slow", "wi"});
    CHECK(report::title_words("Принтер НЕ печатает") == Words{"не", "печатает", "принтер"});
    CHECK(report::title_words("Error 0x80070005 in room 4B") ==
          Words{"0x80070005", "4b", "error", "room"});
    CHECK(report::title_words("VPN — not working (urgent) x") == Words{"vpn"});
    CHECK(report::title_words("the the THE") == Words{});
    CHECK(report::title_words("") == Words{});
  }

  TEST_CASE("jaccard is shared words over all words") {
    CHECK(report::jaccard({"a1", "b2"}, {"a1", "b2"}) == 1.0);
    CHECK(report::jaccard({"drops", "every", "hour", "vpn"}, {"drops", "vpn"}) == 0.5);
    CHECK(report::jaccard({"drops", "every", "hour", "vpn"}, {"drops", "home", "vpn"}) ==
          doctest::Approx(0.4));
    CHECK(report::jaccard({"x1"}, {"y1"}) == 0.0);
    CHECK(report::jaccard({}, {}) == 0.0);
  }

  TEST_CASE("similar titles of one group chain into a group, others stay apart") {
    std::vector<Titled> items = {
        {"network", "VPN drops every hour"},  // 0: 0.5 with 1, 0.4 with 2
        {"network", "VPN drops"},             // 1: 0.67 with 2
        {"network", "Vpn drops at home"},     // 2
        {"hardware", "VPN drops"},            // 3: same words, another category
        {"network", "Printer jams"},          // 4
        {"network", "Printer jams"},          // 5: the same title, only two of them
        {"network", "???"},                   // 6: no words: similar to nothing
        {"network", "???"},                   // 7
        {"network", "???"},                   // 8
    };
    auto groups = report::similar_groups(items, 0.5, 3);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0] == std::vector<std::size_t>{0, 1, 2});
    auto pairs = report::similar_groups(items, 0.5, 2);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[1] == std::vector<std::size_t>{4, 5});
    // Just under the threshold, 0 and 1 no longer link, but 1 and 2 do.
    auto strict = report::similar_groups(items, 0.6, 2);
    REQUIRE(strict.size() == 2);
    CHECK(strict[0] == std::vector<std::size_t>{1, 2});
  }

  TEST_CASE("weights count the tickets an item stands for") {
    std::vector<Titled> items = {{"hardware", "Printer jams", 2},
                                 {"hardware", "Printer jams again", 1},
                                 {"software", "Outlook crashes", 2}};
    auto groups = report::similar_groups(items, 0.5, 3);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0] == std::vector<std::size_t>{0, 1});
  }

  TEST_CASE("many distinct titles: only those sharing a rare word are compared, none is missed") {
    // 300 titles "ticket about thing N" where N is a word, and pairs of
    // near-duplicates; every pair must be found however common the other words.
    std::vector<Titled> items;
    for (int i = 0; i < 300; ++i) {
      std::string w = "w" + std::to_string(i) + "x";
      items.push_back({"software", "crash in module " + w});
      items.push_back({"software", "module " + w + " crash again"});
    }
    auto groups = report::similar_groups(items, 0.5, 2);
    // "crash module wNx" shares 3 of 3 words with its twin, and 2 of 4 with
    // any other ("crash", "module"): 0.5, so with the common words at the
    // threshold everything chains into one group.
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].size() == 600);
    auto stricter = report::similar_groups(items, 0.6, 2);
    CHECK(stricter.size() == 300);
  }
}
