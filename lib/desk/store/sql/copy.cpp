#include "desk/store/sql/copy.hpp"

#include <fmt/format.h>

#include "desk/store/sql/sql_audit.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

const std::vector<std::string_view> kStoreTables = {
    "customers",         "tickets",       "ticket_tags",     "events",        "ticket_links",
    "allocation_cursor", "kb_articles",   "kb_article_tags", "kb_versions",   "kb_links",
    "services",          "service_steps", "ticket_steps",    "ratings",       "mail_messages",
    "mail_attachments",  "mail_secret",   "mail_outbox",     "id_high_water", "id_retired"};

namespace {

// Values of one row, held until a batch of rows is written.
struct Field {
  Type type = Type::null;
  std::int64_t integer = 0;
  double real = 0;
  std::string bytes;
};

// Rows go in batches, one INSERT of many rows each: a server is a round
// trip away, and on SQLite one statement of many rows is quicker too. The
// batch keeps under both engines' limits on placeholders.
constexpr std::size_t kPlaceholdersPerInsert = 1000;

std::string insert_sql(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t rows) {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(quoted(c));
  std::vector<std::string> tuples;
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    std::vector<std::string> marks;
    for (std::size_t c = 0; c < columns.size(); ++c) marks.push_back("?" + std::to_string(++n));
    tuples.push_back("(" + util::join(marks, ", ") + ")");
  }
  return fmt::format("INSERT INTO {} ({}) VALUES {}", quoted(std::string(table)),
                     util::join(names, ", "), util::join(tuples, ", "));
}

void bind_field(Statement& st, int i, const Field& f) {
  switch (f.type) {
    case Type::null:
      st.bind_null(i);
      break;
    case Type::integer:
      st.bind(i, f.integer);
      break;
    case Type::real:
      st.bind_real(i, f.real);
      break;
    case Type::text:
      st.bind(i, std::string_view(f.bytes));
      break;
    case Type::blob:
      st.bind_blob(i, f.bytes);
      break;
  }
}

}  // namespace

// Each engine's errors are turned into desk's by the store they came from.
std::int64_t copy_table(SqlStore& source, SqlStore& target, std::string_view table) {
  Connection& from = source.sql();
  Connection& to = target.sql();
  Statement read(from, fmt::format("SELECT * FROM {}", quoted(std::string(table))), Rows::many);
  auto step = [&] { return source.guarded([&] { return read.step(); }); };
  bool any = step();
  std::vector<std::string> columns;
  for (int c = 0; c < read.columns(); ++c) columns.push_back(read.column_name(c));
  if (!any || columns.empty()) return 0;
  std::size_t per_batch = std::max<std::size_t>(1, kPlaceholdersPerInsert / columns.size());
  Statement full =
      target.guarded([&] { return Statement(to, insert_sql(table, columns, per_batch)); });
  std::vector<Field> batch;
  batch.reserve(per_batch * columns.size());
  std::size_t rows = 0;
  std::int64_t copied = 0;
  auto write = [&](Statement& insert) {
    target.guarded([&] {
      for (std::size_t i = 0; i < batch.size(); ++i)
        bind_field(insert, static_cast<int>(i + 1), batch[i]);
      insert.run();
      insert.clear();
    });
    copied += static_cast<std::int64_t>(rows);
    batch.clear();
    rows = 0;
  };
  do {
    for (int c = 0; c < read.columns(); ++c) {
      Field f;
      f.type = read.type(c);
      if (f.type == Type::integer) f.integer = read.integer(c);
      if (f.type == Type::real) f.real = read.real(c);
      if (f.type == Type::text || f.type == Type::blob) f.bytes = read.view(c);
      batch.push_back(std::move(f));
    }
    if (++rows == per_batch) write(full);
  } while (step());
  if (rows > 0) {
    Statement rest =
        target.guarded([&] { return Statement(to, insert_sql(table, columns, rows)); });
    write(rest);
  }
  return copied;
}

// Children before the rows they refer to; the id bookkeeping, which the
// deletes add to, after them.
void SqlStore::remove_every_row() {
  guarded([&] {
    for (auto t = kStoreTables.rbegin(); t != kStoreTables.rend(); ++t)
      sql().exec("DELETE FROM " + quoted(std::string(*t)));
    sql().exec("DELETE FROM id_retired");
  });
}

void SqlStore::after_copy() {}

bool holds_rows(SqlStore& s) {
  return s.guarded([&] {
    for (std::string_view t : kStoreTables) {
      if (t == "id_high_water" || t == "mail_secret") continue;
      if (s.sql().integer(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) x",
                                      quoted(std::string(t)))) > 0)
        return true;
    }
    return false;
  });
}

CopiedRows copy_rows(SqlStore& from, SqlStore& to) {
  CopiedRows out;
  Snapshot snapshot(from);
  to.remove_every_row();
  to.defer_references();
  for (std::string_view table : kStoreTables) out.emplace_back(table, copy_table(from, to, table));
  to.after_copy();
  return out;
}

}  // namespace desk::store::sql
