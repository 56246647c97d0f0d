// Tickets and their tags.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sql/query_sql.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

const char* const kTicketColumns =
    "t.id, t.external_id, t.type, t.title, t.description, t.status, t.pending_reason, "
    "t.priority, t.impact, t.urgency, t.customer_id, t.channel, t.category, t.service, "
    "t.assignee, t.team, t.tier, t.escalation_level, t.supplier, t.supplier_ref, t.flagged, "
    "t.resolution_code, t.resolution, t.workaround, t.duplicate_of, t.reopen_count, "
    "t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.timeline, "
    "t.service_sla, t.outcome, t.root_cause, t.action, "
    "c.name, c.email, c.tier, "
    "(SELECT group_concat(g.tag, ',') FROM ticket_tags g WHERE g.ticket_id = t.id)";

namespace {

const std::string& find_ticket_sql() {
  static const std::string sql = fmt::format(
      "SELECT {} FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
      kTicketColumns);
  return sql;
}

constexpr const char* kFindByExternal = "SELECT id FROM tickets WHERE external_id = ?";

constexpr const char* kInsertTicket =
    "INSERT INTO tickets (id, external_id, type, title, description, status, pending_reason, "
    "priority, impact, urgency, customer_id, channel, category, service, assignee, team, tier, "
    "escalation_level, supplier, supplier_ref, flagged, resolution_code, resolution, workaround, "
    "duplicate_of, reopen_count, created_at, updated_at, first_response_at, resolved_at, "
    "closed_at, timeline, service_sla, outcome, root_cause, action) "
    "VALUES (coalesce(?1, " DESK_NEXT_ID("tickets") "), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36) RETURNING id";

constexpr const char* kUpdateTicket =
    "UPDATE tickets SET external_id = ?2, type = ?3, title = ?4, description = ?5, status = ?6, "
    "pending_reason = ?7, priority = ?8, impact = ?9, urgency = ?10, customer_id = ?11, "
    "channel = ?12, category = ?13, service = ?14, assignee = ?15, team = ?16, tier = ?17, "
    "escalation_level = ?18, supplier = ?19, supplier_ref = ?20, flagged = ?21, "
    "resolution_code = ?22, resolution = ?23, workaround = ?24, duplicate_of = ?25, "
    "reopen_count = ?26, created_at = ?27, updated_at = ?28, first_response_at = ?29, "
    "resolved_at = ?30, closed_at = ?31, timeline = ?32, service_sla = ?33, outcome = ?34, "
    "root_cause = ?35, action = ?36 WHERE id = ?1";

constexpr const char* kDeleteTags = "DELETE FROM ticket_tags WHERE ticket_id = ?";
constexpr const char* kInsertTag =
    "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING";

void bind_text_or_null(sql::Statement& st, int i, const std::string& v) {
  if (v.empty())
    st.bind_null(i);
  else
    st.bind(i, v);
}

void bind_id_or_null(sql::Statement& st, int i, std::int64_t v) {
  if (v == 0)
    st.bind_null(i);
  else
    st.bind(i, v);
}

// Binds columns 1..36 in kInsertTicket / kUpdateTicket order.
void bind_ticket(sql::Statement& st, const Ticket& t) {
  if (t.id == 0)
    st.bind_null(1);
  else
    st.bind(1, static_cast<int64_t>(t.id));
  bind_text_or_null(st, 2, t.external_id);
  st.bind(3, t.type);
  st.bind(4, t.title);
  st.bind(5, t.description);
  st.bind(6, stored_name(t.status));
  st.bind(7, stored_name(t.pending_reason));
  st.bind(8, t.priority);
  st.bind(9, t.impact);
  st.bind(10, t.urgency);
  bind_id_or_null(st, 11, t.customer_id);
  st.bind(12, t.channel);
  st.bind(13, t.category);
  st.bind(14, t.service);
  st.bind(15, t.assignee);
  st.bind(16, t.team);
  st.bind(17, t.tier);
  st.bind(18, t.escalation_level);
  st.bind(19, t.supplier);
  st.bind(20, t.supplier_ref);
  st.bind(21, t.flagged ? 1 : 0);
  st.bind(22, t.resolution_code);
  st.bind(23, t.resolution);
  st.bind(24, t.workaround);
  bind_id_or_null(st, 25, t.duplicate_of);
  st.bind(26, t.reopen_count);
  st.bind(27, static_cast<int64_t>(to_unix(t.created_at)));
  st.bind(28, static_cast<int64_t>(to_unix(t.updated_at)));
  bind_time(st, 29, t.first_response_at);
  bind_time(st, 30, t.resolved_at);
  bind_time(st, 31, t.closed_at);
  st.bind(32, t.timeline);
  st.bind(33, t.service_sla);
  st.bind(34, t.outcome);
  st.bind(35, t.root_cause);
  st.bind(36, t.action);
}

}  // namespace

