// desk note ID...: a note, or with --reply a response to the customer.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/mail/send.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  Text message, at;
  bool reply = false;
  bool no_mail = false;
  std::string channel;
  Format format = Format::table;
};

int run(Env& env, const Options& o) {
  bool ids_on_stdin = std::find(o.ids.begin(), o.ids.end(), "-") != o.ids.end();
  if (ids_on_stdin && !o.message.given())
    throw UsageError("the ids come on standard input, so the text cannot",
                     "give the text with -m TEXT");
  auto ids = collect_ids(env, o.ids);
  tickets::NoteRequest r;
  r.reply = o.reply;
  r.channel = o.channel;
  r.at = event_at(env, o.at);
  std::string on =
      ids.size() == 1 ? fmt::format("ticket {}", ids[0]) : fmt::format("{} tickets", ids.size());
  r.text =
      long_text(env, o.message,
                fmt::format("{} on {}.", o.reply ? "Your reply to the customer" : "Your note", on));
  std::vector<std::int64_t> firsts;             // tickets this reply is the first response of
  std::map<std::int64_t, mail::Queued> queued;  // the mail each reply queued
  bool by_mail = r.channel.empty() || r.channel == "email";
  auto events = change_tickets(env, ids, [&](work::Session& s, std::int64_t id) {
    if (o.reply && !work::require_ticket(s, id).first_response_at) firsts.push_back(id);
    auto e = tickets::add_note(s, id, r);
    // A reply said by mail (or by no channel in particular) is queued for
    // the customer in the same transaction: recorded and mailed, or neither.
    if (o.reply && !o.no_mail && by_mail && !s.config.mail.address.empty())
      queued[id] = mail::queue_reply(s, e);
    return std::vector<model::Event>{e};
  });
  for (const auto& [id, q] : queued)
    if (!q.not_mailed.empty())
      env.warn(ids.size() == 1
                   ? fmt::format("the reply was recorded but not mailed: {}", q.not_mailed)
                   : fmt::format("the reply on ticket {} was recorded but not mailed: {}", id,
                                 q.not_mailed));
  if (o.format == Format::json) {
    model::Json out = model::Json::array();
    for (const auto& e : events) out.push_back(model::event_json(e, env.zone()));
    print_json(env, events.size() == 1 ? out[0] : out);
  } else if (!env.globals.quiet) {
    for (const auto& e : events) {
      bool first = std::find(firsts.begin(), firsts.end(), e.ticket_id) != firsts.end();
      auto q = queued.find(e.ticket_id);
      env.out << fmt::format("{} on ticket {}{}{}\n", o.reply ? "Replied" : "Noted", e.ticket_id,
                             first ? " (first response)" : "",
                             q != queued.end() && q->second.id
                                 ? fmt::format(", mail to {} queued", q->second.recipient)
                                 : "");
    }
  }
  return 0;
}

}  // namespace

Runner cmd_note(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input, with -m)")
      ->required();
  add_text(sub, o->message, "-m,--message", "The text (default: standard input, else $EDITOR)")
      .option->option_text("TEXT");
  sub.add_flag("-r,--reply", o->reply, "A response to the customer, not an internal note");
  sub.add_flag("--no-mail", o->no_mail,
               "Record the reply without mailing it (it was said another way)");
  sub.add_option("--channel", o->channel, "How it was said (see [tickets].channels)")
      ->option_text("CHANNEL");
  add_at(sub, o->at);
  add_format(sub, o->format, {Format::text, Format::json});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
