// desk mail receive | list | show | send | queue: the email channel. `receive` is what the
// mail server runs for each message to desk's address (an alias such as
// support: "|desk --config /etc/desk/desk.toml mail receive").
#include "desk/model/mail.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/mail/receive.hpp"
#include "desk/mail/send.hpp"
#include "desk/store/mail_store.hpp"
#include "desk/util/strings.hpp"

#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

using model::Json;

// EX_TEMPFAIL: the mail server keeps the message and delivers it again.
constexpr int kTryAgain = 75;
// How many busy timeouts `desk mail send` waits out to record an outcome.
constexpr int kSettleTries = 3;

struct Options {
  std::int64_t ticket = 0;
  bool comment = false;
  std::string team;
  std::string route;
  std::int64_t limit = 0;
  std::int64_t id = 0;
  bool raw = false;
  bool all = false;
  Format format = Format::table;
};

std::string read_message(std::istream& in) {
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw StoreError("cannot read the message from standard input");
  return bytes.str();
}

std::string what_happened(const mail::Receipt& r) {
  using model::MailRoute;
  if (!r.route)
    return r.message ? fmt::format("Already stored as message {}: nothing to do", r.message)
                     : std::string("Already stored: nothing to do");
  switch (*r.route) {
    case MailRoute::new_ticket:
      return fmt::format("Logged ticket {}", r.ticket);
    case MailRoute::follow_up:
      return fmt::format("Logged ticket {}, following up closed ticket {}", r.ticket, r.linked_to);
    case MailRoute::reopened:
      return fmt::format("Recorded on ticket {}, which it reopened", r.ticket);
    case MailRoute::comment:
      return fmt::format("Noted on ticket {}", r.ticket);
    case MailRoute::delivery_failed:
      return fmt::format("Recorded a delivery failure on ticket {}", r.ticket);
    case MailRoute::loop:
      return fmt::format("Kept message {}, desk's own mail come back", r.message);
    case MailRoute::quarantine:
      return fmt::format("Kept message {} in quarantine: {}", r.message, r.reason);
    case MailRoute::reply:
      break;
  }
  return fmt::format("Recorded on ticket {}", r.ticket);
}

Json receipt_json(const mail::Receipt& r) {
  Json events = Json::array();
  for (const auto& e : r.events) events.push_back(e.id);
  return {{"route", r.route ? Json(*r.route) : Json("duplicate")},
          {"ticket", r.ticket ? Json(r.ticket) : Json()},
          {"linked_to", r.linked_to ? Json(r.linked_to) : Json()},
          {"message", r.message ? Json(r.message) : Json()},
          {"reason", r.reason},
          {"machine", r.machine.empty() ? Json() : Json(r.machine)},
          {"not_kept", r.not_kept},
          {"problems", r.problems},
          {"events", std::move(events)}};
}

int run_receive(Env& env, const Options& o) {
  // Every failure is temporary for the mail server: a busy or read-only
  // store, a full disk, a bad configuration, a bug. Exit 75 makes it keep
  // the message and try again; no failure of desk's bounces a customer's mail.
  try {
    env.prepare();
    mail::ReceiveRequest r;
    r.raw = read_message(std::cin);
    if (o.ticket) r.ticket = o.ticket;
    r.comment = o.comment;
    r.team = o.team;
    auto receipt = write(env, [&](work::Session& s) { return mail::receive(s, r); });
    if (o.format == Format::json)
      print_json(env, receipt_json(receipt));
    else if (env.globals.quiet)
      env.out << (receipt.ticket ? std::to_string(receipt.ticket) + "\n" : "");
    else
      env.out << what_happened(receipt) << '\n';
    for (const auto& dropped : receipt.not_kept)
      env.warn(
          fmt::format("attachment {} was not kept: the message is over max_message_size", dropped));
    return 0;
  } catch (const Error& e) {
    print_error(env.err, e.what(), e.hint());
  } catch (const std::exception& e) {
    print_error(env.err, fmt::format("internal error: {}", e.what()),
                "this is a bug in desk; please report it");
  }
  env.err << "desk: the message was not stored; exit 75 has the mail server deliver it again\n";
  return kTryAgain;
}

