#include "render.hpp"

#include <algorithm>
#include <cctype>
#include <ranges>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/fields.hpp"
#include "desk/util/strings.hpp"

namespace desk::cmd {

using format::Column;
using format::Json;
using format::Kind;
using format::Tone;

Tone priority_tone(const Json& v, const std::vector<std::string>& levels) {
  if (!v.is_string()) return Tone::plain;
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i] == v.get<std::string>()) {
      if (i == 0) return Tone::red;
      if (i == 1) return Tone::yellow;
      return Tone::plain;
    }
  return Tone::plain;
}

Tone status_tone(const Json& v) {
  if (!v.is_string()) return Tone::plain;
  auto s = util::parse<model::Status>(v.get<std::string>());
  if (!s) return Tone::plain;
  switch (*s) {
    case model::Status::new_:
      return Tone::cyan;
    case model::Status::pending:
      return Tone::yellow;
    case model::Status::resolved:
      return Tone::green;
    case model::Status::closed:
      return Tone::dim;
    case model::Status::assigned:
    case model::Status::in_progress:
      break;
  }
  return Tone::plain;
}

const std::vector<std::string>& default_list_columns() {
  static const std::vector<std::string> columns = {
      "id", "status", "priority", "type", "assignee", "team", "tier", "created_at", "title"};
  return columns;
}

std::vector<std::string> known_list_columns() {
  std::vector<std::string> names = {"sla_state", "sla_due", "sla_left_minutes", "sla_clock",
                                    "sla_policy"};
  for (const auto& f : model::ticket_fields()) {
    names.emplace_back(f.name);
    if (f.name == "customer_id") names.emplace_back("customer");
  }
  return names;
}

namespace {

// The display width of the widest of `words`: a list, or a map's keys.
template <typename Words>
std::size_t widest(const Words& words) {
  std::size_t w = 0;
  for (const auto& word : words) w = std::max(w, util::display_width(word));
  return w;
}

// How wide a column's values may be, where the configuration says: a long
// table settles its widths on its first rows (format/table.cpp).
std::size_t vocabulary_width(const config::Config& c, const std::string& name) {
  if (name == "status") return widest(util::names<model::Status>());
  if (name == "priority") return widest(c.priority.levels);
  if (name == "impact") return widest(c.priority.impact);
  if (name == "urgency") return widest(c.priority.urgency);
  if (name == "type") return widest(c.tickets.types);
  if (name == "channel") return widest(c.tickets.channels);
  if (name == "category") return widest(c.tickets.categories);
  if (name == "resolution_code") return widest(c.tickets.resolution_codes);
  if (name == "team") return widest(std::views::keys(c.teams));
  if (name == "assignee") return widest(std::views::keys(c.technicians));
  return 0;
}

}  // namespace

std::vector<Column> ticket_columns(const Env& env, const std::vector<std::string>& names) {
  std::vector<Column> out;
  std::vector<std::string> known = known_list_columns();
  for (const auto& name : names) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      auto near = util::closest(name, known);
      throw UsageError(fmt::format("unknown column {}", util::quoted(name)),
                       near ? fmt::format("did you mean {}?", util::quoted(*near))
                            : fmt::format("columns: {}", util::join(known, ", ")));
    }
    Column c;
    c.key = name;
    c.header = name;
    if (name.size() > 3 && name.substr(name.size() - 3) == "_at")
      c.header = name.substr(0, name.size() - 3);
    for (auto& ch : c.header)
      ch = ch == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const auto* f = model::find_field(name);
    if (f && f->kind == model::FieldKind::time) c.kind = Kind::time;
    if (f && f->kind == model::FieldKind::tags) c.kind = Kind::list;
    if (name == "id" || name == "tier" || name == "escalation_level" || name == "reopen_count")
      c.kind = Kind::number;
    if (name == "title" || name == "description" || name == "customer") c.flex = true;
    if (name == "sla_due") c.kind = Kind::time;
    if (name == "sla_left_minutes") {
      c.kind = Kind::minutes;
      c.header = "LEFT";
      c.tone = [](const Json& v) {
        return v.is_number() && v.get<std::int64_t>() < 0 ? Tone::red : Tone::plain;
      };
    }
    if (name == "sla_state") {
      c.header = "SLA";
      c.tone = [](const Json& v) {
        if (v == "breached") return Tone::red;
        if (v == "at-risk") return Tone::yellow;
        return Tone::plain;
      };
    }
    if (name == "sla_due") c.header = "DUE";
    if (name == "priority") {
      auto levels = env.config().priority.levels;
      c.tone = [levels](const Json& v) { return priority_tone(v, levels); };
    }
    if (name == "status") c.tone = status_tone;
    c.width = vocabulary_width(env.config(), name);
    out.push_back(std::move(c));
  }
  return out;
}

void print_json(Env& env, const Json& value) {
  env.out << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace desk::cmd
