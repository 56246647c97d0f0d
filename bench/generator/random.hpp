// A small, fast, deterministic random source for the generator.
//
// The standard distributions (std::uniform_int_distribution, ...) are
// implementation-defined, so a store made with one seed could differ between
// standard libraries. Everything here is spelled out instead: splitmix64 to
// seed, xoshiro256** to draw, and the few distributions the generator needs.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace bench {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // One stream per (seed, stream): each ticket draws from its own stream, so
  // a ticket's story does not depend on the stories before it.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t sm = seed ^ (stream * 0xd1342543de82ef95ULL);
    for (auto& w : s_) w = splitmix64(sm);
  }

  std::uint64_t next() {
    std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // [0, 1)
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // [0, n)
  std::uint64_t below(std::uint64_t n) {
    return n == 0 ? 0 : static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
  }
  // [lo, hi]
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return uniform() < p; }

  double normal() {
    double u1 = 1.0 - uniform();  // (0, 1]
    double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // A positive quantity whose median is `median` and whose spread is `sigma`
  // (in log space): waiting and working times.
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

  // An index drawn with the given weights (which need not sum to 1).
  std::size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace bench
