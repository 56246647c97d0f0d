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
#include "desk/tickets/time_worked.hpp"
#include "desk/util/fill.hpp"
#include "desk/util/lines.hpp"
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
  Format format = Format::table;
  bool full = false;  // the quoted history of mail too
};

// The fields that hold free text of several lines (a note's is "text").
const std::vector<std::string> kFreeText = {"description", "resolution", "workaround", "root_cause",
                                            "action",      "text",       "quoted"};

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

// The human layout of one ticket: its fields, its free texts and lists,
// then its history.
class TicketText {
 public:
  TicketText(Env& env, std::ostream& out, const Json& t)
      : env_(env), out_(out), t_(t), paint_(env.color && &out == &env.out) {}

  void fields() const {
    out_ << paint_(Tone::bold, fmt::format("Ticket {}: {}", t_["id"].get<std::int64_t>(),
                                           t_["title"].get<std::string>()))
         << '\n';
    const auto& levels = env_.config().priority.levels;
    line("status",
         text("status") +
             (t_["pending_reason"].is_null() ? "" : " (on " + text("pending_reason") + ")"),
         status_tone(t_["status"]));
    std::string axes;
    if (!t_["impact"].is_null() || !t_["urgency"].is_null())
      axes = fmt::format(" (impact {}, urgency {})", text("impact"), text("urgency"));
    line("priority", text("priority") + axes, priority_tone(t_["priority"], levels));
    for (const char* key : {"type", "customer", "channel", "category"}) line(key, text(key));
    if (!t_["service"].is_null()) line("service", text("service"));
    line("tags", text("tags"));
    line("assignee", text("assignee"));
    std::string team = text("team");
    if (!t_["team"].is_null()) team += fmt::format(" (tier {})", t_["tier"].get<int>());
    line("team", team);
    if (t_["escalation_level"].get<int>() > 0)
      line("escalated",
           fmt::format("{} time(s){}", t_["escalation_level"].get<int>(),
                       t_["flagged"].get<bool>() ? ", manager told" : ""),
           Tone::magenta);
    if (!t_["supplier"].is_null())
      line("supplier",
           text("supplier") + (t_["supplier_ref"].is_null() ? "" : " ref " + text("supplier_ref")));
    line("created", time("created_at"));
    line("updated", time("updated_at"));
    const std::pair<const char*, const char*> optional_times[] = {
        {"first reply", "first_response_at"}, {"resolved", "resolved_at"}, {"closed", "closed_at"}};
    for (const auto& [label, key] : optional_times)
      if (!t_[key].is_null()) line(label, time(key));
    if (!t_["resolution_code"].is_null()) line("resolution", text("resolution_code"), Tone::green);
    if (!t_["duplicate_of"].is_null()) line("duplicate of", "#" + text("duplicate_of"));
    if (!t_["external_id"].is_null()) line("external id", text("external_id"));
    if (t_.contains("worked_seconds") && t_["worked_seconds"].is_number_integer())
      line("time worked", tickets::worked_text(t_["worked_seconds"].get<std::int64_t>()));
  }

  void texts() const {
    paragraph("Description", t_["description"]);
    paragraph("Resolution", t_["resolution"]);
    paragraph("Workaround", t_["workaround"]);
    if (!t_["outcome"].is_null()) {
      line("outcome", text("outcome"), Tone::magenta);
      paragraph("Root cause", t_["root_cause"]);
      paragraph("Action taken", t_["action"]);
    }
  }

  void lists() const {
    list("Checklist", t_["checklist"], [](const Json& st) {
      return fmt::format(
          "{} {}. {}{}", st["done_at"].is_null() ? "[ ]" : "[x]", st["step"].get<int>(),
          st["text"].get<std::string>(),
          st["done_at"].is_null() ? "" : "  (" + st["done_by"].get<std::string>() + ")");
    });
    list("Satisfaction", t_["ratings"], [](const Json& r) {
      return fmt::format(
          "resolution {}: {} of 5{}", r["resolution"].get<int>(), r["score"].get<int>(),
          r["comment"].is_null() ? "" : " \"" + r["comment"].get<std::string>() + "\"");
    });
    list("Links", t_.value("links", Json::array()), [](const Json& l) {
      return fmt::format("{} #{}", l["kind"].get<std::string>(), l["ticket"].get<std::int64_t>());
    });
    list("Articles", t_["articles"], [](const Json& a) {
      return fmt::format("{:>4}  {} ({}, {}{})", a["id"].get<std::int64_t>(),
                         a["title"].get<std::string>(), a["kind"].get<std::string>(),
                         a["state"].get<std::string>(),
                         a["resolved_at"].is_null() ? "" : "; resolved it");
    });
  }

