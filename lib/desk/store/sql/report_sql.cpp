// ReportStore in SQL: tickets with the timeline marks kept in their own
// row (tickets.timeline, schema 0005; tickets/timeline.hpp), and counts
// grouped in SQL. The SQL is
// assembled from the fixed fragments below only; every value is bound.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/time_range.hpp"
#include "desk/model/timeline.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/report_skips.hpp"
#include "desk/store/report_store.hpp"
#include "desk/store/sql/query_sql.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/handoff.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

namespace {

// Columns 0-18, then 19-20 (titles), 21 (marks), 22-25 (details): each_ticket
// reads them by position.
constexpr const char* kColumns =
    "t.id, t.type, t.status, t.priority, t.customer_id, t.channel, t.category, t.service, "
    "t.assignee, t.team, t.tier, t.escalation_level, t.reopen_count, t.created_at, "
    "t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.service_sla";
constexpr const char* kTitleColumns = ", t.title, t.resolution_code";
constexpr const char* kNoTitleColumns = ", NULL, NULL";
constexpr const char* kMarksColumn = ", t.timeline";
constexpr const char* kNoMarksColumn = ", NULL";
constexpr const char* kDetailColumns =
    ", c.name, c.email, c.tier, (SELECT group_concat(g.tag, ',') FROM ticket_tags g "
    "WHERE g.ticket_id = t.id)";
constexpr const char* kNoDetailColumns = ", NULL, NULL, NULL, NULL";
constexpr const char* kCustomerJoin = " LEFT JOIN customers c ON c.id = t.customer_id";
constexpr const char* kLoggedSince = "t.created_at >= ?";
constexpr const char* kLoggedUntil = "t.created_at < ?";
// Open now or resolved since: read by a scan of the table in rowid order
// (|| '' and + 0 keep SQLite off the indexes, in words PostgreSQL reads
// too). Its OR plan over the status and
// resolved indexes reads rows in random order and took five times as long
// on the 1M-ticket bench store, where most rows qualify for a long period.
constexpr const char* kOpenSince = "(t.status || '' IN ({}) OR t.resolved_at + 0 >= ?)";
constexpr const char* kLoggedUntilScanned = "t.created_at + 0 < ?";
// The same for a logging span that holds most of the store: seeking each row
// from the created_at index cost a tenth of `report performance` over the
// 1M-ticket bench store's 90 days, where a scan reads every page once anyway.
constexpr const char* kLoggedSinceScanned = "t.created_at + 0 >= ?";
// Resolved in a span. The resolved_at index lists the tickets in the order
// they were resolved, and reading their rows in that order seeks the table
// at random: 1.6 s for the 482,255 of the 1M bench store's last 8 weeks.
// Asked for their ids, SQLite reads the rows in id order: 0.5 s. When the
// span holds most of the store, a scan reads every page once: 0.26 s.
constexpr const char* kResolvedIn =
    "t.id IN (SELECT r.id FROM tickets r WHERE r.resolved_at >= ? AND r.resolved_at < ?)";
constexpr const char* kResolvedInScanned =
    "coalesce(t.resolved_at, 0) >= ? AND coalesce(t.resolved_at, 0) < ?";
// The first and last logging times, each from the end of the created_at
// index (one aggregate per SELECT, so that SQLite does not scan for them).
constexpr const char* kLoggedRange =
    "SELECT (SELECT min(created_at) FROM tickets), (SELECT max(created_at) FROM tickets)";

// The SQL expression for a group field's value; nullptr when unknown.
const char* field_expression(const std::string& field) {
  static const std::map<std::string, const char*> expressions = {
      {"", "''"},
      {"priority", "t.priority"},
      {"team", "t.team"},
      {"type", "t.type"},
      {"category", "t.category"},
      {"assignee", "t.assignee"},
      {"channel", "t.channel"},
      {"service", "t.service"},
      {"customer", "coalesce(nullif(c.email, ''), c.name, '')"},
  };
  auto it = expressions.find(field);
  return it == expressions.end() ? nullptr : it->second;
}

// Tickets read ahead on a second thread while the report's own thread
// measures the ones before: stepping SQLite and decoding the marks was a
// third of `report performance` over a million tickets. Batches go round
// between the threads and are reused, so their strings keep their buffers;
// a slot's fields are read afresh each time, as `row` may change them.
struct ReadAhead {
  std::vector<model::Ticket> tickets;
  std::vector<std::vector<model::Mark>> marks;
  std::size_t size = 0;  // tickets in use
  void clear() { size = 0; }
};

constexpr std::size_t kBatchTickets = 256;
constexpr std::size_t kBatches = 4;  // in flight: bounds the memory

// One row of each_ticket's SELECT (the column numbers of kColumns and the
// fragments after it) into `t` and `marks`.
void read_row(const sql::Statement& row, const ReportSelection& sel, model::Ticket& t,
              std::vector<model::Mark>& marks, std::string& tags) {
  t.id = row.integer(0);
  row.text(1, t.type);
  t.status = stored_word<model::Status>(row.view(2));
  row.text(3, t.priority);
  t.customer_id = row.integer(4);  // NULL reads 0
  row.text(5, t.channel);
  row.text(6, t.category);
  row.text(7, t.service);
  row.text(8, t.assignee);
  row.text(9, t.team);
  t.tier = static_cast<int>(row.integer(10));
  t.escalation_level = static_cast<int>(row.integer(11));
  t.reopen_count = static_cast<int>(row.integer(12));
  t.created_at = from_unix(row.integer(13));
  t.updated_at = from_unix(row.integer(14));
  t.first_response_at = time_column(row, 15);
  t.resolved_at = time_column(row, 16);
  t.closed_at = time_column(row, 17);
  row.text(18, t.service_sla);
  // Columns left out read as NULL: not asking for them saves two calls each
  // per row.
  if (sel.titles) {
    row.text(19, t.title);
    row.text(20, t.resolution_code);
  }
  model::read_marks(row.view(21), marks);
  if (sel.details) {
    row.text(22, t.customer_name);
    row.text(23, t.customer_email);
    row.text(24, t.customer_tier);
    row.text(25, tags);
    t.tags = util::split(tags, ',');
  }
}

// Whether every time of a ticket as read is one desk handles: a report
// leaves a ticket out rather than fail on it (ReportStore::each_ticket).
bool times_supported(const model::Ticket& t, const std::vector<model::Mark>& marks) {
  auto ok = [](const std::optional<Instant>& at) { return !at || supported_time(*at); };
  if (!supported_time(t.created_at) || !supported_time(t.updated_at) || !ok(t.first_response_at) ||
      !ok(t.resolved_at) || !ok(t.closed_at))
    return false;
  return std::all_of(marks.begin(), marks.end(),
                     [](const model::Mark& m) { return supported_time(m.at); });
}

class SqlReportStore final : public ReportStore {
 public:
  explicit SqlReportStore(SqlStore& s) : s_(s) {}