namespace {

// Every field of `t` is written, so a reused Ticket keeps nothing of the
// one before but its buffers.
void read_ticket(const sql::Statement& r, int first, Ticket& t, std::string& scratch) {
  int i = first;
  auto text = [&](std::string& out) { r.text(i++, out); };
  auto integer = [&] { return r.integer(i++); };  // NULL reads 0
  auto time = [&] { return time_column(r, i++); };
  t.id = integer();
  text(t.external_id);
  text(t.type);
  text(t.title);
  text(t.description);
  text(scratch);
  t.status = stored_word<model::Status>(scratch);
  text(scratch);
  t.pending_reason = stored_optional_word<model::PendingReason>(scratch);
  text(t.priority);
  text(t.impact);
  text(t.urgency);
  t.customer_id = integer();
  text(t.channel);
  text(t.category);
  text(t.service);
  text(t.assignee);
  text(t.team);
  t.tier = static_cast<int>(integer());
  t.escalation_level = static_cast<int>(integer());
  text(t.supplier);
  text(t.supplier_ref);
  t.flagged = integer() != 0;
  text(t.resolution_code);
  text(t.resolution);
  text(t.workaround);
  t.duplicate_of = integer();
  t.reopen_count = static_cast<int>(integer());
  t.created_at = from_unix(integer());
  t.updated_at = from_unix(integer());
  t.first_response_at = time();
  t.resolved_at = time();
  t.closed_at = time();
  text(t.timeline);
  text(t.service_sla);
  text(t.outcome);
  text(t.root_cause);
  text(t.action);
  text(t.customer_name);
  text(t.customer_email);
  text(t.customer_tier);
  text(scratch);
  t.tags = util::split(scratch, ',');
}

}  // namespace

Ticket ticket_from_row(sql::Statement& st, int first) {
  Ticket t;
  std::string tags;
  read_ticket(st, first, t, tags);
  return t;
}

void ticket_from_row(sql::Statement& st, int first, Ticket& t, std::string& scratch) {
  read_ticket(st, first, t, scratch);
}

std::optional<Ticket> SqlStore::find_ticket(std::int64_t id) {
  return guarded([&]() -> std::optional<Ticket> {
    auto& st = statement(find_ticket_sql().c_str());
    st.bind(1, static_cast<int64_t>(id));
    if (!st.step()) return std::nullopt;
    return ticket_from_row(st);
  });
}

std::optional<std::int64_t> SqlStore::find_ticket_id_by_external(std::string_view external_id) {
  return guarded([&]() -> std::optional<std::int64_t> {
    auto& st = statement(kFindByExternal);
    st.bind(1, std::string(external_id));
    if (!st.step()) return std::nullopt;
    return st.integer(0);
  });
}

void SqlStore::write_tags(const Ticket& t) {
  auto& del = statement(kDeleteTags);
  del.bind(1, static_cast<int64_t>(t.id));
  del.run();
  for (const auto& tag : t.tags) {
    auto& ins = statement(kInsertTag);
    ins.bind(1, static_cast<int64_t>(t.id));
    ins.bind(2, tag);
    ins.run();
  }
}

std::int64_t SqlStore::insert_ticket(const Ticket& t) {
  return guarded([&] {
    auto& st = statement(kInsertTicket);
    bind_ticket(st, t);
    Ticket stored = t;
    stored.id = st.run_returning_id();
    write_tags(stored);
    return stored.id;
  });
}

void SqlStore::update_ticket(const Ticket& t) {
  guarded([&] {
    auto& st = statement(kUpdateTicket);
    bind_ticket(st, t);
    if (st.run() != 1) throw Refused(fmt::format("no ticket {}", t.id));
    write_tags(t);
  });
}

void SqlStore::each_ticket(const Query& q, const Ordering& order,
                           const std::function<bool(const Ticket&)>& row) {
  guarded([&] {
    SqlQuery query = select_tickets_sql(q, order);
    sql::Statement st(sql(), query.sql, Rows::many);
    st.bind_values(query.values);
    if (q.words.empty()) {
      while (st.step())
        if (!row(ticket_from_row(st))) break;
      return;
    }
    // The page is counted here, among the tickets that have the words.
    WordMatch matches(q);
    std::int64_t skip = q.offset;
    std::int64_t left = q.limit > 0 ? q.limit : -1;
    while (left != 0 && st.step()) {
      Ticket t = ticket_from_row(st);
      if (!matches(t)) continue;
      if (skip > 0) {
        --skip;
        continue;
      }
      if (q.lean) t.description.clear();
      if (!row(t)) break;
      if (left > 0) --left;
    }
  });
}

std::int64_t SqlStore::count_tickets(const Query& q, std::int64_t at_most) {
  return guarded([&] {
    if (!q.words.empty()) {
      std::int64_t n = 0;
      WordMatch matches(q);
      SqlQuery query = select_tickets_by_id_sql(q);
      sql::Statement st(sql(), query.sql, Rows::many);
      st.bind_values(query.values);
      while ((at_most <= 0 || n < at_most) && st.step()) n += matches(ticket_from_row(st)) ? 1 : 0;
      return n;
    }
    SqlQuery query = count_tickets_sql(q, at_most);
    sql::Statement st(sql(), query.sql);
    st.bind_values(query.values);
    st.step();
    return st.integer(0);
  });
}

}  // namespace desk::store::sql
