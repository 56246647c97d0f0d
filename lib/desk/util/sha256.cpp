#include "desk/util/sha256.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <stdexcept>
#include <sys/random.h>

namespace desk::util {

static_assert(sizeof(sha256_ctx) <= 128, "Sha256::state_ is too small for nettle's sha256_ctx");

namespace {

sha256_ctx* ctx(std::array<std::uint8_t, 128>& state) {
  return reinterpret_cast<sha256_ctx*>(state.data());
}

}  // namespace

Sha256::Sha256() : state_{} {
  sha256_init(ctx(state_));
}

Sha256& Sha256::update(std::string_view bytes) {
  sha256_update(ctx(state_), bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  return *this;
}

Sha256& Sha256::update(const Digest& d) {
  sha256_update(ctx(state_), d.size(), d.data());
  return *this;
}

Digest Sha256::digest() {
  Digest d{};
  sha256_digest(ctx(state_), d.size(), d.data());
  return d;
}

Digest sha256(std::string_view bytes) {
  return Sha256().update(bytes).digest();
}

Digest hmac_sha256(std::string_view key, std::string_view message) {
  hmac_sha256_ctx context;
  hmac_sha256_set_key(&context, key.size(), reinterpret_cast<const std::uint8_t*>(key.data()));
  hmac_sha256_update(&context, message.size(),
                     reinterpret_cast<const std::uint8_t*>(message.data()));
  Digest d{};
  hmac_sha256_digest(&context, d.size(), d.data());
  return d;
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string hex(const Digest& d) {
  return hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

bool from_hex(std::string_view text, Digest& out) {
  if (text.size() != out.size() * 2) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = nibble(text[2 * i]), lo = nibble(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return true;
}

std::string as_bytes(const Digest& d) {
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

std::string random_bytes(std::size_t n) {
  // Drawn from the kernel a few kilobytes at a time: an import salts
  // millions of events, and a system call for each showed in its profile.
  thread_local std::array<unsigned char, 4096> pool;
  thread_local std::size_t used = pool.size();
  std::string out;
  out.reserve(n);
  while (out.size() < n) {
    if (used == pool.size()) {
      std::size_t done = 0;
      while (done < pool.size()) {
        ssize_t got = getrandom(pool.data() + done, pool.size() - done, 0);
        if (got < 0) {
          if (errno == EINTR) continue;
          throw std::runtime_error(std::string("getrandom failed: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(got);
      }
      used = 0;
    }
    std::size_t take = std::min(n - out.size(), pool.size() - used);
    out.append(reinterpret_cast<const char*>(pool.data() + used), take);
    used += take;
  }
  return out;
}

}  // namespace desk::util
