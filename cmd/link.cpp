// desk link ID... --to ID --kind related|caused-by|duplicate-of|parent-of
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  std::string to, kind = "related";
  Text at;
};

int run(Env& env, const Options& o) {
  // --as is the actor everywhere; it once named the kind here, and a script
  // still saying `--as caused-by` must not record "caused-by" as the actor.
  if (env.globals.as && util::parse<model::LinkKind>(*env.globals.as))
    throw UsageError(
        fmt::format("--as names who acts, not the kind of link: use --kind {}", *env.globals.as),
        fmt::format("desk link {} --to {} --kind {}", util::join(o.ids, " "), o.to,
                    *env.globals.as));
  auto kind = work::require_word<model::LinkKind>("link kind", o.kind);
  auto ids = collect_ids(env, o.ids);
  std::int64_t other = work::parse_ticket_id(o.to);
  auto at = event_at(env, o.at);
  std::vector<std::pair<std::int64_t, bool>> linked;  // each ticket, and whether it is new
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    auto e = tickets::link(s, id, other, kind, at);
    linked.emplace_back(id, e.has_value());
    return e ? std::vector<model::Event>{*e} : std::vector<model::Event>{};
  });
  if (!env.globals.quiet)
    for (const auto& [id, fresh] : linked)
      env.out << fmt::format("{} ticket {} ({} {})\n", fresh ? "Linked" : "Already linked", id,
                             kind, other);
  return 0;
}

}  // namespace

Runner cmd_link(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "The tickets ('-' reads them from standard input)")->required();
  sub.add_option("--to", o->to, "The other ticket")->required()->option_text("ID");
  sub.add_option("-k,--kind", o->kind, "related (default), caused-by, duplicate-of or parent-of")
      ->option_text("KIND");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