  void each_ticket(
      const ReportSelection& sel,
      const std::function<bool(model::Ticket&, const std::vector<model::Mark>&)>& row) override {
    std::string sql = fmt::format(
        "SELECT {}{}{}{} FROM tickets t{}", kColumns, sel.titles ? kTitleColumns : kNoTitleColumns,
        sel.marks ? kMarksColumn : kNoMarksColumn, sel.details ? kDetailColumns : kNoDetailColumns,
        sel.details ? kCustomerJoin : "");
    std::vector<std::string> where;
    std::vector<std::int64_t> times;
    std::vector<std::string_view> statuses;
    bool scan = sel.open_since && !sel.logged_since;
    if (sel.logged_since && sel.logged_until && !sel.open_since)
      scan = most_logged(*sel.logged_since, *sel.logged_until);
    if (sel.logged_since) {
      where.emplace_back(scan ? kLoggedSinceScanned : kLoggedSince);
      times.push_back(to_unix(*sel.logged_since));
    }
    if (sel.logged_until) {
      where.emplace_back(scan ? kLoggedUntilScanned : kLoggedUntil);
      times.push_back(to_unix(*sel.logged_until));
    }
    if (sel.open_since) {
      for (auto st : model::kOpenStatuses) statuses.push_back(util::name(st));
      where.push_back(fmt::format(kOpenSince, placeholders(statuses.size())));
    }
    if (sel.updated_since) where.emplace_back("t.updated_at >= ?");
    if (sel.resolved_in) {
      bool most = most_logged(sel.resolved_in->first, sel.resolved_in->second);
      where.emplace_back(most ? kResolvedInScanned : kResolvedIn);
    }
    if (!where.empty()) sql += " WHERE " + util::join(where, " AND ");
    std::vector<ReadAhead> batches(kBatches);
    util::run_handoff(
        batches,
        [&](util::Handoff<ReadAhead>& handoff) {
          s_.guarded([&] {
            sql::Statement st(s_.sql(), sql, Rows::many);
            int i = 1;
            for (auto t : times) st.bind(i++, t);
            for (const auto& status : statuses) st.bind(i++, status);
            if (sel.open_since) st.bind(i++, static_cast<std::int64_t>(to_unix(*sel.open_since)));
            if (sel.updated_since)
              st.bind(i++, static_cast<std::int64_t>(to_unix(*sel.updated_since)));
            if (sel.resolved_in) {
              st.bind(i++, static_cast<std::int64_t>(to_unix(sel.resolved_in->first)));
              st.bind(i++, static_cast<std::int64_t>(to_unix(sel.resolved_in->second)));
            }
            std::string tags;
            util::BatchFiller<ReadAhead> filler(handoff, kBatchTickets);
            while (filler.batch() != nullptr && st.step()) {
              ReadAhead& b = *filler.batch();
              if (b.size == b.tickets.size()) {
                b.tickets.emplace_back();
                b.marks.emplace_back();
              }
              read_row(st, sel, b.tickets[b.size], b.marks[b.size], tags);
              ++b.size;
              filler.added();
            }
            filler.finish();
          });
        },
        [&](util::Handoff<ReadAhead>& handoff) {
          util::use_each(handoff, [&](ReadAhead& b, std::size_t i) {
            if (times_supported(b.tickets[i], b.marks[i])) return row(b.tickets[i], b.marks[i]);
            skipped_.insert(b.tickets[i].id);  // once, however many passes a report makes
            return true;
          });
        });
  }

