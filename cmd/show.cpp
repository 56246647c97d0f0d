// desk show ID...: every field and the whole timeline.
#include "show.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "desk/format/rows.hpp"
#include "desk/kb/actions.hpp"
#include "desk/kb/serialize.hpp"
#include "desk/model/serialize.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/fill.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "pager.hpp"
#include "registry.hpp"
#include "render.hpp"

namespace desk::cmd {

namespace {

using format::Json;
using format::Tone;

struct Options {
  std::vector<std::string> ids;
  std::string format;
  bool full = false;  // the quoted history of mail too
};

// The fields that hold free text of several lines (a note's is "text").
const std::vector<std::string> kFreeText = {"description", "resolution", "workaround", "root_cause",
                                            "action",      "text",       "quoted"};

// How a link reads from the other ticket's side.
std::string inverse_link(const std::string& kind) {
  if (kind == "caused-by") return "causes";
  if (kind == "duplicate-of") return "duplicated-by";
  if (kind == "parent-of") return "child-of";
  return kind;
}

// People read customers by name, not id: the text views show who, the JSON
// keeps the id.
void name_customers(store::Store& store, Json& events) {
  auto display = [&](const Json& id) -> Json {
    if (!id.is_number_integer()) return id;
    auto c = store.customer(id.get<std::int64_t>());
    return c ? Json(c->display()) : id;
  };
  for (auto& e : events) {
    if (!e["changes"].contains("customer_id")) continue;
    Json change = e["changes"]["customer_id"];
    e["changes"].erase("customer_id");
    e["changes"]["customer"] = {{"from", display(change["from"])}, {"to", display(change["to"])}};
  }
}

std::string value_text(const Json& v) {
  if (v.is_null()) return "(none)";
  if (v.is_array()) return v.empty() ? "(none)" : format::cell_text(v, format::Kind::list);
  return format::cell_text(v, format::Kind::text);
}

// "priority P3 → P1, assignee (none) → alice"
std::string changes_text(const Json& changes, bool initial) {
  std::vector<std::string> parts;
  for (const auto& [field, ft] : changes.items()) {
    if (field == "description" || field == "resolution" || field == "workaround") {
      if (!ft["to"].is_null()) parts.push_back(field + " set");
      continue;
    }
    if (initial) {
      if (!ft["to"].is_null() && !(ft["to"].is_array() && ft["to"].empty()))
        parts.push_back(fmt::format("{} {}", field, value_text(ft["to"])));
    } else {
      parts.push_back(
          fmt::format("{} {} → {}", field, value_text(ft["from"]), value_text(ft["to"])));
    }
  }
  return util::join(parts, ", ");
}

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(Tone t, const std::string& s) const {
    if (!on_ || t == Tone::plain) return s;
    return std::string(format::tone_on(t)) + s + std::string(format::kToneOff);
  }

