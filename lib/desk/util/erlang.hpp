// Erlang C: how many servers a queue needs so that enough arrivals wait no
// longer than a target, the staffing model of contact centres (A. K. Erlang,
// 1917). It assumes the M/M/N queue: arrivals at random (Poisson), handle
// times spread exponentially, every server alike, nobody giving up. With
// few servers or bursty arrivals it is optimistic; desk-report(1) says when.
//
// The load (traffic intensity) A is arrivals per second × mean handle time
// in seconds, in erlangs: how many servers would be busy all the time.
#pragma once

namespace desk::util {

// The probability that an arrival waits at all, with `servers` servers and
// load `load`: 1 when servers <= load (the queue has no steady state and
// grows without end), 0 when the load is 0.
double erlang_c(double load, int servers);

// The share of arrivals answered within `wait` seconds:
// 1 - C(A, N) e^(-(N - A) wait / handle). 0 when servers <= load.
double service_level(double load, int servers, double handle_seconds, double wait_seconds);

// The mean wait of all arrivals (answered at once or not), in seconds:
// C(A, N) handle / (N - A). Infinite when servers <= load.
double mean_wait(double load, int servers, double handle_seconds);

// The fewest servers with service_level() >= target (0 < target < 1): 0 for
// no load, never more than `at_most` (returned when even that falls short).
int servers_needed(double load, double handle_seconds, double wait_seconds, double target,
                   int at_most = 100000);

// Servers to roster so that `servers` are at work when a share `shrinkage`
// (0 <= shrinkage < 1) of rostered time goes to breaks, meetings and
// absence: servers / (1 - shrinkage), rounded up.
int rostered(int servers, double shrinkage);

}  // namespace desk::util