Json message_json(const model::MailMessage& m, const Env& env) {
  Json attachments = Json::array();
  for (const auto& a : m.attachments)
    attachments.push_back(
        {{"name", a.name}, {"content_type", a.content_type}, {"size", a.size}, {"kept", a.kept}});
  return {{"id", m.id},
          {"message_id", m.message_id},
          {"at", format_iso(m.at, env.zone())},
          {"route", m.route},
          {"reason", m.reason},
          {"ticket", m.ticket_id ? Json(m.ticket_id) : Json()},
          {"event", m.event_id ? Json(m.event_id) : Json()},
          {"from", m.sender},
          {"subject", m.subject},
          {"size", m.size},
          {"sha256", m.sha256},
          {"attachments", std::move(attachments)}};
}

int run_list(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  std::optional<model::MailRoute> route;
  if (!o.route.empty()) {
    route = util::parse<model::MailRoute>(o.route);
    if (!route)
      throw UsageError(fmt::format("unknown route {}", util::quoted(o.route)),
                       "routes: " + util::join(util::names<model::MailRoute>(), ", "));
  }
  auto messages = session.store.mail().messages({route, o.ticket, o.limit});
  if (env.globals.quiet) {
    for (const auto& m : messages) env.out << m.id << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"id", "ID", format::Kind::number},
                 {"at", "RECEIVED", format::Kind::time},
                 {"route", "ROUTE"},
                 {"ticket", "TICKET", format::Kind::number},
                 {"from", "FROM"},
                 {"subject", "SUBJECT", format::Kind::text, true}});
  for (const auto& m : messages) writer->row(message_json(m, env));
  writer->end();
  return 0;
}

int run_show(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto m = session.store.mail().message(o.id);
  if (!m)
    throw Refused(fmt::format("no message {}", o.id), "'desk mail list' shows the messages kept");
  if (o.raw) {
    env.out << m->raw;
    return 0;
  }
  Json j = message_json(*m, env);
  if (o.format == Format::json) {
    print_json(env, j);
    return 0;
  }
  auto line = [&](const char* label, const std::string& value) {
    env.out << fmt::format("{:<12} {}\n", label, util::single_line(value));
  };
  line("message", fmt::format("{} <{}>", m->id, m->message_id));
  line("received", format::cell_text(j["at"], format::Kind::time));
  line("from", m->sender);
  line("subject", m->subject);
  std::string route(util::name(m->route));
  line("route", m->reason.empty() ? route : fmt::format("{} ({})", route, m->reason));
  if (m->ticket_id) line("ticket", std::to_string(m->ticket_id));
  line("size", fmt::format("{} bytes, sha256 {}", m->size, m->sha256));
  for (const auto& a : m->attachments)
    line("attachment", fmt::format("{} ({}, {} bytes{})", a.name, a.content_type, a.size,
                                   a.kept ? "" : ", not kept"));
  return 0;
}

// sendmail has taken (or refused) the message: the outcome must be recorded,
// or the claim stands until it is taken over and the message sent again. A
// busy store is waited for again rather than given up on.
void record_outcome(Env& env, model::OutboxMessage& m, const mail::Attempt& attempt) {
  for (int tries = 1;; ++tries) {
    try {
      write(env, [&](work::Session& s) { return mail::settle(s, m, attempt); });
      return;
    } catch (const StoreBusy&) {
      if (tries == kSettleTries) throw;
    }
  }
}

// Hands the due messages to sendmail one by one: each is claimed in one
// transaction just before it is handed over and settled in another just
// after (mail/send.hpp says why that sends each exactly once).
int run_send(Env& env) {
  int sent = 0, later = 0, failed = 0;
  while (auto m = write(env, [&](work::Session& s) { return mail::claim_next(s); })) {
    mail::Attempt attempt = mail::hand_over(env.config(), *m);
    record_outcome(env, *m, attempt);
    if (attempt.error.empty()) {
      ++sent;
      continue;
    }
    bool for_good = m->status == model::OutboxStatus::failed;
    (for_good ? failed : later)++;
    env.warn(fmt::format("message {} to {} not sent ({}): {}", m->id, m->recipient,
                         for_good ? "failed for good" : "will retry", attempt.error));
  }
  if (!env.globals.quiet) {
    env.out << fmt::format("Sent {} message{}", sent, sent == 1 ? "" : "s");
    if (later) env.out << fmt::format(", {} to retry", later);
    if (failed) env.out << fmt::format(", {} failed", failed);
    env.out << '\n';
  }
  return 0;
}

