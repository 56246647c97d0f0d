// Env: everything one invocation of desk works with, prepared by main from
// the global options and the environment, and passed to the command.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "desk/config/model.hpp"
#include "desk/core/time.hpp"
#include "desk/format/rows.hpp"
#include "desk/store/store.hpp"
#include "desk/work/session.hpp"

namespace desk::cmd {

// The options every command accepts, before or after its name, shown
// under this heading (and listed by `desk __complete globals`).
inline constexpr const char* kGlobalGroup = "Global options";
struct Globals {
  std::optional<std::string> config;
  std::optional<std::string> db;
  std::optional<std::string> as;
  std::optional<std::string> now;
  bool quiet = false;
  bool no_color = false;
  bool no_pager = false;
  std::optional<std::string> time;  // --time of a command that is work on tickets
};

// --as, else $DESK_USER, else the login name.
std::string resolve_actor(const Globals& g);

// "desk: <message>" and "hint: <hint>" (when given) on `err`. Messages
// quote what was typed or stored, so both are cleaned (util::multi_line):
// they cannot drive the terminal.
void print_error(std::ostream& err, const std::string& message, const std::string& hint = {});

class Env {
 public:
  Globals globals;
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  bool stdout_tty = false;
  bool stdin_tty = false;
  bool color = false;     // ANSI colour on stdout
  std::size_t width = 0;  // terminal columns, 0 when stdout is not a terminal

  // Reads the terminal and the environment (tty, NO_COLOR, width).
  void detect_terminal();
  // Loads the configuration, the clock (--now) and the actor (--as).
  void prepare();

  const config::Config& config() const { return *config_; }
  Zone zone() const { return zone_; }
  Instant now() const { return now_; }
  const std::string& actor() const { return actor_; }
  // The store, opened on first use; a command that only reads never asks
  // for write access and so never takes the write lock.
  store::Store& store(store::Access access);
  work::Session session(store::Access access);

  format::Style style() const;
  // A time as typed on the command line, in the configured zone.
  Instant parse_time(const std::string& text) const;
  // Prints "desk: <message>" (and "hint: ..." when given) on stderr.
  void warn(const std::string& message, const std::string& hint = {}) const;

 private:
  std::optional<config::Config> config_;
  Zone zone_;
  Instant now_{};
  std::string actor_;
  std::int64_t worked_ = 0;  // --time, in seconds
  std::unique_ptr<store::Store> store_;
  store::Access access_ = store::Access::read;
};

}  // namespace desk::cmd
