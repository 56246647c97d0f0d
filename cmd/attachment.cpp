// desk attachment list ID | get ID NAME: the files customers sent by mail.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/mail/attachments.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using model::Json;

struct Options {
  std::string id;
  std::string name;
  std::string output;
  Format format = Format::table;
};

Json attachment_json(const model::MailAttachment& a, const Env& env) {
  return {{"ticket", a.ticket_id},
          {"message", a.message},
          {"name", a.name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"kept", a.kept},
          {"at", format_iso(a.at, env.zone())}};
}

int run_list(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto attachments = mail::ticket_attachments(session, work::parse_ticket_id(o.id));
  if (env.globals.quiet) {
    for (const auto& a : attachments) env.out << a.name << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"name", "NAME", format::Kind::text, true},
                 {"content_type", "TYPE"},
                 {"size", "SIZE", format::Kind::number},
                 {"at", "RECEIVED", format::Kind::time},
                 {"message", "MESSAGE", format::Kind::number},
                 {"kept", "KEPT"}});
  for (const auto& a : attachments) writer->row(attachment_json(a, env));
  writer->end();
  return 0;
}

int run_get(Env& env, const Options& o) {
  auto session = env.session(store::Access::read);
  std::int64_t id = work::parse_ticket_id(o.id);
  // Bytes of a PDF or an image would drive a terminal: they go to a file or a pipe.
  if ((o.output.empty() || o.output == "-") && env.stdout_tty)
    throw UsageError("an attachment's bytes are not for a terminal",
                     fmt::format("write it to a file with -o FILE, or pipe it"));
  model::MailAttachment a = mail::attachment(session, id, o.name);
  write_output(env, o.output, a.content);
  if (!o.output.empty() && o.output != "-" && !env.globals.quiet)
    env.err << fmt::format("desk: wrote {} ({} bytes) to {}\n", a.name, a.size, o.output);
  return 0;
}

}  // namespace

Runner cmd_attachment(CLI::App& sub) {
  sub.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* list = sub.add_subcommand("list", "List the attachments of a ticket's mail");
  list->add_option("id", o->id, "Ticket id")->required();
  add_format(*list, o->format);
  auto* get = sub.add_subcommand("get", "Write an attachment's bytes to a file");
  get->add_option("id", o->id, "Ticket id")->required();
  get->add_option("name", o->name, "The attachment's name, as desk attachment list shows it")
      ->required();
  get->add_option("-o,--output", o->output, "Write to FILE atomically (default: standard output)")
      ->option_text("FILE");
  for (auto* s : {list, get}) s->fallthrough();
  return [o, list, get](Env& env) {
    if (list->parsed()) return run_list(env, *o);
    if (get->parsed()) return run_get(env, *o);
    return static_cast<int>(Exit::usage);
  };
}

}  // namespace desk::cmd
