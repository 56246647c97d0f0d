// desk store copy FROM TO: a whole store, moved to another place or backend
// (SQLite <-> PostgreSQL), ids, history and audit chain as they are; then
// the copy's chain is verified, so the head it prints can be compared with
// `desk audit verify` on the original.
#include <fmt/format.h>

#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/core/location.hpp"
#include "desk/store/open/open.hpp"
#include "desk/util/strings.hpp"

#include "store.hpp"

namespace desk::cmd::storecmd {

namespace {

struct Options {
  std::string from, to;
};

std::string shown(const std::string& location) {
  return "'" + shown_location(location) + "'";
}

std::int64_t rows_of(const std::vector<std::pair<std::string, std::int64_t>>& rows,
                     std::string_view table) {
  for (const auto& [name, n] : rows)
    if (name == table) return n;
  return 0;
}

int run(Env& env, const Options& o) {
  const auto& cfg = env.config();
  auto timeout = std::chrono::milliseconds(cfg.busy_timeout_ms);
  auto c = store::copy(o.from, o.to, timeout);
  auto copy = store::open(o.to, store::Access::read, timeout);
  work::Session session{cfg, *copy, env.now(), env.actor()};
  auto v = compliance::verify_chain(session, "");
  if (v.broken)
    throw StoreError(fmt::format("the copy's audit chain is broken at event {}: it {}",
                                 v.broken->event, v.broken->why),
                     "the original's chain is likely broken too: run 'desk audit verify' on it");
  if (!env.globals.quiet) {
    env.out << fmt::format(
        "Copied {} to {}: {} tickets, {} events, {} customers, {} articles, {} mail messages\n",
        shown(o.from), shown(o.to), rows_of(c, "tickets"), rows_of(c, "events"),
        rows_of(c, "customers"), rows_of(c, "kb_articles"), rows_of(c, "mail_messages"));
    env.out << fmt::format("The copy's audit chain verifies: {} events, head {} at event {}\n",
                           v.events, v.head, v.head_event);
  }
  return 0;
}

}  // namespace

Sub copy(CLI::App& store) {
  auto o = std::make_shared<Options>();
  auto* app = store.add_subcommand(
      "copy", "Copy a whole store to a new file or PostgreSQL database, history and ids kept");
  app->add_option("from", o->from, "The store to copy: a file or a postgresql:// URI")->required();
  app->add_option("to", o->to, "Where to make the copy: a new file, or a PostgreSQL database")
      ->required();
  return {app, [o](Env& env) { return run(env, *o); }};
}

}  // namespace desk::cmd::storecmd