 private:
  bool on_;
};

void print_text(Env& env, std::ostream& out, const Json& t, const Json& events, bool full) {
  Painter paint(env.color && &out == &env.out);
  out << paint(Tone::bold, fmt::format("Ticket {}: {}", t["id"].get<std::int64_t>(),
                                       t["title"].get<std::string>()))
      << '\n';
  auto line = [&](const std::string& label, const std::string& value, Tone tone = Tone::plain) {
    out << fmt::format("  {:<14}", label) << paint(tone, value) << '\n';
  };
  auto text = [&](const char* key) { return value_text(t[key]); };
  auto time = [&](const char* key) {
    return t[key].is_null() ? std::string("(none)") : format::cell_text(t[key], format::Kind::time);
  };
  auto levels = env.config().priority.levels;
  line("status",
       text("status") +
           (t["pending_reason"].is_null() ? "" : " (on " + text("pending_reason") + ")"),
       status_tone(t["status"]));
  std::string axes;
  if (!t["impact"].is_null() || !t["urgency"].is_null())
    axes = fmt::format(" (impact {}, urgency {})", text("impact"), text("urgency"));
  line("priority", text("priority") + axes, priority_tone(t["priority"], levels));
  line("type", text("type"));
  line("customer", text("customer"));
  line("channel", text("channel"));
  line("category", text("category"));
  if (!t["service"].is_null()) line("service", text("service"));
  line("tags", text("tags"));
  line("assignee", text("assignee"));
  std::string team = text("team");
  if (!t["team"].is_null()) team += fmt::format(" (tier {})", t["tier"].get<int>());
  line("team", team);
  if (t["escalation_level"].get<int>() > 0)
    line("escalated",
         fmt::format("{} time(s){}", t["escalation_level"].get<int>(),
                     t["flagged"].get<bool>() ? ", manager told" : ""),
         Tone::magenta);
  if (!t["supplier"].is_null())
    line("supplier",
         text("supplier") + (t["supplier_ref"].is_null() ? "" : " ref " + text("supplier_ref")));
  line("created", time("created_at"));
  line("updated", time("updated_at"));
  if (!t["first_response_at"].is_null()) line("first reply", time("first_response_at"));
  if (!t["resolved_at"].is_null()) line("resolved", time("resolved_at"));
  if (!t["closed_at"].is_null()) line("closed", time("closed_at"));
  if (!t["resolution_code"].is_null()) line("resolution", text("resolution_code"), Tone::green);
  if (!t["duplicate_of"].is_null()) line("duplicate of", "#" + text("duplicate_of"));
  if (!t["external_id"].is_null()) line("external id", text("external_id"));

  // A line of free text, indented; on a terminal, a long one is filled to
  // its width (a pipe gets every line whole).
  auto free_line = [&](std::string_view l, const std::string& indent) {
    if (env.width > 0 && indent.size() + util::visible_width(l) > env.width)
      out << util::fill(l, env.width, indent, indent);
    else
      out << indent << l << '\n';
  };
  // split() drops blank lines; keep paragraphs readable by splitting by hand.
  auto paragraph = [&](const char* heading, const Json& v) {
    if (v.is_null()) return;
    std::string s = v.get<std::string>();
    if (util::trim(s).empty()) return;
    out << '\n' << paint(Tone::bold, heading) << '\n';
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      free_line(std::string_view(s).substr(start, end - start), "  ");
      start = end + 1;
    }
  };
  paragraph("Description", t["description"]);
  paragraph("Resolution", t["resolution"]);
  paragraph("Workaround", t["workaround"]);
  if (!t["outcome"].is_null()) {
    line("outcome", text("outcome"), Tone::magenta);
    paragraph("Root cause", t["root_cause"]);
    paragraph("Action taken", t["action"]);
  }
  if (!t["checklist"].empty()) {
    out << '\n' << paint(Tone::bold, "Checklist") << '\n';
    for (const auto& st : t["checklist"])
      out << fmt::format(
          "  {} {}. {}{}\n", st["done_at"].is_null() ? "[ ]" : "[x]", st["step"].get<int>(),
          st["text"].get<std::string>(),
          st["done_at"].is_null() ? "" : "  (" + st["done_by"].get<std::string>() + ")");
  }
  if (!t["ratings"].empty()) {
    out << '\n' << paint(Tone::bold, "Satisfaction") << '\n';
    for (const auto& r : t["ratings"])
      out << fmt::format(
          "  resolution {}: {} of 5{}\n", r["resolution"].get<int>(), r["score"].get<int>(),
          r["comment"].is_null() ? "" : " \"" + r["comment"].get<std::string>() + "\"");
  }

  if (t.contains("links") && !t["links"].empty()) {
    out << '\n' << paint(Tone::bold, "Links") << '\n';
    for (const auto& l : t["links"])
      out << fmt::format("  {} #{}\n", l["kind"].get<std::string>(),
                         l["ticket"].get<std::int64_t>());
  }

  if (!t["articles"].empty()) out << '\n' << paint(Tone::bold, "Articles") << '\n';
  for (const auto& a : t["articles"])
    out << fmt::format("  {:>4}  {} ({}, {}{})\n", a["id"].get<std::int64_t>(),
                       a["title"].get<std::string>(), a["kind"].get<std::string>(),
                       a["state"].get<std::string>(),
                       a["resolved_at"].is_null() ? "" : "; resolved it");

  out << '\n' << paint(Tone::bold, "History") << '\n';
  for (const auto& e : events) {
    std::string kind = e["kind"].get<std::string>();
    std::string detail = changes_text(e["changes"], kind == "logged");
    for (const char* extra :
         {"channel", "from", "link", "to", "escalation", "manager", "contact", "reason", "hook",
          "for", "why", "score", "article", "step", "item", "attachments", "not_kept", "machine"})
      if (e.contains(extra) && !e[extra].is_null())
        detail += (detail.empty() ? "" : ", ") + std::string(extra) + " " + value_text(e[extra]);
    std::string head = fmt::format("{:<10} {:<10}", e["actor"].get<std::string>(), kind);
    std::string entry = detail.empty() ? std::string(util::trim(head)) : head + "  " + detail;
    out << "  " << paint(Tone::dim, format::cell_text(e["at"], format::Kind::time)) << "  " << entry
        << '\n';
    if (!e["text"].is_null())
      for (const auto& l : util::split(e["text"].get<std::string>(), '\n')) free_line(l, "      ");
    // The history a mail quoted: shown with --full, else only said to be there.
    if (e.contains("quoted") && e["quoted"].is_string()) {
      std::string quoted = e["quoted"].get<std::string>();
      std::size_t lines = std::count(quoted.begin(), quoted.end(), '\n') + 1;
      if (!full) {
        out << "      "
            << paint(Tone::dim, fmt::format("({} quoted line{} hidden: desk show --full)", lines,
                                            lines == 1 ? "" : "s"))
            << '\n';
      } else {
        std::size_t start = 0;
        while (start <= quoted.size()) {
          std::size_t end = std::min(quoted.find('\n', start), quoted.size());
          out << "      " << paint(Tone::dim, quoted.substr(start, end - start)) << '\n';
          start = end + 1;
        }
      }
    }
  }
}

