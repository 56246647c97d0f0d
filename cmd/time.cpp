// desk time ID: the time worked on a ticket, entry by entry; with --add,
// more of it (or, negative, a correction) recorded on its own.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/rows.hpp"
#include "desk/model/serialize.hpp"
#include "desk/tickets/time_worked.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd {

namespace {

struct Options {
  std::string id;
  Text add, message, at;
  Format format = Format::table;
};

format::Json entry_json(const model::Event& e, const Zone& zone) {
  return {{"event", e.id},
          {"at", format_iso(e.at, zone)},
          {"actor", e.actor},
          {"kind", util::name(e.kind)},
          {"worked", tickets::worked_text(e.worked())},
          {"worked_seconds", e.worked()},
          {"text", e.text.empty() ? format::Json() : format::Json(e.text)}};
}

int add(Env& env, const Options& o, std::int64_t id) {
  tickets::TimeRequest r;
  r.seconds = tickets::parse_worked(o.add.value, "--add", true);
  r.text = o.message.value;
  r.at = event_at(env, o.at);
  auto e = write(env, [&](work::Session& s) { return tickets::add_time(s, id, r); });
  if (o.format == Format::json)
    print_json(env, model::event_json(e, env.zone()));
  else if (!env.globals.quiet)
    env.out << fmt::format("Recorded {} worked on ticket {}\n", tickets::worked_text(r.seconds),
                           id);
  return 0;
}

int list(Env& env, const Options& o, std::int64_t id) {
  auto session = env.session(store::Access::read);
  auto entries = tickets::time_entries(session, id);
  std::int64_t total = 0;
  for (const auto& e : entries) total += e.worked();
  Zone zone = env.zone();
  if (env.globals.quiet) {
    env.out << total << '\n';
    return 0;
  }
  if (o.format == Format::json) {
    format::Json all = format::Json::array();
    for (const auto& e : entries) all.push_back(entry_json(e, zone));
    print_json(env, {{"ticket", id},
                     {"worked", tickets::worked_text(total)},
                     {"worked_seconds", total},
                     {"entries", std::move(all)}});
    return 0;
  }
  std::vector<format::Column> columns = {{"at", "AT", format::Kind::time},
                                         {"actor", "BY"},
                                         {"kind", "KIND"},
                                         {"worked", "WORKED", format::Kind::number}};
  if (o.format != Format::table) columns.push_back({"worked_seconds", "SECONDS"});
  columns.push_back({"text", "TEXT", format::Kind::text, true});
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin(columns);
  for (const auto& e : entries) {
    format::Json row = entry_json(e, zone);
    // A table shows a note's first line; the other formats keep it whole.
    if (o.format == Format::table && row["text"].is_string())
      row["text"] = std::string(util::split(e.text, '\n').front());
    writer->row(row);
  }
  writer->end();
  if (o.format == Format::table)
    env.out << fmt::format("{} worked on ticket {} in {} entr{}\n", tickets::worked_text(total), id,
                           entries.size(), entries.size() == 1 ? "y" : "ies");
  return 0;
}

}  // namespace

Runner cmd_time(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "Ticket id")->required();
  add_text(sub, o->add, "--add",
           "Record this much time worked: 25m, 1h30m; -15m corrects an earlier entry")
      .option->option_text("DURATION");
  add_text(sub, o->message, "-m,--message", "What the time was spent on (with --add)")
      .option->option_text("TEXT");
  add_at(sub, o->at);
  add_format(sub, o->format);
  return [o](Env& env) {
    std::int64_t id = work::parse_ticket_id(o->id);
    if (!o->add.given()) {
      if (o->message.given() || o->at.given())
        throw UsageError("-m and --at go with --add", "give --add DURATION");
      return list(env, *o, id);
    }
    return add(env, *o, id);
  };
}

}  // namespace desk::cmd
