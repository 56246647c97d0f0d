// desk link ID --to ID --as related|caused-by|duplicate-of|parent-of
#include <fmt/format.h>

#include "desk/tickets/lifecycle.hpp"
#include "desk/work/validate.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string id, to, kind = "related";
  Text at;
};

int run(Env& env, const Options& o) {
  std::int64_t id = work::parse_ticket_id(o.id);
  std::int64_t other = work::parse_ticket_id(o.to);
  auto at = event_at(env, o.at);
  auto events = change_tickets(env, {id}, [&](work::Session& s, std::int64_t tid) {
    auto e = tickets::link(s, tid, other, o.kind, at);
    return e ? std::vector<model::Event>{*e} : std::vector<model::Event>{};
  });
  if (!env.globals.quiet)
    env.out << fmt::format("{} ticket {} ({} {})\n", events.empty() ? "Already linked" : "Linked",
                           id, o.kind, other);
  return 0;
}

}  // namespace

Runner cmd_link(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "The ticket")->required();
  sub.add_option("--to", o->to, "The other ticket")->required()->option_text("ID");
  sub.add_option("--as", o->kind,
                 "related (default), caused-by, duplicate-of or parent-of; to act as someone else, "
                 "put --as NAME before the command")
      ->option_text("KIND");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
