// desk resolve ID... --code CODE -m RESOLUTION [--workaround TEXT] [--duplicate-of ID]
#include <fmt/format.h>

#include "desk/kb/actions.hpp"
#include "desk/mail/send.hpp"
#include "desk/tickets/lifecycle.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  std::string code, workaround, duplicate_of, article, outcome, root_cause, action;
  Text message, at;
};

int run(Env& env, const Options& o) {
  auto ids = collect_ids(env, o.ids);
  tickets::ResolveRequest r;
  r.code = o.code;
  r.workaround = o.workaround;
  r.outcome = o.outcome;
  r.root_cause = o.root_cause;
  r.action = o.action;
  if (!o.duplicate_of.empty()) r.duplicate_of = work::parse_ticket_id(o.duplicate_of);
  r.resolution = long_text(env, o.message, "What resolved it: the fix, or the answer given.");
  r.at = event_at(env, o.at);
  if (!o.article.empty()) r.article = work::parse_ticket_id(o.article);
  change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    auto events = tickets::resolve(s, id, r);
    // In the same transaction: an unknown article undoes the resolve too.
    if (r.article) kb::record_resolution(s, r.article, id, events.front().at);
    // The customer's notice, when [mail.templates] has one: queued with it.
    mail::queue_notice(s, id, "resolved");
    return events;
  });
  report_each(env, ids, "Resolved");
  return 0;
}

}  // namespace

Runner cmd_resolve(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  sub.add_option("--code", o->code, "Resolution code (see [tickets].resolution_codes)")
      ->option_text("CODE");
  add_text(sub, o->message, "-m,--message",
           "The resolution (default: standard input, else $EDITOR)")
      .option->option_text("TEXT");
  sub.add_option("--workaround", o->workaround, "A temporary solution, kept as its own field")
      ->option_text("TEXT");
  sub.add_option("--duplicate-of", o->duplicate_of,
                 "The ticket this one duplicates (code: duplicate)")
      ->option_text("ID");
  sub.add_option("--kb", o->article, "The knowledge-base article that resolved it")
      ->option_text("ARTICLE");
  sub.add_option("--outcome", o->outcome,
                 "Complaints: upheld, partly-upheld or not-upheld (required for complaints)")
      ->option_text("OUTCOME");
  sub.add_option("--root-cause", o->root_cause, "Complaints: why it happened (required)")
      ->option_text("TEXT");
  sub.add_option("--action", o->action, "Complaints: the action taken (required)")
      ->option_text("TEXT");
  add_at(sub, o->at);

  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
