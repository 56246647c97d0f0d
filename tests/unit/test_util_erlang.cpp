// Erlang C against the published traffic tables, against the formula
// computed another way (factorials in long double), and at its edges.
#include <cmath>

#include <doctest/doctest.h>

#include "desk/util/erlang.hpp"

using namespace desk;

namespace {

// The textbook form: (A^N / N!) N / (N - A), over the sum of A^k / k! for
// k < N plus the same term. Exact enough in long double for N up to ~150.
long double textbook_c(long double a, int n) {
  long double term = 1, sum = 0;  // term = A^k / k!
  for (int k = 0; k < n; ++k) {
    sum += term;
    term = term * a / (k + 1);
  }
  long double waiting = term * n / (n - a);
  return waiting / (sum + waiting);
}

}  // namespace

TEST_SUITE("util/erlang") {
  TEST_CASE("the probability of waiting is the traffic tables' for 10 erlangs") {
    // Erlang C tables (10 erlangs offered): 11 agents 0.6821, 12 0.4494,
    // 13 0.2853, 14 0.1741, 15 0.1020.
    const std::pair<int, double> table[] = {
        {11, 0.6821}, {12, 0.4494}, {13, 0.2853}, {14, 0.1741}, {15, 0.1020}};
    for (const auto& [agents, waits] : table) {
      CAPTURE(agents);
      CHECK(util::erlang_c(10, agents) == doctest::Approx(waits).epsilon(0.0002));
    }
  }

  TEST_CASE("the recursion agrees with the textbook formula everywhere it is exact") {
    for (double a : {0.1, 0.5, 0.99, 1.5, 4.2, 9.9, 17.25, 48.0, 99.5}) {
      for (int n = static_cast<int>(a) + 1; n < static_cast<int>(a) + 40 && n < 150; ++n) {
        CAPTURE(a);
        CAPTURE(n);
        CHECK(util::erlang_c(a, n) ==
              doctest::Approx(static_cast<double>(textbook_c(a, n))).epsilon(1e-9));
      }
    }
  }

  TEST_CASE("staffing for a service level: 100 calls an hour of 3 minutes, 80% in 20 s") {
    // A = 100/3600 × 180 = 5 erlangs. Service levels: 6 agents 0.4743,
    // 7 agents 0.7404, 8 agents 0.8801; so 8 are needed.
    double load = 100.0 / 3600 * 180;
    CHECK(load == doctest::Approx(5.0));
    CHECK(util::service_level(load, 6, 180, 20) == doctest::Approx(0.4743).epsilon(0.0002));
    CHECK(util::service_level(load, 7, 180, 20) == doctest::Approx(0.7404).epsilon(0.0002));
    CHECK(util::service_level(load, 8, 180, 20) == doctest::Approx(0.8801).epsilon(0.0002));
    CHECK(util::servers_needed(load, 180, 20, 0.80) == 8);
    CHECK(util::servers_needed(load, 180, 20, 0.70) == 7);
    // A longer answer time needs fewer; a stricter target more.
    CHECK(util::servers_needed(load, 180, 600, 0.80) == 6);
    CHECK(util::servers_needed(load, 180, 20, 0.95) == 10);  // 9 give 0.9484
    // 30% shrinkage: 8 at work need 8 / 0.7 = 11.43, so 12 on the roster.
    CHECK(util::rostered(8, 0.30) == 12);
  }

  TEST_CASE("no arrivals need nobody, and a load at or over the servers has no steady state") {
    CHECK(util::erlang_c(0, 3) == 0);
    CHECK(util::service_level(0, 0, 180, 20) == 1);
    CHECK(util::servers_needed(0, 180, 20, 0.8) == 0);
    CHECK(util::mean_wait(0, 1, 180) == 0);
    // 2 erlangs on 2 servers: the queue grows without end. Not a division by zero.
    CHECK(util::erlang_c(2, 2) == 1);
    CHECK(util::erlang_c(2.5, 2) == 1);
    CHECK(util::service_level(2, 2, 180, 20) == 0);
    CHECK(std::isinf(util::mean_wait(2, 2, 180)));
    // Needed is always past the load.
    CHECK(util::servers_needed(2, 180, 20, 0.01) == 3);
    CHECK(util::servers_needed(1e6, 180, 20, 0.8, 50) == 50);
  }

  TEST_CASE("one server is M/M/1: an arrival waits with the probability of the load") {
    for (double rho : {0.1, 0.5, 0.9}) {
      CAPTURE(rho);
      CHECK(util::erlang_c(rho, 1) == doctest::Approx(rho));
      // Mean wait of M/M/1: rho / (1 - rho) × handle.
      CHECK(util::mean_wait(rho, 1, 60) == doctest::Approx(rho / (1 - rho) * 60));
    }
  }

  TEST_CASE("shrinkage rounds up, and a whole number stays whole") {
    CHECK(util::rostered(7, 0.30) == 10);  // 7 / 0.7 is 10.000000000000002 in binary
    CHECK(util::rostered(7, 0.0) == 7);
    CHECK(util::rostered(1, 0.25) == 2);     // 1.33
    CHECK(util::rostered(3, 0.25) == 4);     // exactly 4
    CHECK(util::rostered(10, 0.333) == 15);  // 14.99
    CHECK(util::rostered(0, 0.5) == 0);
  }
}
