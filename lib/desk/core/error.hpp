// The errors lib/ throws. Each kind maps to one documented exit status in
// cmd/main.cpp, and nowhere else; see desk(1) "EXIT STATUS".
#pragma once

#include <stdexcept>
#include <string>

namespace desk {

enum class Exit : int {
  ok = 0,
  refused = 1,      // not found, illegal transition
  usage = 2,        // bad flags or arguments
  breach = 3,       // a report found SLA breaches and --fail-on-breach was given
  unfinished = 4,   // the change is committed, but a step after it failed (compaction)
  data = 65,        // bad input data (EX_DATAERR)
  software = 70,    // internal error: a bug (EX_SOFTWARE)
  io = 74,          // store or output I/O (EX_IOERR)
  busy = 75,        // store busy past the timeout (EX_TEMPFAIL)
  permission = 77,  // the actor's role does not allow it (EX_NOPERM)
  config = 78,      // bad configuration (EX_CONFIG)
};

// message: what went wrong, lowercase, no full stop ("no ticket 99").
// hint: optional second line telling the user what to do instead.
class Error : public std::runtime_error {
 public:
  Error(Exit code, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), code_(code), hint_(std::move(hint)) {}
  Exit code() const { return code_; }
  const std::string& hint() const { return hint_; }

 private:
  Exit code_;
  std::string hint_;
};

#define DESK_ERROR_KIND(Name, Code)                           \
  class Name : public Error {                                 \
   public:                                                    \
    explicit Name(std::string message, std::string hint = {}) \
        : Error(Code, std::move(message), std::move(hint)) {} \
  }

DESK_ERROR_KIND(Refused, Exit::refused);
DESK_ERROR_KIND(UsageError, Exit::usage);
DESK_ERROR_KIND(DataError, Exit::data);
DESK_ERROR_KIND(StoreError, Exit::io);
DESK_ERROR_KIND(StoreBusy, Exit::busy);
DESK_ERROR_KIND(PermissionDenied, Exit::permission);
DESK_ERROR_KIND(ConfigError, Exit::config);

#undef DESK_ERROR_KIND

// A store (or a copy of one) that SQLite cannot read: 74 as any StoreError,
// kept apart so that a command can give its own advice (desk doctor cannot
// suggest running desk doctor) and desk restore can tell damage from other
// failures.
class StoreCorrupt : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace desk
