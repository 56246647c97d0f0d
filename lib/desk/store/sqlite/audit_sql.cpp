// The audit chain in SQLite: reading events as audit::Records, the rewrites
// erasure and purges make, the chain's back-fill when a store is migrated,
// and the erasure of every trace from the file.
#include <cstring>
#include <sqlite3.h>
#include <stdexcept>

#include <fmt/format.h>

#include "desk/audit/erasure.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"

namespace desk::store::sqlite {

namespace {

#define DESK_RECORD_COLUMNS \
  "id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, sealed, hash"

constexpr const char* kRecordsAfter =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE id > ? ORDER BY id";
constexpr const char* kErasingRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE kind IN ('erased', 'purged') ORDER BY id";
constexpr const char* kTicketRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE ticket_id = ? ORDER BY id";
constexpr const char* kSubjectRecords =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE subject = ? ORDER BY id";
// A range rather than LIKE, so that the subject index serves it.
constexpr const char* kSubjectPrefixRecords =
    "SELECT " DESK_RECORD_COLUMNS
    " FROM events WHERE subject >= ?1 AND subject < ?2 ORDER BY subject, id";
constexpr const char* kMentioning =
    "SELECT " DESK_RECORD_COLUMNS " FROM events WHERE desk_mentions(data, ?) ORDER BY id";
constexpr const char* kNextId =
    "SELECT max(coalesce((SELECT max(id) FROM events), 0) + 1, coalesce(" DESK_NEXT_ID(
        "events") ", 1))";
constexpr const char* kRewrite =
    "UPDATE events SET ticket_id = ?, actor = ?, subject = ?, data = ?, salt = ?, sealed = ? "
    "WHERE id = ?";

#undef DESK_RECORD_COLUMNS

// The tables whose text can hold personal data: every ordinary table but
// events (sealed instead) and the internals of full-text indexes (rebuilt
// from their content tables).
constexpr const char* kTables =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "ORDER BY name";
constexpr const char* kTextColumns =
    "SELECT name FROM pragma_table_info(?) WHERE upper(type) LIKE '%TEXT%' OR type = ''";

audit::Record record_from_row(sql::Statement& st) {
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

std::string needles_json(const std::vector<std::string>& needles) {
  return model::Json(needles).dump(-1, ' ', false, model::Json::error_handler_t::replace);
}

class SqliteAudit final : public AuditStore {
 public:
  explicit SqliteAudit(SqliteStore& s) : s_(s) {}

  void each_record(std::int64_t after,
                   const std::function<bool(const audit::Record&)>& row) override {
    s_.guarded([&] {
      sql::Statement st(s_.sql(), kRecordsAfter);
      st.bind(1, static_cast<int64_t>(after));
      while (st.step())
        if (!row(record_from_row(st))) break;
    });
  }

  std::vector<audit::Record> erasing_records() override { return list(kErasingRecords, {}); }

  std::vector<audit::Record> ticket_records(std::int64_t ticket_id) override {
    return list(kTicketRecords, std::to_string(ticket_id), true);
  }

  std::vector<audit::Record> subject_records(std::string_view subject) override {
    return list(kSubjectRecords, std::string(subject));
  }

  void each_subject_record(std::string_view prefix,
                           const std::function<bool(const audit::Record&)>& row) override {
    if (prefix.empty()) throw std::invalid_argument("each_subject_record needs a prefix");
    // Every subject that starts with `prefix` sorts before `prefix` with
    // its last byte raised by one ("customer;" after "customer:...").
    std::string end(prefix);
    ++end.back();
    s_.guarded([&] {
      sql::Statement st(s_.sql(), kSubjectPrefixRecords);
      st.bind(1, std::string(prefix));
      st.bind(2, end);
      while (st.step())
        if (!row(record_from_row(st))) break;
    });
  }

  std::vector<audit::Record> records_mentioning(const std::vector<std::string>& needles) override {
    if (needles.empty()) return {};
    return list(kMentioning, needles_json(needles));
  }

  std::int64_t next_event_id() override {
    return s_.guarded([&] {
      auto& st = s_.statement(kNextId);
      st.step();
      std::int64_t id = st.integer(0);
      st.reset();
      return id;
    });
  }

  void rewrite(const audit::Record& r) override {
    s_.guarded([&] {
      auto& st = s_.statement(kRewrite);
      if (r.ticket_id)
        st.bind(1, static_cast<int64_t>(r.ticket_id));
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
      st.bind(7, static_cast<int64_t>(r.id));
      st.run();
    });
  }

  std::vector<std::int64_t> closed_before(std::int64_t unix_before) override {
    return s_.guarded([&] {
      std::vector<std::int64_t> out;
      sql::Statement st(s_.sql(),
                        "SELECT id FROM tickets WHERE status = 'closed' AND closed_at < ? "
                        "ORDER BY closed_at, id");
      st.bind(1, static_cast<int64_t>(unix_before));
      while (st.step()) out.push_back(st.integer(0));
      return out;
    });
  }

  void remove_ticket(std::int64_t id) override {
    s_.guarded([&] {
      if (!references_read_) read_references();
      for (const auto& ref : references_) {
        // Identifiers come from the schema itself, quoted; the id is bound.
        std::string sql = ref.required ? fmt::format("DELETE FROM {} WHERE {} = ?",
                                                     quoted(ref.table), quoted(ref.column))
                                       : fmt::format("UPDATE {0} SET {1} = NULL WHERE {1} = ?",
                                                     quoted(ref.table), quoted(ref.column));
        sql::Statement st(s_.sql(), sql);
        st.bind(1, static_cast<int64_t>(id));
        st.run();
      }
      sql::Statement del(s_.sql(), "DELETE FROM tickets WHERE id = ?");
      del.bind(1, static_cast<int64_t>(id));
      del.run();
    });
  }

  void erase_securely() override {
    s_.guarded([&] { s_.db().exec("PRAGMA secure_delete = ON"); });
  }

  std::int64_t scrub_everywhere(const std::vector<std::string>& needles) override {
    if (needles.empty()) return 0;
    return s_.guarded([&] {
      std::vector<std::string> tables, virtual_tables;
      {
        sql::Statement st(s_.sql(), kTables);
        while (st.step()) {
          std::string name = st.text(0);
          std::string sql = st.text(1);
          if (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0)
            virtual_tables.push_back(name);
          else
            tables.push_back(name);
        }
      }
      auto shadow = [&](const std::string& t) {
        for (const auto& v : virtual_tables)
          if (t.size() > v.size() + 1 && t.compare(0, v.size() + 1, v + "_") == 0) return true;
        return false;
      };
      std::string json = needles_json(needles);
      std::int64_t changed = 0;
      for (const auto& table : tables) {
        // The id marks hold table names, never anyone's data (0008_ids.sql).
        if (table == "events" || table == "id_high_water" || table == "id_retired" || shadow(table))
          continue;
        std::vector<std::string> columns;
        {
          sql::Statement st(s_.sql(), kTextColumns);
          st.bind(1, table);
          while (st.step()) columns.push_back(st.text(0));
        }
        for (const auto& column : columns) {
          // Identifiers come from the schema itself, quoted; values are bound.
          sql::Statement up(s_.sql(), fmt::format("UPDATE {0} SET {1} = desk_scrub({1}, ?1) "
                                                  "WHERE desk_mentions({1}, ?1)",
                                                  quoted(table), quoted(column)));
          up.bind(1, json);
          changed += up.run();
        }
      }
      return changed;
    });
  }

  void rechain_after(std::int64_t id) override {
    s_.guarded([&] { chain_events_after(s_.sql(), id); });
  }

  void compact() override {
    s_.guarded([&] {
      s_.reset_statements();
      std::vector<std::string> fts;
      {
        sql::Statement st(s_.sql(),
                          "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                          "sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' AND "
                          // fts5vocab tables are views of an index: read-only.
                          "sql NOT LIKE '%USING fts5vocab%'");
        while (st.step()) fts.push_back(st.text(0));
      }
      for (const auto& t : fts)
        s_.db().exec(fmt::format("INSERT INTO {0}({0}) VALUES ('optimize')", quoted(t)));
      s_.db().exec("VACUUM");
      sql::Statement cp(s_.sql(), "PRAGMA wal_checkpoint(TRUNCATE)");
      cp.step();
      if (cp.integer(0) != 0)
        throw StoreBusy(
            "the erased data is gone from the store, but old copies remain in its "
            "write-ahead log while other desk commands read it",
            "run 'desk audit compact' when nobody else is using the store");
    });
  }

 private:
  std::vector<audit::Record> list(const char* sql, const std::string& value, bool integer = false) {
    return s_.guarded([&] {
      std::vector<audit::Record> out;
      sql::Statement st(s_.sql(), sql);
      if (integer)
        st.bind(1, static_cast<int64_t>(std::stoll(value)));
      else if (!value.empty())
        st.bind(1, value);
      while (st.step()) out.push_back(record_from_row(st));
      return out;
    });
  }

  // Every column of any table that refers to tickets (found in the schema,
  // so tables added by later migrations are covered too).
  struct Reference {
    std::string table, column;
    bool required = false;  // NOT NULL: the row goes; else the reference is cleared
  };

  void read_references() {
    sql::Statement st(s_.sql(),
                      "SELECT m.name, p.\"from\", coalesce((SELECT i.\"notnull\" FROM "
                      "pragma_table_info(m.name) i WHERE i.name = p.\"from\"), 0) "
                      "FROM sqlite_schema m, pragma_foreign_key_list(m.name) p "
                      "WHERE m.type = 'table' AND p.\"table\" = 'tickets' ORDER BY m.name");
    while (st.step()) references_.push_back({st.text(0), st.text(1), st.integer(2) != 0});
    references_read_ = true;
  }

  SqliteStore& s_;
  std::vector<Reference> references_;
  bool references_read_ = false;
};

// desk_scrub(text, needles) and desk_mentions(text, needles): erasure's
// matching (audit/erasure.hpp) in SQL; needles is a JSON array.
// The last needles seen, parsed once rather than once per row.
const std::vector<std::string>& needles_arg(sqlite3_value* v) {
  thread_local std::string text;
  thread_local std::vector<std::string> parsed;
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  std::string_view now = p ? std::string_view(p) : std::string_view();
  if (now != text || (parsed.empty() && !now.empty())) {
    text = std::string(now);
    parsed.clear();
    auto j = model::Json::parse(text, nullptr, false);
    if (j.is_array())
      for (const auto& n : j)
        if (n.is_string()) parsed.push_back(n.get<std::string>());
  }
  return parsed;
}

std::string_view text_arg(sqlite3_value* v) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)))
           : std::string_view();
}

