#include "desk/util/erlang.hpp"

#include <cmath>
#include <limits>

namespace desk::util {

double erlang_c(double load, int servers) {
  if (load <= 0) return 0;
  if (servers <= load) return 1;
  // Erlang B by its recursion, B(k) = A B(k-1) / (k + A B(k-1)), which stays
  // within [0, 1] where A^N / N! would overflow past a few hundred servers;
  // then C from B.
  double b = 1;
  for (int k = 1; k <= servers; ++k) b = load * b / (k + load * b);
  return servers * b / (servers - load * (1 - b));
}

double service_level(double load, int servers, double handle_seconds, double wait_seconds) {
  if (load <= 0) return 1;
  if (servers <= load) return 0;
  return 1 - erlang_c(load, servers) * std::exp(-(servers - load) * wait_seconds / handle_seconds);
}

double mean_wait(double load, int servers, double handle_seconds) {
  if (load <= 0) return 0;
  if (servers <= load) return std::numeric_limits<double>::infinity();
  return erlang_c(load, servers) * handle_seconds / (servers - load);
}

int servers_needed(double load, double handle_seconds, double wait_seconds, double target,
                   int at_most) {
  if (load <= 0) return 0;
  // Below the load there is no steady state; start just above it.
  int n = static_cast<int>(std::floor(load)) + 1;
  for (; n < at_most; ++n)
    if (service_level(load, n, handle_seconds, wait_seconds) >= target) return n;
  return at_most;
}

int rostered(int servers, double shrinkage) {
  // 7 / 0.7 is 10.000000000000002 in binary: a hair over a whole number is it.
  double exact = servers / (1 - shrinkage);
  return static_cast<int>(std::ceil(exact - 1e-9));
}

}  // namespace desk::util