int run_queue(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  using model::OutboxStatus;
  std::vector<OutboxStatus> statuses;
  if (!o.all) statuses = {OutboxStatus::queued, OutboxStatus::sending, OutboxStatus::failed};
  auto outbox = session.store.mail().outbox(statuses);
  if (env.globals.quiet) {
    for (const auto& m : outbox) env.out << m.id << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"id", "ID", format::Kind::number},
                 {"ticket", "TICKET", format::Kind::number},
                 {"kind", "KIND"},
                 {"status", "STATUS"},
                 {"attempts", "TRIES", format::Kind::number},
                 {"next_attempt", "NEXT", format::Kind::time},
                 {"to", "TO"},
                 {"subject", "SUBJECT", format::Kind::text, true},
                 {"error", "LAST ERROR", format::Kind::text, true}});
  for (const auto& m : outbox) {
    bool waiting = m.status == model::OutboxStatus::queued;
    writer->row({{"id", m.id},
                 {"ticket", m.ticket_id},
                 {"kind", m.kind},
                 {"status", m.status},
                 {"attempts", m.attempts},
                 {"next_attempt", waiting ? Json(format_iso(m.next_attempt, env.zone())) : Json()},
                 {"sent_at", m.sent_at ? Json(format_iso(*m.sent_at, env.zone())) : Json()},
                 {"message_id", m.message_id},
                 {"to", m.recipient},
                 {"subject", m.subject},
                 {"error", m.last_error}});
  }
  writer->end();
  return 0;
}

}  // namespace

Runner cmd_mail(CLI::App& sub) {
  sub.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* receive = sub.add_subcommand(
      "receive", "Record one message from standard input (what the mail server runs)");
  add_int(*receive, "--ticket", o->ticket, "Record it on this ticket, whatever it says", 1,
          kMaxLimit)
      ->option_text("ID");
  receive->add_flag("--comment", o->comment,
                    "An internal note on the ticket, not the customer's words");
  receive->add_option("--team", o->team, "The team a new ticket goes to")->option_text("TEAM");
  add_format(*receive, o->format, {Format::text, Format::json});
  auto* list = sub.add_subcommand("list", "List the messages received, newest first");
  list->add_option("--route", o->route, "Only those that went this way (quarantine, loop, ...)")
      ->option_text("ROUTE");
  add_int(*list, "--ticket", o->ticket, "Only those on this ticket", 1, kMaxLimit)
      ->option_text("ID");
  add_int(*list, "-n,--limit", o->limit, "At most this many", 1, kMaxLimit)->option_text("N");
  add_format(*list, o->format);
  auto* show = sub.add_subcommand("show", "Show a message kept, or its raw bytes");
  add_int(*show, "id", o->id, "The message (as desk mail list numbers it)", 1, kMaxLimit)
      ->required();
  show->add_flag("--raw", o->raw, "The message exactly as it was received");
  add_format(*show, o->format, {Format::text, Format::json});
  auto* send = sub.add_subcommand("send", "Hand the mail that is due to sendmail (run from cron)");
  auto* queue = sub.add_subcommand("queue", "List desk's mail waiting to be sent, or failed");
  queue->add_flag("-a,--all", o->all, "The mail sent, too");
  add_format(*queue, o->format);
  for (auto* s : {receive, list, show, send, queue}) s->fallthrough();
  return [o, receive, list, show, send, queue](Env& env) {
    if (receive->parsed()) return run_receive(env, *o);
    env.prepare();
    if (list->parsed()) return run_list(env, *o);
    if (show->parsed()) return run_show(env, *o);
    if (send->parsed()) return run_send(env);
    if (queue->parsed()) return run_queue(env, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
