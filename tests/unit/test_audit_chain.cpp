// The audit chain: hashing, linking, sealing for erasure, tombstones for
// purges, and a verifier that names the first broken event.
#include <random>
#include <vector>

#include <doctest/doctest.h>

#include "desk/audit/chain.hpp"
#include "desk/audit/erasure.hpp"
#include "desk/core/error.hpp"
#include "desk/util/sha256.hpp"

using namespace desk;
using namespace desk::audit;

namespace {

Record event(std::int64_t id, std::string data, std::int64_t ticket = 1) {
  Record r;
  r.id = id;
  r.ticket_id = ticket;
  r.at = 1700000000 + id;
  r.recorded_at = r.at;
  r.actor = "alice";
  r.kind = "note";
  r.data = std::move(data);
  return r;
}

// Records chained one after another.
std::vector<Record> history(std::vector<Record> rs) {
  Digest previous = kGenesis;
  for (auto& r : rs) {
    chain(r, previous);
    std::copy(r.hash.begin(), r.hash.end(), previous.begin());
  }
  return rs;
}

std::optional<Broken> verify(const std::vector<Record>& rs) {
  Verifier v;
  for (const auto& r : rs)
    if (r.kind == "erased" || r.kind == "purged") v.expect(r);
  for (const auto& r : rs)
    if (auto b = v.add(r)) return b;
  return v.finish();
}

}  // namespace

