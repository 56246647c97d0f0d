#include "desk/model/fields.hpp"

#include <variant>

#include "desk/core/error.hpp"
#include "desk/model/timeline.hpp"

namespace desk::model {

namespace {

using Member = std::variant<std::string Ticket::*, Status Ticket::*,
                            std::optional<PendingReason> Ticket::*, std::int64_t Ticket::*,
                            int Ticket::*, bool Ticket::*, std::vector<std::string> Ticket::*,
                            Instant Ticket::*, std::optional<Instant> Ticket::*>;

struct Field {
  FieldDef def;
  Member member;
};

const std::vector<Field>& table() {
  static const std::vector<Field> fields = {
      {{"id", FieldKind::integer, false}, &Ticket::id},
      {{"external_id", FieldKind::text, false}, &Ticket::external_id},
      {{"type", FieldKind::text, true}, &Ticket::type},
      {{"title", FieldKind::text, true}, &Ticket::title},
      {{"description", FieldKind::text, true}, &Ticket::description},
      {{"status", FieldKind::text, false}, &Ticket::status},
      {{"pending_reason", FieldKind::text, false}, &Ticket::pending_reason},
      {{"priority", FieldKind::text, true}, &Ticket::priority},
      {{"impact", FieldKind::text, true}, &Ticket::impact},
      {{"urgency", FieldKind::text, true}, &Ticket::urgency},
      {{"customer_id", FieldKind::integer, true}, &Ticket::customer_id},
      {{"channel", FieldKind::text, true}, &Ticket::channel},
      {{"category", FieldKind::text, true}, &Ticket::category},
      {{"service", FieldKind::text, true}, &Ticket::service},
      {{"tags", FieldKind::tags, true}, &Ticket::tags},
      {{"assignee", FieldKind::text, false}, &Ticket::assignee},
      {{"team", FieldKind::text, false}, &Ticket::team},
      {{"tier", FieldKind::integer, false}, &Ticket::tier},
      {{"escalation_level", FieldKind::integer, false}, &Ticket::escalation_level},
      {{"supplier", FieldKind::text, false}, &Ticket::supplier},
      {{"supplier_ref", FieldKind::text, false}, &Ticket::supplier_ref},
      {{"flagged", FieldKind::boolean, false}, &Ticket::flagged},
      {{"resolution_code", FieldKind::text, false}, &Ticket::resolution_code},
      {{"resolution", FieldKind::text, false}, &Ticket::resolution},
      {{"workaround", FieldKind::text, false}, &Ticket::workaround},
      {{"service_sla", FieldKind::text, false}, &Ticket::service_sla},
      {{"outcome", FieldKind::text, false}, &Ticket::outcome},
      {{"root_cause", FieldKind::text, false}, &Ticket::root_cause},
      {{"action", FieldKind::text, false}, &Ticket::action},
      {{"duplicate_of", FieldKind::integer, false}, &Ticket::duplicate_of},
      {{"reopen_count", FieldKind::integer, false}, &Ticket::reopen_count},
      {{"created_at", FieldKind::time, false}, &Ticket::created_at},
      {{"updated_at", FieldKind::time, false}, &Ticket::updated_at},
      {{"first_response_at", FieldKind::time, false}, &Ticket::first_response_at},
      {{"resolved_at", FieldKind::time, false}, &Ticket::resolved_at},
      {{"closed_at", FieldKind::time, false}, &Ticket::closed_at},
  };
  return fields;
}

const Field* lookup(std::string_view name) {
  for (const auto& f : table())
    if (f.def.name == name) return &f;
  return nullptr;
}

const Field& require(std::string_view name) {
  if (const Field* f = lookup(name)) return *f;
  throw Error(Exit::software, "unknown ticket field '" + std::string(name) + "'");
}

}  // namespace

const std::vector<FieldDef>& ticket_fields() {
  static const std::vector<FieldDef> defs = [] {
    std::vector<FieldDef> out;
    for (const auto& f : table()) out.push_back(f.def);
    return out;
  }();
  return defs;
}

const FieldDef* find_field(std::string_view name) {
  const Field* f = lookup(name);
  return f ? &f->def : nullptr;
}

namespace {

FieldView view(const Ticket& t, const Field& f) {
  return std::visit(
      [&](auto member) {
        const auto& v = t.*member;
        using V = std::decay_t<decltype(v)>;
        using K = FieldView::Kind;
        FieldView out;
        if constexpr (std::is_same_v<V, std::string>) {
          if (!v.empty()) out = {K::text, v};
        } else if constexpr (std::is_same_v<V, Status>) {
          out = {K::text, util::name(v)};
        } else if constexpr (std::is_same_v<V, std::optional<PendingReason>>) {
          if (v) out = {K::text, util::name(*v)};
        } else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, int>) {
          // Ids and references of 0 mean "none"; counts and tiers are numbers.
          std::string_view name = f.def.name;
          bool reference = name == "customer_id" || name == "duplicate_of" || name == "tier";
          if (!reference || v != 0) out = {K::integer, {}, v};
        } else if constexpr (std::is_same_v<V, bool>) {
          out = {K::boolean, {}, v ? 1 : 0};
        } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
          out = {K::tags, {}, 0, &v};
        } else if constexpr (std::is_same_v<V, Instant>) {
          out = {K::time, {}, to_unix(v)};
        } else {
          if (v) out = {K::time, {}, to_unix(*v)};
        }
        return out;
      },
      f.member);
}

}  // namespace

