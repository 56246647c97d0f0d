#include "desk/store/sql/query_sql.hpp"

#include <limits>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

namespace {

struct Builder {
  std::vector<std::string> where;
  std::vector<Value> values;

  // column IN (...), where "none" stands for the empty value.
  void any_of(const char* column, const std::vector<std::string>& list) {
    if (list.empty()) return;
    where.push_back(fmt::format("{} IN ({})", column, placeholders(list.size())));
    for (const auto& v : list) values.emplace_back(v == "none" ? std::string() : v);
  }

  void compare(const char* column, const char* op, const std::optional<Instant>& t) {
    if (!t) return;
    where.push_back(fmt::format("{} {} ?", column, op));
    values.emplace_back(to_unix(*t));
  }

  void build(const Query& q) {
    if (!q.statuses.empty()) {
      where.push_back(fmt::format("t.status IN ({})", placeholders(q.statuses.size())));
      for (auto s : q.statuses) values.emplace_back(stored_name(s));
    }
    any_of("t.type", q.types);
    any_of("t.priority", q.priorities);
    any_of("t.assignee", q.assignees);
    any_of("t.team", q.teams);
    any_of("t.channel", q.channels);
    any_of("t.category", q.categories);
    any_of("t.service", q.services);
    if (!q.customers.empty()) {
      std::vector<std::string> terms;
      for (const auto& c : q.customers) {
        terms.push_back(
            "(c.id = ? OR c.email COLLATE NOCASE = ? COLLATE NOCASE OR "
            "c.name COLLATE NOCASE = ? COLLATE NOCASE)");
        values.emplace_back(util::parse_int(c).value_or(-1));
        values.emplace_back(c);
        values.emplace_back(c);
      }
      std::string joined;
      for (std::size_t i = 0; i < terms.size(); ++i) joined += (i ? " OR " : "") + terms[i];
      where.push_back("(" + joined + ")");
    }
    for (const auto& tag : q.tags) {
      where.push_back(
          "EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = t.id AND g.tag = ?)");
      values.emplace_back(tag);
    }
    if (!q.ids.empty()) {
      where.push_back(fmt::format("t.id IN ({})", placeholders(q.ids.size())));
      for (auto id : q.ids) values.emplace_back(id);
    }
    compare("t.created_at", ">=", q.created_since);
    compare("t.created_at", "<", q.created_until);
    compare("t.updated_at", ">=", q.updated_since);
    compare("t.resolved_at", ">=", q.resolved_since);
    compare("t.resolved_at", "<", q.resolved_until);
    // q.words are matched in desk (WordMatch), not here.
    if (q.min_tier) {
      where.push_back("t.tier >= ?");
      values.emplace_back(std::int64_t{*q.min_tier});
    }
    if (q.escalated)
      where.push_back(*q.escalated ? "t.escalation_level > 0" : "t.escalation_level = 0");
  }

  std::string where_clause() const {
    if (where.empty()) return {};
    std::string out = " WHERE ";
    for (std::size_t i = 0; i < where.size(); ++i) out += (i ? " AND " : "") + where[i];
    return out;
  }

  // Orders by the configured rank of a value: CASE col WHEN ? THEN 0 ... END.
  std::string rank(const char* column, const std::vector<std::string>& order) {
    std::string out = fmt::format("CASE {}", column);
    for (std::size_t i = 0; i < order.size(); ++i) {
      out += fmt::format(" WHEN ? THEN {}", i);
      values.emplace_back(order[i]);
    }
    return out + fmt::format(" ELSE {} END", order.size());
  }

  std::string order_by(const Query& q, const Ordering& ordering) {
    if (q.any_order && q.sort.empty()) return {};
    std::vector<std::string> terms;

    for (const auto& key : q.sort) {
      std::string expr;
      const std::string& f = key.field;
      if (f == "priority")
        expr = rank("t.priority", ordering.priorities);
      else if (f == "status")
        expr = rank("t.status", util::names<model::Status>());
      else if (f == "customer")
        expr = "coalesce(nullif(c.name, ''), c.email) COLLATE NOCASE";  // email when no name

      else if (f == "title")
        expr = "t.title COLLATE NOCASE";
      else if (f == "created" || f == "updated" || f == "resolved")
        expr = "t." + f + "_at";
      else if (f == "id" || f == "type" || f == "assignee" || f == "team" || f == "channel" ||
               f == "category" || f == "service" || f == "tier")
        expr = "t." + f;
      else
        throw Error(Exit::software, fmt::format("no sort order for {}", util::quoted(f)));
      terms.push_back(expr + (key.descending ? " DESC" : ""));
    }
    terms.push_back(q.sort.size() == 1 && q.sort[0].field == "id" && q.sort[0].descending
                        ? "t.id DESC"
                        : "t.id");
    std::string out = " ORDER BY ";
    for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? ", " : "") + terms[i];
    return out;
  }
};

const char* const kFrom = " FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id";

