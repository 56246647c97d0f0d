// The audit chain's SQLite parts (the rest is store/sql/audit_sql.cpp):
// finding mentions and scrubbing every table with desk's SQL functions, and
// leaving nothing erased in the file.
#include <cstring>
#include <sqlite3.h>
#include <stdexcept>

#include <fmt/format.h>

#include "desk/audit/erasure.hpp"
#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/sql/sql_audit.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"

namespace desk::store::sqlite {

namespace {

// The tables whose text can hold personal data: every ordinary table but
// events (sealed instead) and the internals of full-text indexes (rebuilt
// from their content tables).
constexpr const char* kTables =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "ORDER BY name";
constexpr const char* kTextColumns =
    "SELECT name FROM pragma_table_info(?) WHERE upper(type) LIKE '%TEXT%' OR type = ''";

std::string needles_json(const std::vector<std::string>& needles) {
  return model::Json(needles).dump(-1, ' ', false, model::Json::error_handler_t::replace);
}

class SqliteAudit final : public sql::SqlAudit {
 public:
  explicit SqliteAudit(SqliteStore& s) : SqlAudit(s), store_(s) {}

  std::vector<audit::Record> records_mentioning(const std::vector<std::string>& needles) override {
    if (needles.empty()) return {};
    static const std::string sql = fmt::format(
        "SELECT {} FROM events WHERE desk_mentions(data, ?) ORDER BY id", sql::kRecordColumns);
    return list(sql.c_str(), needles_json(needles));
  }

  void erase_securely() override {
    s_.guarded([&] { store_.db().exec("PRAGMA secure_delete = ON"); });
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
                                                  sql::quoted(table), sql::quoted(column)));
          up.bind(1, json);
          changed += up.run();
        }
      }
      return changed;
    });
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
        store_.db().exec(fmt::format("INSERT INTO {0}({0}) VALUES ('optimize')", sql::quoted(t)));
      store_.db().exec("VACUUM");
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
  std::vector<Reference> references_to_tickets() override {
    std::vector<Reference> out;
    sql::Statement st(s_.sql(),
                      "SELECT m.name, p.\"from\", coalesce((SELECT i.\"notnull\" FROM "
                      "pragma_table_info(m.name) i WHERE i.name = p.\"from\"), 0) "
                      "FROM sqlite_schema m, pragma_foreign_key_list(m.name) p "
                      "WHERE m.type = 'table' AND p.\"table\" = 'tickets' ORDER BY m.name");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2) != 0});
    return out;
  }

  SqliteStore& store_;
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

}  // namespace desk::store::sqlite
