// desk rate ID --score 1..5 [-m COMMENT]: the customer's rating of a resolution.
// desk rate --from FILE: many ratings (ticket, score, at, comment per row) in
// one transaction, as a survey tool exports them.
#include <fmt/format.h>

#include "desk/bulk/ratings.hpp"
#include "desk/catalog/fulfilment.hpp"
#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "batch.hpp"
#include "input.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  int score = 0;
  std::string comment;
  Text at;
  std::string from;
};

int rate_one_by_one(Env& env, const Options& o) {
  if (o.ids.empty()) throw UsageError("no ticket ids given", "give ids, or --from FILE");
  if (o.score == 0) throw UsageError("--score is required", "give --score 1 to 5");
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

int rate_from_file(Env& env, const Options& o) {
  Input input(o.from);
  auto reader =
      bulk::make_row_reader(input.stream(), bulk::choose_format("", o.from, input.stream()));
  std::vector<bulk::RatingRow> rows;
  try {
    rows = bulk::read_ratings(*reader, env.now(), env.config().zone());
  } catch (const bulk::BadRows& e) {
    report_bad_rows(env, e, "nothing was rated");
  }
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.ticket);
  std::size_t next = 0;  // change_tickets takes the ids in order
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    const auto& row = rows[next++];
    try {
      return std::vector<model::Event>{catalog::rate(s, id, row.request)};
    } catch (const Error& e) {
      throw Error(e.code(), fmt::format("line {}: {}", row.line, e.what()), e.hint());
    }
  });
  if (!env.globals.quiet)
    env.out << fmt::format("Rated {} ticket{}\n", ids.size(), ids.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

Runner cmd_rate(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  auto* ids = sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)");
  auto* score =
      add_int(sub, "-s,--score", o->score, "1 (very dissatisfied) to 5 (very satisfied)", 1, 5);
  auto* message =
      sub.add_option("-m,--message", o->comment, "The customer's comment")->option_text("TEXT");
  add_at(sub, o->at);
  sub.add_option("--from", o->from,
                 "Ratings from a file ('-': standard input), a row each: ticket, score, at, "
                 "comment (CSV with a header, or JSON Lines)")
      ->option_text("FILE")
      ->excludes(ids)
      ->excludes(score)
      ->excludes(message)
      ->excludes(o->at.option);
  return [o](Env& env) {
    return o->from.empty() ? rate_one_by_one(env, *o) : rate_from_file(env, *o);
  };
}

}  // namespace desk::cmd
