// The audit chain in SQL: reading events as audit::Records, the rewrites
// erasure and purges make, and re-chaining (store/sql/sql_audit.hpp).
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sql/sql_audit.hpp"

namespace desk::store::sql {

namespace {

#define DESK_RECORD_COLUMNS \
  "id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, sealed, hash"

constexpr const char* kRecordsAfter =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE id > ? ORDER BY id";
constexpr const char* kErasingRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE kind IN ('erased', 'purged') ORDER BY id";
constexpr const char* kTicketRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE ticket_id = ? ORDER BY id";
}  // namespace

// The subject index is partial (WHERE subject <> ''), and an engine uses a
// partial index only where the query says its condition itself: from
// "subject = ?" it cannot know the value is not ''. Without the condition
// SQLite read every event of the store, and sorted them, for each absence
// and customer lookup (every allocation, on a million tickets seconds).
// A range rather than LIKE, so that the index serves the prefix.
const char* const kSubjectRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE subject = ? AND subject <> '' ORDER BY id";
const char* const kSubjectPrefixRecords =
    "SELECT " DESK_RECORD_COLUMNS
    " FROM events WHERE subject >= ?1 AND subject < ?2 AND subject <> '' ORDER BY subject, id";

namespace {

constexpr const char* kNextId =
    "SELECT max(coalesce((SELECT max(id) FROM events), 0) + 1, coalesce(" DESK_NEXT_ID(
        "events") ", 1))";
constexpr const char* kRewrite =
    "UPDATE events SET ticket_id = ?, actor = ?, subject = ?, data = ?, salt = ?, sealed = ? "
    "WHERE id = ?";

}  // namespace

const char* const kRecordColumns = DESK_RECORD_COLUMNS;
#undef DESK_RECORD_COLUMNS

audit::Record record_from_row(Statement& st) {
  audit::Record r;
  r.id = st.integer(0);
  r.ticket_id = st.null(1) ? 0 : st.integer(1);
  r.at = st.integer(2);
  r.recorded_at = st.integer(3);
  r.actor = st.text(4);
  r.kind = st.text(5);
  r.data = st.text(6);
  r.subject = st.text(7);
  r.salt = st.text(8);
  r.sealed = st.null(9) ? std::string() : st.text(9);
  r.hash = st.text(10);
  return r;
}

std::string quoted(const std::string& identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void SqlAudit::each_record(std::int64_t after,
                           const std::function<bool(const audit::Record&)>& row) {
  s_.guarded([&] {
    Statement st(s_.sql(), kRecordsAfter, Rows::many);
    st.bind(1, after);
    while (st.step())
      if (!row(record_from_row(st))) break;
  });
}

std::vector<audit::Record> SqlAudit::erasing_records() {
  return list(kErasingRecords, {});
}

std::vector<audit::Record> SqlAudit::ticket_records(std::int64_t ticket_id) {
  return s_.guarded([&] {
    std::vector<audit::Record> out;
    Statement st(s_.sql(), kTicketRecords);
    st.bind(1, ticket_id);
    while (st.step()) out.push_back(record_from_row(st));
    return out;
  });
}

std::vector<audit::Record> SqlAudit::subject_records(std::string_view subject) {
  return list(kSubjectRecords, std::string(subject));
}

void SqlAudit::each_subject_record(std::string_view prefix,
                                   const std::function<bool(const audit::Record&)>& row) {
  if (prefix.empty()) throw std::invalid_argument("each_subject_record needs a prefix");
  // Every subject that starts with `prefix` sorts before `prefix` with
  // its last byte raised by one ("customer;" after "customer:...").
  std::string end(prefix);
  ++end.back();
  s_.guarded([&] {
    Statement st(s_.sql(), kSubjectPrefixRecords);
    st.bind(1, prefix);
    st.bind(2, end);
    while (st.step())
      if (!row(record_from_row(st))) break;
  });
}

std::int64_t SqlAudit::next_event_id() {
  return s_.guarded([&] {
    auto& st = s_.statement(kNextId);
    st.step();
    std::int64_t id = st.integer(0);
    st.reset();
    return id;
  });
}

void SqlAudit::rewrite(const audit::Record& r) {
  s_.guarded([&] {
    before_rewriting_history();
    auto& st = s_.statement(kRewrite);
    if (r.ticket_id)
      st.bind(1, r.ticket_id);
    else
      st.bind_null(1);
    st.bind(2, r.actor);
    st.bind(3, r.subject);
    st.bind(4, r.data);
    if (r.salt.empty())
      st.bind_null(5);
    else
      st.bind_blob(5, r.salt);
    if (r.sealed.empty())
      st.bind_null(6);
    else
      st.bind(6, r.sealed);
    st.bind(7, r.id);
    st.run();
  });
}

std::vector<std::int64_t> SqlAudit::closed_before(std::int64_t unix_before) {
  return s_.guarded([&] {
    std::vector<std::int64_t> out;
    Statement st(s_.sql(),
                 "SELECT id FROM tickets WHERE status = 'closed' AND closed_at < ? "
                 "ORDER BY closed_at, id");
    st.bind(1, unix_before);
    while (st.step()) out.push_back(st.integer(0));
    return out;
  });
}

void SqlAudit::remove_ticket(std::int64_t id) {
  s_.guarded([&] {
    if (!references_read_) {
      references_ = references_to_tickets();
      references_read_ = true;
    }
    before_rewriting_history();
    for (const auto& ref : references_) {
      // Identifiers come from the schema itself, quoted; the id is bound.
      std::string sql = ref.required ? fmt::format("DELETE FROM {} WHERE {} = ?", quoted(ref.table),
                                                   quoted(ref.column))
                                     : fmt::format("UPDATE {0} SET {1} = NULL WHERE {1} = ?",
                                                   quoted(ref.table), quoted(ref.column));
      Statement st(s_.sql(), sql);
      st.bind(1, id);
      st.run();
    }
    Statement del(s_.sql(), "DELETE FROM tickets WHERE id = ?");
    del.bind(1, id);
    del.run();
  });
}

void SqlAudit::rechain_after(std::int64_t id) {
  s_.guarded([&] {
    before_rewriting_history();
    chain_events_after(s_.sql(), id);
  });
}

std::vector<audit::Record> SqlAudit::list(const char* sql, const std::string& value) {
  return s_.guarded([&] {
    std::vector<audit::Record> out;
    Statement st(s_.sql(), sql);
    if (!value.empty()) st.bind(1, value);
    while (st.step()) out.push_back(record_from_row(st));
    return out;
  });
}

void chain_events_after(Connection& db, std::int64_t after) {
  audit::Digest previous = audit::kGenesis;
  {
    Statement before(db, "SELECT hash FROM events WHERE id <= ? ORDER BY id DESC LIMIT 1");
    before.bind(1, static_cast<int64_t>(after));
    if (before.step()) read_digest(before, 0, previous);
  }
  Statement read(db,
                 "SELECT id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, "
                 "sealed, hash FROM events WHERE id > ? ORDER BY id",
                 Rows::many);
  read.bind(1, static_cast<int64_t>(after));
  Statement write(db, "UPDATE events SET salt = ?, hash = ? WHERE id = ?");
  while (read.step()) {
    audit::Record r = record_from_row(read);
    audit::chain(r, previous);  // a salt is made for an event that has none
    std::memcpy(previous.data(), r.hash.data(), previous.size());
    write.bind_blob(1, r.salt);
    write.bind_blob(2, r.hash);
    write.bind(3, static_cast<int64_t>(r.id));
    write.run();
    write.reset();
  }
}

}  // namespace desk::store::sql
