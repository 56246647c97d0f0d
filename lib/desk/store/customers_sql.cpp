// Customers.
#include "desk/store/sqlite_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store {

namespace {

constexpr const char* kById =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at FROM "
    "customers "
    "WHERE id = ?";
constexpr const char* kByEmail =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at FROM "
    "customers "
    "WHERE email = ? COLLATE NOCASE";
constexpr const char* kByName =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at FROM "
    "customers "
    "WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1";

// The id is the next one unless the customer brings its own (an import).
constexpr const char* kInsertCustomer =
    "INSERT INTO customers (name, email, organisation, phone, tier, notes, created_at, updated_at, "
    "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

catalog::Customer from_row(SQLite::Statement& st) {
  catalog::Customer c;
  auto text = [&](int i) {
    auto col = st.getColumn(i);
    return col.isNull() ? std::string() : col.getString();
  };
  c.id = st.getColumn(0).getInt64();
  c.name = text(1);
  c.email = text(2);
  c.organisation = text(3);
  c.phone = text(4);
  c.tier = text(5);
  c.notes = text(6);
  c.created_at = from_unix(st.getColumn(7).getInt64());
  c.updated_at = from_unix(st.getColumn(8).getInt64());
  return c;
}

}  // namespace

std::optional<catalog::Customer> SqliteStore::customer(std::int64_t id) {
  return guarded([&]() -> std::optional<catalog::Customer> {
    auto& st = statement(kById);
    st.bind(1, static_cast<int64_t>(id));
    if (!st.executeStep()) return std::nullopt;
    return from_row(st);
  });
}

std::optional<catalog::Customer> SqliteStore::find_customer(std::string_view key) {
  return guarded([&]() -> std::optional<catalog::Customer> {
    if (auto id = util::parse_int(key)) return customer(*id);
    for (const char* sql : {kByEmail, kByName}) {
      auto& st = statement(sql);
      st.bind(1, std::string(key));
      if (st.executeStep()) return from_row(st);
    }
    return std::nullopt;
  });
}

std::int64_t SqliteStore::insert_customer(const catalog::Customer& c) {
  return guarded([&] {
    auto& st = statement(kInsertCustomer);
    st.bind(1, c.name);
    if (c.email.empty())
      st.bind(2);
    else
      st.bind(2, c.email);
    st.bind(3, c.organisation);
    st.bind(4, c.phone);
    st.bind(5, c.tier);
    st.bind(6, c.notes);
    st.bind(7, static_cast<int64_t>(to_unix(c.created_at)));
    st.bind(8, static_cast<int64_t>(to_unix(c.updated_at)));
    if (c.id != 0) st.bind(9, static_cast<int64_t>(c.id));
    st.exec();
    return static_cast<std::int64_t>(db_->getLastInsertRowid());
  });
}

}  // namespace desk::store
