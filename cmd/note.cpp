// desk note ID: a note, or with --reply a response to the customer.
#include <fmt/format.h>

#include "desk/mail/send.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/store.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/work/validate.hpp"

#include "batch.hpp"
#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string id;
  Text message, at;
  bool reply = false;
  bool no_mail = false;
  std::string channel, format;
};

int run(Env& env, const Options& o) {
  std::int64_t id = work::parse_ticket_id(o.id);
  tickets::NoteRequest r;
  r.reply = o.reply;
  r.channel = o.channel;
  r.at = event_at(env, o.at);
  r.text = long_text(
      env, o.message,
      fmt::format("{} on ticket {}.", o.reply ? "Your reply to the customer" : "Your note", id));
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  bool first = o.reply && !work::require_ticket(session, id).first_response_at;
  auto e = tickets::add_note(session, id, r);
  // A reply said by mail (or by no channel in particular) is queued for
  // the customer in the same transaction: recorded and mailed, or neither.
  mail::Queued queued;
  bool by_mail = r.channel.empty() || r.channel == "email";
  if (o.reply && !o.no_mail && by_mail && !session.config.mail.address.empty())
    queued = mail::queue_reply(session, e);
  tx.commit();
  after_commit(env, {e});
  if (!queued.not_mailed.empty())
    env.warn(fmt::format("the reply was recorded but not mailed: {}", queued.not_mailed));
  if (o.format == "json")
    print_json(env, model::event_json(e, env.zone()));
  else if (!env.globals.quiet)
    env.out << fmt::format("{} on ticket {}{}{}\n", o.reply ? "Replied" : "Noted", id,
                           first ? " (first response)" : "",
                           queued.id ? fmt::format(", mail to {} queued", queued.recipient) : "");
  return 0;
}

}  // namespace

Runner cmd_note(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "Ticket id")->required();
  add_text(sub, o->message, "-m,--message", "The text (default: standard input, else $EDITOR)")
      .option->option_text("TEXT");
  sub.add_flag("-r,--reply", o->reply, "A response to the customer, not an internal note");
  sub.add_flag("--no-mail", o->no_mail,
               "Record the reply without mailing it (it was said another way)");
  sub.add_option("--channel", o->channel, "How it was said (see [tickets].channels)")
      ->option_text("CHANNEL");
  add_at(sub, o->at);
  add_format(sub, o->format, {"text", "json"});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