  std::int64_t skipped() const { return static_cast<std::int64_t>(skipped_.size()); }

  std::vector<SlotCount> count_logged(Instant since, Instant until, std::int64_t slot_seconds,
                                      const std::string& field) override {
    // By tags: a row per tag (with the prefix after "tag:"), a ticket with
    // none under NULL.
    const bool tags = field == "tag" || field.rfind("tag:", 0) == 0;
    const std::string prefix = field.size() > 4 ? field.substr(4) : std::string();
    const char* expression = tags ? "g.tag" : field_expression(field);
    if (expression == nullptr || slot_seconds <= 0)
      throw Error(Exit::software, fmt::format("cannot count tickets by {}", util::quoted(field)));
    std::string join = field == "customer" ? kCustomerJoin : "";
    if (tags)
      join = " LEFT JOIN ticket_tags g ON g.ticket_id = t.id AND substr(g.tag, 1, length(?4)) = ?4";
    std::string sql = fmt::format(
        "SELECT (t.created_at - ?1) / ?2, {}, count(*) FROM tickets t{} "
        "WHERE t.created_at >= ?1 AND t.created_at < ?3 GROUP BY 1, 2 ORDER BY 1, 2",
        expression, join);
    return s_.guarded([&] {
      std::vector<SlotCount> out;
      sql::Statement st(s_.sql(), sql);
      st.bind(1, static_cast<int64_t>(to_unix(since)));
      st.bind(2, static_cast<int64_t>(slot_seconds));
      st.bind(3, static_cast<int64_t>(to_unix(until)));
      if (tags) st.bind(4, prefix);
      while (st.step()) out.push_back({st.integer(0), st.text(1), st.integer(2)});
      return out;
    });
  }

  std::optional<Instant> latest_event_at() override {
    // The latest of each kind's latest, each from the end of its range in
    // the (kind, at) index: a few dozen seeks, where max(at) over the table
    // read all its events (0.2 s over the 1M-ticket bench store).
    std::vector<std::string> kinds = util::names<model::EventKind>();
    std::vector<std::string> each;
    for (std::size_t i = 0; i < kinds.size(); ++i)
      each.push_back("SELECT max(at) AS at FROM events WHERE kind = ?");
    std::string sql = "SELECT max(at) FROM (" + util::join(each, " UNION ALL ") + ") latest";
    return s_.guarded([&]() -> std::optional<Instant> {
      sql::Statement st(s_.sql(), sql);
      for (std::size_t i = 0; i < kinds.size(); ++i) st.bind(static_cast<int>(i + 1), kinds[i]);
      if (!st.step() || st.null(0)) return std::nullopt;
      return from_unix(st.integer(0));
    });
  }

 private:
  std::set<std::int64_t> skipped_;
  // Whether [since, until) likely holds half the tickets or more: the share
  // of the time from the first ticket logged to the last that it covers.
  // Counting them instead took 80 ms over a million tickets, as much as the
  // scan saves on a long period.
  bool most_logged(Instant since, Instant until) {
    return s_.guarded([&] {
      sql::Statement st(s_.sql(), kLoggedRange);
      if (!st.step() || st.null(0)) return false;
      std::int64_t first = st.integer(0);
      std::int64_t last = st.integer(1) + 1;
      std::int64_t covered = std::min(last, to_unix(until)) - std::max(first, to_unix(since));
      return covered * 2 >= last - first;
    });
  }

  SqlStore& s_;
};

}  // namespace

ReportStore& SqlStore::reports() {
  if (!reports_) reports_ = std::make_unique<SqlReportStore>(*this);
  return *reports_;
}

}  // namespace desk::store::sql

namespace desk::store {

std::int64_t tickets_left_out(const ReportStore& reports) {
  const auto* ours = dynamic_cast<const sql::SqlReportStore*>(&reports);
  return ours ? ours->skipped() : 0;
}

}  // namespace desk::store
