// desk audit verify|export|compact: the audit chain over every event.
#include <cmath>

#include <fmt/format.h>

#include "desk/compliance/compliance.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/store.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;

struct Options {
  std::string anchor, output;
  Format format = Format::text;
};

int run_verify(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto v = compliance::verify_chain(session, o.anchor);
  bool anchor_missing = !o.anchor.empty() && !v.anchor_found;
  if (o.format == Format::json) {
    Json j = {{"ok", !v.broken && !anchor_missing},
              {"events", v.events},
              {"head_event", v.head_event},
              {"head", v.head},
              {"broken_event", v.broken ? Json(v.broken->event) : Json()},
              {"reason", v.broken ? Json(v.broken->why) : Json()},
              {"anchor_found", o.anchor.empty() ? Json() : Json(v.anchor_found)}};
    print_json(env, j);
  } else if (!v.broken && !anchor_missing && !env.globals.quiet) {
    env.out << fmt::format("ok: {} events, head {} at event {}\n", v.events, v.head, v.head_event);
  }
  if (v.broken) {
    env.err << fmt::format("desk: the audit chain is broken at event {}: it {}\n", v.broken->event,
                           v.broken->why);
    env.err << "hint: the history was changed outside desk; 'desk audit export' shows the "
               "events as stored\n";
    return static_cast<int>(Exit::refused);
  }
  if (anchor_missing) {
    env.err << fmt::format("desk: the head {} recorded earlier is not in the chain\n", o.anchor);
    env.err << "hint: events were removed or the chain was rewritten after it was recorded\n";
    return static_cast<int>(Exit::refused);
  }
  return 0;
}

int run_export(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  std::string text;
  compliance::export_chain(session, [&](const Json& line) {
    text += line.dump(-1, ' ', false, Json::error_handler_t::replace);
    text += '\n';
  });
  write_output(env, o.output, text);
  return 0;
}

int run_compact(Env& env, const Options&) {
  auto session = env.session(store::Access::write);
  session.store.audit().compact();
  if (!env.globals.quiet) env.out << "Compacted the store: no erased data is left in the file\n";
  return 0;
}

}  // namespace

Runner cmd_audit(CLI::App& sub) {
  sub.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* verify = sub.add_subcommand(
      "verify", "Check every event against the chain; exit 1 naming the first broken one");
  verify
      ->add_option("--anchor", o->anchor,
                   "A head hash printed by an earlier verify: check it is still in the chain")
      ->option_text("HASH");
  add_format(*verify, o->format, {Format::text, Format::json});
  auto* exp = sub.add_subcommand("export", "Write every event with its hash as JSON Lines");
  exp->add_option("-o,--output", o->output, "Write to FILE atomically instead of standard output")
      ->option_text("FILE");
  auto* compact = sub.add_subcommand(
      "compact", "Rebuild the store file so nothing erased survives in it (after forget, purge)");
  for (auto* s : {verify, exp, compact}) s->fallthrough();
  return [o, verify, exp, compact](Env& env) {
    if (verify->parsed()) return run_verify(env, *o);
    if (exp->parsed()) return run_export(env, *o);
    if (compact->parsed()) return run_compact(env, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
