#include "context.hpp"

#include <algorithm>
#include <cstdlib>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "desk/config/locate.hpp"
#include "desk/core/error.hpp"
#include "desk/core/text.hpp"
#include "desk/store/open/open.hpp"
#include "desk/tickets/time_worked.hpp"
#include "desk/util/strings.hpp"

namespace desk::cmd {

namespace {

std::string login_name() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
  for (const char* var : {"LOGNAME", "USER"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "unknown";
}

}  // namespace

void Env::detect_terminal() {
  stdout_tty = isatty(STDOUT_FILENO) != 0;
  stdin_tty = isatty(STDIN_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool dumb = term != nullptr && std::string_view(term) == "dumb";
  color = stdout_tty && !globals.no_color && !(no_color && *no_color) && !dumb;
  if (stdout_tty) {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
      width = ws.ws_col;
    else if (const char* cols = std::getenv("COLUMNS"))
      width = static_cast<std::size_t>(util::parse_int(cols).value_or(0) % 100'000);
    if (width == 0) width = 80;
  }
}

void Env::prepare() {
  if (globals.time) worked_ = tickets::parse_worked(*globals.time, "--time");
  config_ = config::resolve(globals.config, globals.db);
  zone_ = config_->zone();
  now_ = real_now();
  // --now, else $DESK_NOW: a fixed clock makes any figure reproducible.
  std::optional<std::string> fixed = globals.now;
  if (!fixed)
    if (const char* v = std::getenv("DESK_NOW"); v && *v) fixed = v;
  if (fixed) now_ = desk::parse_time(*fixed, real_now(), zone_);
  actor_ = resolve_actor(globals);
}

std::string resolve_actor(const Globals& g) {
  std::string actor;
  if (g.as)
    actor = *g.as;
  else if (const char* u = std::getenv("DESK_USER"); u && *u)
    actor = u;
  else
    actor = login_name();
  require_utf8(actor, "the actor's name");
  bool control = std::any_of(actor.begin(), actor.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (actor.empty() || control || actor.find_first_of(" ,:") != std::string::npos)
    throw UsageError("invalid actor " + util::quoted(actor), "give a name without spaces to --as");
  return actor;
}

store::Store& Env::store(store::Access access) {
  if (!store_ || (access == store::Access::write && access_ == store::Access::read)) {
    store_.reset();
    store_ =
        store::open(config_->store, access, std::chrono::milliseconds(config_->busy_timeout_ms));
    access_ = access;
  }
  return *store_;
}

work::Session Env::session(store::Access access) {
  work::Session s{*config_, store(access), now_, actor_};
  s.worked = worked_;
  return s;
}

format::Style Env::style() const {
  format::Style s;
  s.color = color;
  s.width = width;
  return s;
}

Instant Env::parse_time(const std::string& text) const {
  return desk::parse_time(text, now_, zone_);
}

void print_error(std::ostream& err, const std::string& message, const std::string& hint) {
  // A message echoes what was typed, and CLI11's may hold a whole argument:
  // a long one is shortened to its start and end on one line.
  constexpr std::size_t kLongestMessage = 1000;
  err << "desk: "
      << (message.size() > kLongestMessage ? util::shortened(message, kLongestMessage)
                                           : util::multi_line(message))
      << '\n';
  if (!hint.empty()) err << "hint: " << util::multi_line(hint) << '\n';
}

void Env::warn(const std::string& message, const std::string& hint) const {
  print_error(err, message, hint);
}

}  // namespace desk::cmd