TEST_SUITE("audit/chain") {
  TEST_CASE("the content digest written as read equals the digest of the JSON values") {
    // content_digest writes the canonical text straight from the data;
    // content_digest_by_tree builds it from nlohmann::json values (sorted
    // keys). They must agree byte for byte on whatever data there is.
    std::vector<std::string> datas = {
        "",
        "{}",
        R"({"changes":{"status":["new","assigned"],"tier":[null,1]},"text":"hi"})",
        R"({"b":1,"a":2,"B":3,"aa":{"z":[1,{"y":"x","x":"y"}],"a~b/c":"key with ~ and /"}})",
        R"({"text":"line\none \"q\" \\ \u0001 \u00e9 \ud83d\ude00 漢字"})",
        R"({"n":[0,-1,9223372036854775807,18446744073709551615,1.5,1e300,-2.25,0.1,1.0]})",
        R"({"flags":[true,false,null],"empty":{},"none":[],"s":""})",
        R"({"neg":-0.0,"zero":-0})",
        R"({"dup":1,"dup":2})",
        R"({"deep":{"dup":"a","dup":"b"}})",
        R"([1,"two",{"three":3}])",
        R"("just text")",
        R"({"big":123456789012345678901234567890})",
        R"({"é":"accents in keys","\u00e9":"the same key written otherwise"})",
        R"({"not json")",
    };
    // Random objects, with keys that sort in every order.
    std::mt19937 rng(11);
    const std::vector<std::string> keys = {"a", "b", "A", "Z", "_", "a/b", "~0", "é", "aa", "ab"};
    for (int i = 0; i < 300; ++i) {
      nlohmann::ordered_json o = nlohmann::ordered_json::object();
      for (int k = 0; k < 6; ++k) {
        const std::string& key = keys[rng() % keys.size()];
        switch (rng() % 5) {
          case 0:
            o[key] = "text " + std::to_string(rng() % 100);
            break;
          case 1:
            o[key] = static_cast<std::int64_t>(rng()) - 1'000'000'000;
            break;
          case 2:
            o[key] = {{keys[rng() % keys.size()], "nested"}, {"n", k}};
            break;
          case 3:
            o[key] = {1, "two", nullptr, true};
            break;
          default:
            o[key] = static_cast<double>(rng() % 1000) / 8;
            break;
        }
      }
      datas.push_back(o.dump());
    }
    for (const auto& data : datas) {
      for (std::int64_t ticket : {0, 5}) {
        Record r = event(42, data, ticket);
        r.salt = util::random_bytes(kSaltBytes);
        r.subject = ticket ? "" : "customer:3";
        r.actor = ticket ? "alice" : "bad \xff utf-8";
        INFO(data);
        bool tree_reads_it = true;
        Digest tree{};
        try {
          tree = content_digest_by_tree(r);
        } catch (const DataError&) {
          tree_reads_it = false;
        }
        if (tree_reads_it)
          CHECK(util::hex(content_digest(r)) == util::hex(tree));
        else
          CHECK_THROWS_AS(content_digest(r), DataError);
      }
    }
  }

  TEST_CASE("an untouched history verifies, each event gets its own salt") {
    auto rs = history({event(1, R"({"text":"printer jammed"})"),
                       event(2, R"({"changes":{"status":["new","assigned"]}})"),
                       event(3, R"({"text":"fixed"})")});
    CHECK_FALSE(verify(rs));
    CHECK(rs[0].salt.size() == kSaltBytes);
    CHECK(rs[0].salt != rs[1].salt);
    CHECK(rs[0].hash.size() == 32);
  }

  TEST_CASE("the content digest depends on every column and every string") {
    Record a = event(1, R"({"text":"x","n":[1,2]})");
    a.salt = std::string(kSaltBytes, 's');
    Digest base = content_digest(a);
    for (auto change : std::vector<void (*)(Record&)>{
             [](Record& r) { r.id = 2; }, [](Record& r) { r.ticket_id = 2; },
             [](Record& r) { r.at += 1; }, [](Record& r) { r.recorded_at += 1; },
             [](Record& r) { r.actor = "bob"; }, [](Record& r) { r.kind = "reply"; },
             [](Record& r) { r.subject = "store"; },
             [](Record& r) { r.data = R"({"text":"y","n":[1,2]})"; },
             [](Record& r) { r.data = R"({"text":"x","n":[1,3]})"; },
             [](Record& r) { r.salt[0] = 't'; }}) {
      Record b = a;
      change(b);
      CHECK(content_digest(b) != base);
    }
    Record reordered = a;
    reordered.data = R"({"n":[1,2],"text":"x"})";  // key order is not content
    CHECK(content_digest(reordered) == base);
  }

  TEST_CASE("a changed event is named, and so is a removed one's successor") {
    auto rs = history(
        {event(1, R"({"text":"a"})"), event(2, R"({"text":"b"})"), event(3, R"({"text":"c"})")});
    auto changed = rs;
    changed[1].data = R"({"text":"B"})";
    auto b = verify(changed);
    REQUIRE(b);
    CHECK(b->event == 2);
    auto removed = rs;
    removed.erase(removed.begin() + 1);
    b = verify(removed);
    REQUIRE(b);
    CHECK(b->event == 3);
    auto unsalted = rs;
    unsalted[0].salt.clear();
    b = verify(unsalted);
    REQUIRE(b);
    CHECK(b->event == 1);
  }

  TEST_CASE("sealing erases text, keeps the chain, and still checks the kept strings") {
    auto rs = history({event(1, R"({"changes":{"title":[null,"Jane Doe's laptop"],)"
                                R"("description":[null,"Jane says it beeps"]}})"),
                       event(2, R"({"text":"called Jane Doe back"})")});
    Digest content_before = content_digest(rs[0]);
    auto rewrite = audit::rewrite_for(audit::Scope::own_ticket, {"Jane Doe"});
    REQUIRE(seal(rs[0], rewrite));
    REQUIRE(seal(rs[1], rewrite));
    CHECK(rs[0].salt.empty());
    CHECK(rs[0].data.find("Jane") == std::string::npos);
    CHECK(rs[0].sealed.find("Jane") == std::string::npos);
    CHECK(rs[0].data.find("(erased)'s laptop") != std::string::npos);
    CHECK(content_digest(rs[0]) == content_before);

    Record erasure = event(3, "", 0);
    erasure.kind = "erased";
    erasure.data = R"({"sealed":{"1":")" + util::hex(attestation(rs[0])) + R"(","2":")" +
                   util::hex(attestation(rs[1])) + R"("}})";
    Digest previous{};
    std::copy(rs[1].hash.begin(), rs[1].hash.end(), previous.begin());
    chain(erasure, previous);
    rs.push_back(erasure);
    CHECK_FALSE(verify(rs));

    // A kept string changed after sealing is found...
    auto kept = rs;
    kept[0].data = R"x({"changes":{"title":[null,"(erased)'s laptop"],)x"
                   R"x("description":[null,"(erased)"]},"extra":"x"})x";
    auto b = verify(kept);
    REQUIRE(b);
    CHECK(b->event == 1);
    // ...and so is an erased one.
    auto erased = rs;
    erased[1].data = R"({"text":"something else"})";
    b = verify(erased);
    REQUIRE(b);
    CHECK(b->event == 2);
    // A seal no erasure vouches for is refused.
    auto forged = rs;
    forged.pop_back();
    b = verify(forged);
    REQUIRE(b);
    CHECK(b->event == 1);
  }

  TEST_CASE("sealing twice keeps the first digest of what was erased") {
    auto rs = history({event(1, R"({"text":"Jane Doe and Bob Roe"})")});
    Digest content = content_digest(rs[0]);
    REQUIRE(seal(rs[0], audit::rewrite_for(audit::Scope::mention, {"Jane Doe"})));
    REQUIRE(seal(rs[0], audit::rewrite_for(audit::Scope::mention, {"Bob Roe"})));
    CHECK(rs[0].data == R"x({"text":"(erased) and (erased)"})x");
    CHECK(content_digest(rs[0]) == content);
    CHECK_FALSE(seal(rs[0], audit::rewrite_for(audit::Scope::mention, {"Nobody"})));
  }

  TEST_CASE("tombstones keep the chain, vouched for by the purge") {
    auto rs = history({event(1, R"({"text":"old"})"), event(2, R"({"text":"kept"})", 2),
                       event(3, R"({"text":"old too"})")});
    TombstoneDigest d;
    tombstone(rs[0], 4);
    tombstone(rs[2], 4);
    d.add(rs[0]);
    d.add(rs[2]);
    CHECK(rs[0].data == "{}");
    CHECK(is_tombstone(rs[0]));
    Record purge = event(4, "", 0);
    purge.kind = "purged";
    purge.data = R"({"tombstones":2,"digest":")" + d.hex() + R"("})";
    Digest previous{};
    std::copy(rs[2].hash.begin(), rs[2].hash.end(), previous.begin());
    chain(purge, previous);
    rs.push_back(purge);
    CHECK_FALSE(verify(rs));

    auto unvouched = rs;
    unvouched.pop_back();
    auto b = verify(unvouched);
    REQUIRE(b);
    CHECK(b->event == 1);
    // A live event turned into a tombstone by hand is found at the purge.
    auto extra = rs;
    tombstone(extra[1], 4);
    b = verify(extra);
    REQUIRE(b);
    CHECK(b->event == 4);
  }

  TEST_CASE("an anchor: a head recorded earlier is found again") {
    auto rs = history({event(1, R"({})"), event(2, R"({})")});
    Verifier v;
    std::string head = util::hex(rs[0].hash);
    v.watch(head);
    for (const auto& r : rs) CHECK_FALSE(v.add(r));
    CHECK(v.saw(head));
    CHECK(v.head_event() == 2);
    CHECK(v.count() == 2);
  }
}
