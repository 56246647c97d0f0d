// SHA-256 (FIPS 180-4), through nettle: the digests the audit chain is made
// of. Generic; knows nothing of desk.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace desk::util {

using Digest = std::array<std::uint8_t, 32>;

// Incremental hashing: feed parts, then take the digest once.
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view bytes);
  Sha256& update(const Digest& d);
  Digest digest();

 private:
  alignas(8) std::array<std::uint8_t, 128> state_;  // struct sha256_ctx, opaque here
};

Digest sha256(std::string_view bytes);

// HMAC-SHA-256 (RFC 2104) of `message` under `key`: a digest only the
// holder of the key can make, for values desk must later recognise as its
// own (the Message-IDs of its mail).
Digest hmac_sha256(std::string_view key, std::string_view message);

// Whether a and b are equal, in a time that does not depend on where they
// differ (for comparing a signature someone sent with the right one).
bool equal_in_constant_time(std::string_view a, std::string_view b);

// Lowercase hex, 64 characters for a digest; and back (nullopt-free: an
// invalid text gives false).
std::string hex(std::string_view bytes);
std::string hex(const Digest& d);
bool from_hex(std::string_view text, Digest& out);
std::string as_bytes(const Digest& d);

// `n` bytes from the kernel's random source (getrandom), for salts.
std::string random_bytes(std::size_t n);

}  // namespace desk::util
