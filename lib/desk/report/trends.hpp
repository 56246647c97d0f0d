// The trends report: categories and services whose volume rises or falls
// against the periods before, and repeat incidents that suggest a problem
// record or a knowledge-base article.
//
// Definitions (tickets logged after --now are not known yet):
//  - Volume: tickets logged in the period, and in each of the three periods
//    before it (period.hpp preceding(): the three months before last-month,
//    the three spans of N days before last-N-days, ...); baseline = their
//    mean, to one decimal; change = tickets - baseline; change_pct = 100 ×
//    change / baseline (null when the baseline is 0).
//  - Rising: change >= kMinChange (5) tickets, and change_pct >=
//    kMinChangePct (50) or a baseline of 0. Falling: change <= -5 tickets
//    and change_pct <= -50. Steady otherwise. Every category and service
//    with a ticket in any of the four periods is listed, risers first.
//  - Repeat incidents: tickets logged in the period (the window), of any
//    type, with the same category and similar titles (similarity.hpp: folded
//    words without stop-words, Jaccard index >= kSimilarity, 0.5), gathered
//    into connected groups; a group of kMinRepeats (3) or more is a repeat.
//    Its suggestion is "problem record" when at least half of its tickets
//    are incidents (type "incident"): a fault keeps coming back and wants
//    its root cause found; else "KB article": people keep asking for the
//    same thing, so write the answer down. The kShownRepeats (20) largest
//    are listed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "desk/report/period.hpp"
#include "desk/report/report.hpp"
#include "desk/work/session.hpp"

namespace desk::report {

inline constexpr double kMinChange = 5;
inline constexpr double kMinChangePct = 50;
inline constexpr double kSimilarity = 0.5;
inline constexpr std::size_t kMinRepeats = 3;
inline constexpr std::size_t kShownRepeats = 20;

// "rising", "falling" or "steady" for a count against its baseline.
std::string trend_of(double tickets, double baseline);

Report trends_report(work::Session& s, const Period& period);

// The trends report's counting, fed one ticket at a time, so that a report
// that reads the tickets anyway (the digest) need not read them again.
// What it gives does not depend on the order the tickets come in.
class TrendsCounter {
 public:
  TrendsCounter(const work::Session& s, const Period& period);
  ~TrendsCounter();
  TrendsCounter(const TrendsCounter&) = delete;
  TrendsCounter& operator=(const TrendsCounter&) = delete;

  // The tickets it counts: logged in [since, until). Others are ignored.
  Instant since() const;
  Instant until() const;
  // Reads id, created_at, type, category, service and title.
  void add(const model::Ticket& t);
  Report finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace desk::report
