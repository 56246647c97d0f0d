// SHA-256 against the examples of FIPS 180-4 (and NIST's long-message
// vector), and the hex helpers.
#include <string>

#include <doctest/doctest.h>

#include "desk/util/sha256.hpp"

using namespace desk::util;

TEST_SUITE("util/sha256") {
  TEST_CASE("the FIPS 180-4 examples") {
    CHECK(hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  TEST_CASE("a million a's, fed in uneven parts") {
    Sha256 h;
    std::string part(997, 'a');
    std::size_t left = 1000000;
    while (left > 0) {
      std::size_t n = left < part.size() ? left : part.size();
      h.update(std::string_view(part).substr(0, n));
      left -= n;
    }
    CHECK(hex(h.digest()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("hex round trip, and bad hex refused") {
    Digest d = sha256("abc");
    Digest back{};
    CHECK(from_hex(hex(d), back));
    CHECK(back == d);
    CHECK_FALSE(from_hex("abc", back));
    CHECK_FALSE(from_hex(std::string(64, 'g'), back));
    CHECK(as_bytes(d).size() == 32);
  }

  TEST_CASE("random bytes differ between calls") {
    CHECK(random_bytes(16).size() == 16);
    CHECK(random_bytes(16) != random_bytes(16));
  }
}

TEST_SUITE("util/sha256") {
  TEST_CASE("HMAC-SHA-256: the RFC 4231 test cases") {
    // Test case 2: a short key, and test case 6: a key longer than a block.
    CHECK(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hex(hmac_sha256(std::string(131, '\xaa'),
                          "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  TEST_CASE("constant-time equality compares whole values") {
    CHECK(equal_in_constant_time("abc", "abc"));
    CHECK_FALSE(equal_in_constant_time("abc", "abd"));
    CHECK_FALSE(equal_in_constant_time("abc", "ab"));
    CHECK(equal_in_constant_time("", ""));
  }
}
