#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

#include <fmt/format.h>

namespace desk::cmd {

ProgressBar::ProgressBar(std::string label, std::uint64_t total)
    : on_(isatty(STDERR_FILENO) != 0), label_(std::move(label)), total_(total) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(std::uint64_t done, std::int64_t items) {
  if (!on_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string line;
  if (total_ > 0) {
    constexpr int kWidth = 30;
    double part = std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    int filled = static_cast<int>(part * kWidth);
    line = fmt::format("\r{} {:3.0f}% [{}{}] {} tickets", label_, part * 100,
                       std::string(static_cast<std::size_t>(filled), '='),
                       std::string(static_cast<std::size_t>(kWidth - filled), ' '), items);
  } else {
    line = fmt::format("\r{} {} tickets", label_, items);
  }
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!on_ || !drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace desk::cmd
