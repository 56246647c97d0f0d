// desk catalog check: what makes the catalogue incomplete or stale
#include <fmt/format.h>

#include "desk/catalog/services.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "catalog.hpp"
#include "options.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::catalogcmd {

namespace {

using format::Json;

struct Options {
  Format format = Format::table;
  int days = 180;
};

int run_check(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  auto findings = catalog::check_catalog(session, o.days);
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"problem", "PROBLEM"},
                 {"subject", "SERVICE OR CATEGORY"},
                 {"detail", "DETAIL", format::Kind::text, true}});
  for (const auto& f : findings)
    writer->row({{"problem", f.problem}, {"subject", f.subject}, {"detail", f.detail}});
  writer->end();
  if (findings.empty()) {
    if (o.format == Format::table && !env.globals.quiet)
      env.err << "desk: the catalogue is complete and current\n";
    return 0;
  }
  env.err << fmt::format("desk: {} catalogue problem{} found\n", findings.size(),
                         findings.size() == 1 ? "" : "s");
  return static_cast<int>(Exit::refused);
}

}  // namespace

Sub check(CLI::App& catalog) {
  auto o = std::make_shared<Options>();
  auto* sub = catalog.add_subcommand(
      "check", "Find what makes the catalogue incomplete or stale; exit 1 when anything is");
  add_int(*sub, "--days", o->days, "How long unrequested makes a service stale (default 180)", 1,
          36500);
  add_format(*sub, o->format);
  return {sub, [o](Env& env) { return run_check(env, *o); }};
}

}  // namespace desk::cmd::catalogcmd
