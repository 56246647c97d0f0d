// desk rate ID --score 1..5 [-m COMMENT]: the customer's rating of a resolution.
#include <fmt/format.h>

#include "desk/catalog/fulfilment.hpp"
#include "desk/work/validate.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  int score = 0;
  std::string comment;
  Text at;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  catalog::RateRequest r;
  r.score = o.score;
  r.comment = o.comment;
  r.at = event_at(env, o.at);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    return std::vector<model::Event>{catalog::rate(s, id, r)};
  });
  report_each(env, ids, "Rated");
  return 0;
}

}  // namespace

Runner cmd_rate(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_int(sub, "-s,--score", o->score, "1 (very dissatisfied) to 5 (very satisfied)", 1, 5)
      ->required();
  sub.add_option("-m,--message", o->comment, "The customer's comment")->option_text("TEXT");
  add_at(sub, o->at);
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