std::vector<format::Column> event_columns() {
  using format::Kind;
  return {{"ticket", "TICKET", Kind::number},
          {"id", "ID", Kind::number},
          {"at", "AT", Kind::time},
          {"actor", "ACTOR"},
          {"kind", "KIND"},
          {"summary", "CHANGES"},
          {"text", "TEXT", Kind::text, true}};
}

}  // namespace

std::vector<Json> ticket_views(Env& env, const std::vector<std::int64_t>& ids, bool customer_names,
                               bool quoted) {
  auto& store = env.store(store::Access::read);
  auto session = env.session(store::Access::read);
  std::vector<Json> tickets;
  for (auto id : ids) {
    model::Ticket t = work::require_ticket(session, id);
    Json j = model::ticket_json(t, env.zone());
    Json events = Json::array();
    for (const auto& e : store.ticket_events(id)) {
      Json ej = model::event_json(e, env.zone());
      if (!quoted) ej.erase("quoted");
      events.push_back(std::move(ej));
    }
    if (customer_names) name_customers(store, events);
    j["events"] = std::move(events);
    Json links = Json::array();
    for (const auto& l : store.links_of(id)) {
      bool out = l.ticket_id == id;
      links.push_back({{"kind", out ? l.kind : inverse_link(l.kind)},
                       {"ticket", out ? l.other_id : l.ticket_id}});
    }
    j["links"] = std::move(links);
    Json articles = Json::array();
    for (const auto& l : kb::articles_for_ticket(session, id))
      articles.push_back(kb::ticket_article_json(l, env.zone()));
    j["articles"] = std::move(articles);
    Json steps = Json::array();
    for (const auto& st : store.catalog().ticket_steps(id))
      steps.push_back({{"step", st.number},
                       {"text", st.text},
                       {"done_at", st.done_at ? Json(format_iso(*st.done_at, env.zone())) : Json()},
                       {"done_by", st.done_by.empty() ? Json() : Json(st.done_by)}});
    j["checklist"] = std::move(steps);
    Json ratings = Json::array();
    for (const auto& r : store.ratings().of_ticket(id))
      ratings.push_back({{"resolution", r.resolution},
                         {"score", r.score},
                         {"comment", r.comment.empty() ? Json() : Json(r.comment)},
                         {"at", format_iso(r.at, env.zone())},
                         {"resolver", r.resolver.empty() ? Json() : Json(r.resolver)}});
    j["ratings"] = std::move(ratings);
    tickets.push_back(std::move(j));
  }
  return tickets;
}

void print_ticket_text(Env& env, std::ostream& out, const Json& ticket, bool full) {
  // Whatever a ticket holds, no escape sequence reaches the terminal.
  Json t = format::terminal_safe(ticket, kFreeText);
  print_text(env, out, t, t["events"], full);
}

namespace {

int run(Env& env, const Options& o) {
  start_pager(env);
  auto ids = collect_ids(env, o.ids);
  bool tabular = o.format == "table" || o.format == "csv" || o.format == "tsv";
  // Machine formats leave the quoted history of mail out unless asked.
  bool quoted = o.full || o.format == "table" || o.format == "text";
  std::vector<Json> tickets = ticket_views(env, ids, tabular, quoted);
  if (o.format == "json") {
    if (tickets.size() == 1)
      print_json(env, tickets[0]);
    else
      print_json(env, Json(tickets));
  } else if (o.format == "jsonl") {
    for (const auto& t : tickets)
      env.out << t.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (o.format == "csv" || o.format == "tsv") {
    // The story as rows: one per event.
    auto writer = format::make_row_writer(chosen_format(o.format), env.out, env.style());
    writer->begin(event_columns());
    for (const auto& t : tickets)
      for (auto e : t["events"]) {
        e["summary"] = changes_text(e["changes"], e["kind"] == "logged");
        writer->row(e);
      }
    writer->end();
  } else {
    for (std::size_t i = 0; i < tickets.size(); ++i) {
      if (i) env.out << '\n';
      print_ticket_text(env, env.out, tickets[i], o.full);
    }
  }
  return 0;
}

}  // namespace

Runner cmd_show(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->ids, "Ticket ids ('-' reads them from standard input)")->required();
  add_format(sub, o->format);
  sub.add_flag("--full", o->full, "Show the history each mail quoted, too (hidden by default)");
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