void scrub_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
    sqlite3_result_value(ctx, argv[0]);
    return;
  }
  std::string out = audit::scrub(text_arg(argv[0]), needles_arg(argv[1]));
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

void mentions_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  bool hit = sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
             audit::mentions(text_arg(argv[0]), needles_arg(argv[1]));
  sqlite3_result_int(ctx, hit ? 1 : 0);
}

}  // namespace

AuditStore& SqliteStore::audit() {
  if (!audit_) audit_ = std::make_unique<SqliteAudit>(*this);
  return *audit_;
}

void register_erasure_functions(SQLite::Database& db) {
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  sqlite3_create_function(db.getHandle(), "desk_scrub", 2, flags, nullptr, scrub_function, nullptr,
                          nullptr);
  sqlite3_create_function(db.getHandle(), "desk_mentions", 2, flags, nullptr, mentions_function,
                          nullptr, nullptr);
}

void chain_events_after(sql::Connection& db, std::int64_t after) {
  audit::Digest previous = audit::kGenesis;
  {
    sql::Statement before(db, "SELECT hash FROM events WHERE id <= ? ORDER BY id DESC LIMIT 1");
    before.bind(1, static_cast<int64_t>(after));
    if (before.step()) sql::read_digest(before, 0, previous);
  }
  sql::Statement read(db,
                      "SELECT id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, "
                      "sealed, hash FROM events WHERE id > ? ORDER BY id");
  read.bind(1, static_cast<int64_t>(after));
  sql::Statement write(db, "UPDATE events SET salt = ?, hash = ? WHERE id = ?");
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

}  // namespace desk::store::sqlite