FieldView view_field(const Ticket& t, std::size_t index) {
  return view(t, table().at(index));
}

Json get_field(const Ticket& t, std::string_view name) {
  FieldView v = view(t, require(name));
  switch (v.kind) {
    case FieldView::Kind::text:
      return Json(v.text);
    case FieldView::Kind::integer:
    case FieldView::Kind::time:
      return Json(v.number);
    case FieldView::Kind::boolean:
      return Json(v.number != 0);
    case FieldView::Kind::tags:
      return Json(*v.tags);
    case FieldView::Kind::null:
      break;
  }
  return Json();
}

void set_field(Ticket& t, std::string_view name, const Json& value) {
  std::visit(
      [&](auto member) {
        auto& v = t.*member;
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) {
          v = value.is_string() ? value.get<std::string>() : std::string();
        } else if constexpr (std::is_same_v<V, Status>) {
          // Events are desk's own writing: a status it does not know means
          // the history was altered outside desk.
          auto status =
              value.is_string() ? util::parse<Status>(value.get<std::string>()) : std::nullopt;
          if (!status) throw DataError("unknown status " + value.dump() + " in a ticket's history");
          v = *status;
        } else if constexpr (std::is_same_v<V, std::optional<PendingReason>>) {
          // null (or "", as histories written before said) when not pending.
          std::string word = value.is_string() ? value.get<std::string>() : std::string();
          v = util::parse<PendingReason>(word);
          if (!word.empty() && !v)
            throw DataError("unknown pending reason " + value.dump() + " in a ticket's history");
        } else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, int>) {
          v = value.is_number_integer() ? value.get<V>() : V{0};
        } else if constexpr (std::is_same_v<V, bool>) {
          v = value.is_boolean() && value.get<bool>();
        } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
          v = value.is_array() ? value.get<std::vector<std::string>>() : std::vector<std::string>{};
        } else if constexpr (std::is_same_v<V, Instant>) {
          v = value.is_number_integer() ? from_unix(value.get<std::int64_t>()) : Instant{};
        } else {
          v = value.is_number_integer()
                  ? std::optional<Instant>(from_unix(value.get<std::int64_t>()))
                  : std::nullopt;
        }
      },
      require(name).member);
}

void apply(Ticket& t, const Event& e) {
  for (const auto& c : e.changes) set_field(t, c.field, c.to);
  append_mark(t.timeline, e);

  if (e.kind == model::EventKind::logged) {
    t.id = e.ticket_id;
    t.created_at = e.at;
  }
  if (e.at > t.updated_at) t.updated_at = e.at;
  if (e.kind == model::EventKind::reply && (!t.first_response_at || e.at < *t.first_response_at))
    t.first_response_at = e.at;
  if (e.kind == model::EventKind::resolved) t.resolved_at = e.at;
  if (e.kind == model::EventKind::closed) t.closed_at = e.at;
  if (e.kind == model::EventKind::reopened) {
    t.resolved_at.reset();
    t.closed_at.reset();
    ++t.reopen_count;
  }
}

Ticket replay(const std::vector<Event>& events) {
  Ticket t;
  for (const auto& e : events) apply(t, e);
  return t;
}

}  // namespace desk::model