  void history(const Json& events, bool full) const {
    out_ << '\n' << paint_(Tone::bold, "History") << '\n';
    for (const auto& e : events) {
      std::string kind = e["kind"].get<std::string>();
      std::string detail = changes_text(e["changes"], kind == "logged");
      if (e.contains(model::Event::kWorkedKey) && e[model::Event::kWorkedKey].is_number_integer())
        detail += std::string(detail.empty() ? "" : ", ") + "worked " +
                  tickets::worked_text(e[model::Event::kWorkedKey].get<std::int64_t>());
      for (const char* extra :
           {"channel", "from", "link", "to", "escalation", "manager", "contact", "reason", "hook",
            "for", "why", "score", "article", "step", "item", "attachments", "not_kept", "machine"})
        if (e.contains(extra) && !e[extra].is_null())
          detail += (detail.empty() ? "" : ", ") + std::string(extra) + " " + value_text(e[extra]);
      std::string head = fmt::format("{:<10} {:<10}", e["actor"].get<std::string>(), kind);
      std::string entry = detail.empty() ? std::string(util::trim(head)) : head + "  " + detail;
      out_ << "  " << paint_(Tone::dim, format::cell_text(e["at"], format::Kind::time)) << "  "
           << entry << '\n';
      if (!e["text"].is_null())
        for (const auto& l : util::split(e["text"].get<std::string>(), '\n'))
          free_line(l, "      ");
      if (e.contains("quoted") && e["quoted"].is_string())
        quoted(e["quoted"].get_ref<const std::string&>(), full);
    }
  }

 private:
  std::string text(const char* key) const { return value_text(t_[key]); }
  std::string time(const char* key) const {
    return t_[key].is_null() ? std::string("(none)")
                             : format::cell_text(t_[key], format::Kind::time);
  }
  void line(const std::string& label, const std::string& value, Tone tone = Tone::plain) const {
    out_ << fmt::format("  {:<14}", label) << paint_(tone, value) << '\n';
  }

  // A line of free text, indented; on a terminal, a long one is filled to
  // its width (a pipe gets every line whole).
  void free_line(std::string_view l, const std::string& indent) const {
    if (env_.width > 0 && indent.size() + util::visible_width(l) > env_.width)
      out_ << util::fill(l, env_.width, indent, indent);
    else
      out_ << indent << l << '\n';
  }

  // A heading and its text, blank lines kept between paragraphs.
  void paragraph(const char* heading, const Json& v) const {
    if (v.is_null()) return;
    const std::string& text = v.get_ref<const std::string&>();  // lines_of's views point into it
    if (util::trim(text).empty()) return;
    out_ << '\n' << paint_(Tone::bold, heading) << '\n';
    for (std::string_view l : util::lines_of(text)) free_line(l, "  ");
  }

  // A heading and one line per item; nothing for no items.
  template <typename Line>
  void list(const char* heading, const Json& items, Line item_line) const {
    if (items.empty()) return;
    out_ << '\n' << paint_(Tone::bold, heading) << '\n';
    for (const auto& item : items) out_ << "  " << item_line(item) << '\n';
  }

  // The history a mail quoted: shown with --full, else only said to be there.
  void quoted(const std::string& history, bool full) const {
    auto lines = util::lines_of(history);
    if (!full) {
      out_ << "      "
           << paint_(Tone::dim, fmt::format("({} quoted line{} hidden: desk show --full)",
                                            lines.size(), lines.size() == 1 ? "" : "s"))
           << '\n';
      return;
    }
    for (std::string_view l : lines) out_ << "      " << paint_(Tone::dim, std::string(l)) << '\n';
  }

  Env& env_;
  std::ostream& out_;
  const Json& t_;
  Painter paint_;
};

void print_text(Env& env, std::ostream& out, const Json& t, const Json& events, bool full) {
  TicketText view(env, out, t);
  view.fields();
  view.texts();
  view.lists();
  view.history(events, full);
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
    Json worked;  // null until an entry of time worked
    for (const auto& e : store.ticket_events(id)) {
      if (e.worked() != 0)
        worked = (worked.is_null() ? 0 : worked.get<std::int64_t>()) + e.worked();
      Json ej = model::event_json(e, env.zone());
      if (!quoted) ej.erase("quoted");
      events.push_back(std::move(ej));
    }
    if (customer_names) name_customers(store, events);
    j["events"] = std::move(events);
    j["worked_seconds"] = std::move(worked);
    Json links = Json::array();
    for (const auto& l : store.links_of(id)) {
      bool out = l.ticket_id == id;
      links.push_back({{"kind", out ? util::name(l.kind) : model::inverse_name(l.kind)},
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
  bool tabular = o.format == Format::table || o.format == Format::csv || o.format == Format::tsv;
  // Machine formats leave the quoted history of mail out unless asked.
  bool quoted = o.full || o.format == Format::table || o.format == Format::text;
  std::vector<Json> tickets = ticket_views(env, ids, tabular, quoted);
  if (o.format == Format::json) {
    if (tickets.size() == 1)
      print_json(env, tickets[0]);
    else
      print_json(env, Json(tickets));
  } else if (o.format == Format::jsonl) {
    for (const auto& t : tickets)
      env.out << t.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (o.format == Format::csv || o.format == Format::tsv) {
    // The story as rows: one per event.
    auto writer = format::make_row_writer(o.format, env.out, env.style());
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