// The ticket columns, with the long texts read as '' for a lean query (same
// positions, so ticket_from_row reads either).
std::string columns(const Query& q) {
  std::string cols = kTicketColumns;
  if (!q.lean || !q.words.empty()) return cols;  // words are matched in the description
  for (const char* text : {"t.description", "t.resolution", "t.workaround"}) {
    auto at = cols.find(std::string(text) + ",");
    if (at != std::string::npos) cols.replace(at, std::string(text).size(), "''");
  }
  return cols;
}

// A page in id order of tickets in several statuses: each status's index
// holds its tickets in id order, so the first ids of each status, merged, are
// the page. That reads (limit + offset) entries per status however many
// tickets are open, where one IN over the statuses sorts every match.
bool by_status_then_id(const Query& q) {
  bool by_id = q.sort.empty() || (q.sort.size() == 1 && q.sort[0].field == "id");
  return by_id && q.statuses.size() > 1 && q.limit > 0 && q.words.empty();
}

std::string first_ids_by_status(const Query& q, std::vector<Value>& values) {
  bool descending = !q.sort.empty() && q.sort[0].descending;
  const char* direction = descending ? " DESC" : "";
  std::string out;
  for (std::size_t i = 0; i < q.statuses.size(); ++i) {
    Query one = q;
    one.statuses = {q.statuses[i]};
    Builder b;
    b.build(one);
    out += fmt::format("{}SELECT id FROM (SELECT t.id{}{} ORDER BY t.id{} LIMIT ?) AS s{}",
                       i ? " UNION ALL " : "", kFrom, b.where_clause(), direction, i);
    values.insert(values.end(), b.values.begin(), b.values.end());
    values.emplace_back(q.limit + q.offset);
  }
  out += fmt::format(" ORDER BY 1{} LIMIT ? OFFSET ?", direction);
  values.emplace_back(q.limit);
  values.emplace_back(q.offset);
  return out;
}

}  // namespace

WordMatch::WordMatch(const Query& q) {
  for (const auto& w : q.words) folded_.push_back(util::fold(w));
}

bool WordMatch::operator()(const Ticket& t) const {
  if (folded_.empty()) return true;
  std::string text = util::fold(t.title + '\n' + t.description);
  for (const auto& w : folded_)
    if (text.find(w) == std::string::npos) return false;
  return true;
}

SqlQuery select_tickets_sql(const Query& q, const Ordering& ordering) {
  Builder b;
  b.build(q);
  // With words to match in desk, every row is read and desk counts the page.
  if ((q.limit <= 0 && q.offset <= 0) || !q.words.empty()) {
    std::string sql = fmt::format("SELECT {}{}{}", columns(q), kFrom, b.where_clause());
    sql += b.order_by(q, ordering);
    return {std::move(sql), std::move(b.values)};
  }
  // With a limit, sort only the ids (and sort keys) of every match, then fetch
  // the few rows kept: sorting whole rows to keep 50 of 300,000 costs ten times
  // as much.
  std::string inner;
  if (by_status_then_id(q)) {
    b.values.clear();  // each status's select binds its own
    inner = first_ids_by_status(q, b.values);
  } else {
    inner = fmt::format("SELECT t.id{}{}", kFrom, b.where_clause());
    inner += b.order_by(q, ordering);
    inner += " LIMIT ? OFFSET ?";
    // No limit is the largest: PostgreSQL refuses SQLite's -1.
    b.values.emplace_back(q.limit > 0 ? q.limit : std::numeric_limits<std::int64_t>::max());
    b.values.emplace_back(q.offset);
  }
  std::string sql = fmt::format("SELECT {}{} WHERE t.id IN ({})", columns(q), kFrom, inner);
  sql += b.order_by(q, ordering);
  return {std::move(sql), std::move(b.values)};
}

SqlQuery select_tickets_by_id_sql(const Query& q) {
  Builder b;
  b.build(q);
  return {fmt::format("SELECT {}{}{} ORDER BY t.id", kTicketColumns, kFrom, b.where_clause()),
          std::move(b.values)};
}

SqlQuery select_events_sql(const Query& q) {
  Builder b;
  b.build(q);
  std::string where = b.where_clause();
  // Every ticket: straight down the events_ticket index.
  if (where.empty())
    return {fmt::format("SELECT {} FROM events e ORDER BY e.ticket_id, e.id", kEventColumns), {}};
  return {fmt::format("SELECT {}{} JOIN events e ON e.ticket_id = t.id{} ORDER BY t.id, e.id",
                      kEventColumns, kFrom, where),
          std::move(b.values)};
}

SqlQuery count_tickets_sql(const Query& q, std::int64_t at_most) {
  Builder b;
  b.build(q);
  // The customer join is only needed when filtering on customers.
  std::string from = q.customers.empty() ? " FROM tickets t" : kFrom;
  if (at_most <= 0)
    return {fmt::format("SELECT count(*){}{}", from, b.where_clause()), std::move(b.values)};
  b.values.emplace_back(at_most);
  return {
      fmt::format("SELECT count(*) FROM (SELECT 1{}{} LIMIT ?) AS matches", from, b.where_clause()),
      std::move(b.values)};
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace desk::store::sql
