// A progress bar on standard error, drawn only when it is a terminal: never
// in a pipe, a file or a cron mail.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace desk::cmd {

class ProgressBar {
 public:
  // `total` in the unit update() counts (0 when unknown: a count, no bar).
  ProgressBar(std::string label, std::uint64_t total);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done, std::int64_t items);
  // Clears the bar's line.
  void finish();

 private:
  bool on_ = false;
  bool drawn_ = false;
  std::string label_;
  std::uint64_t total_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace desk::cmd
