// Customers.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

namespace {

constexpr const char* kById =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at, erased_at "
    "FROM customers "
    "WHERE id = ?";
constexpr const char* kByEmail =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at, erased_at "
    "FROM customers "
    "WHERE email COLLATE NOCASE = ? COLLATE NOCASE";
constexpr const char* kByName =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at, erased_at "
    "FROM customers "
    "WHERE name COLLATE NOCASE = ? COLLATE NOCASE ORDER BY id LIMIT 1";

// The id is the next one unless the customer brings its own (an import)
// that no customer ever had: a deleted customer's id is never given again.
constexpr const char* kInsertCustomer =
    "INSERT INTO customers (name, email, organisation, phone, tier, notes, created_at, updated_at, "
    "id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce((SELECT CAST(?9 AS BIGINT) WHERE ?9 NOT "
    "IN (SELECT id "
    "FROM id_retired WHERE name = 'customers')), " DESK_NEXT_ID("customers") ")) RETURNING id";

constexpr const char* kList =
    "SELECT id, name, email, organisation, phone, tier, notes, created_at, updated_at, erased_at "
    "FROM customers ORDER BY id";
constexpr const char* kUpdate =
    "UPDATE customers SET name = ?2, email = ?3, organisation = ?4, phone = ?5, tier = ?6, "
    "notes = ?7, updated_at = ?8, erased_at = ?9 WHERE id = ?1";
constexpr const char* kRemove = "DELETE FROM customers WHERE id = ?";
constexpr const char* kTicketsOf = "SELECT id FROM tickets WHERE customer_id = ? ORDER BY id";
// Quiet: not erased, no open ticket, nothing changed since the cut-off.
constexpr const char* kQuiet =
    "SELECT c.id FROM customers c WHERE c.erased_at IS NULL AND c.updated_at < ?1 AND NOT EXISTS "
    "(SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND (t.updated_at >= ?1 OR t.status "
    "NOT IN ('resolved', 'closed'))) ORDER BY c.id";

model::Customer from_row(sql::Statement& st) {
  model::Customer c;
  auto text = [&](int i) { return st.text(i); };
  c.id = st.integer(0);
  c.name = text(1);
  c.email = text(2);
  c.organisation = text(3);
  c.phone = text(4);
  c.tier = text(5);
  c.notes = text(6);
  c.created_at = from_unix(st.integer(7));
  c.updated_at = from_unix(st.integer(8));
  if (!st.null(9)) c.erased_at = from_unix(st.integer(9));
  return c;
}

class SqlCustomers final : public CustomerStore {
 public:
  explicit SqlCustomers(SqlStore& s) : s_(s) {}

  std::vector<model::Customer> list(const std::string& words) override {
    return s_.guarded([&] {
      std::vector<model::Customer> out;
      // Matched in desk, with the one fold every engine then shares.
      sql::Statement st(s_.sql(), kList);
      while (st.step()) {
        model::Customer c = from_row(st);
        if (words.empty() ||
            util::contains_folded(c.name + '\n' + c.email + '\n' + c.organisation, words))
          out.push_back(std::move(c));
      }
      return out;
    });
  }

  void update(const model::Customer& c) override {
    s_.guarded([&] {
      auto& st = s_.statement(kUpdate);
      st.bind(1, static_cast<int64_t>(c.id));
      st.bind(2, c.name);
      if (c.email.empty())
        st.bind_null(3);
      else
        st.bind(3, c.email);
      st.bind(4, c.organisation);
      st.bind(5, c.phone);
      st.bind(6, c.tier);
      st.bind(7, c.notes);
      st.bind(8, static_cast<int64_t>(to_unix(c.updated_at)));
      if (c.erased_at)
        st.bind(9, static_cast<int64_t>(to_unix(*c.erased_at)));
      else
        st.bind_null(9);
      if (st.run() != 1) throw Refused(fmt::format("no customer {}", c.id));
    });
  }

  void remove(std::int64_t id) override {
    s_.guarded([&] {
      auto& st = s_.statement(kRemove);
      st.bind(1, static_cast<int64_t>(id));
      st.run();
    });
  }

  std::vector<std::int64_t> tickets_of(std::int64_t customer_id) override {
    return ids(kTicketsOf, customer_id);
  }

  std::vector<std::int64_t> quiet_since(Instant before) override {
    return ids(kQuiet, to_unix(before));
  }

 private:
  std::vector<std::int64_t> ids(const char* sql, std::int64_t value) {
    return s_.guarded([&] {
      std::vector<std::int64_t> out;
      sql::Statement st(s_.sql(), sql);
      st.bind(1, static_cast<int64_t>(value));
      while (st.step()) out.push_back(st.integer(0));
      return out;
    });
  }

  SqlStore& s_;
};

}  // namespace

CustomerStore& SqlStore::customers() {
  if (!customers_) customers_ = std::make_unique<SqlCustomers>(*this);
  return *customers_;
}

std::optional<model::Customer> SqlStore::customer(std::int64_t id) {
  return guarded([&]() -> std::optional<model::Customer> {
    auto& st = statement(kById);
    st.bind(1, static_cast<int64_t>(id));
    if (!st.step()) return std::nullopt;
    return from_row(st);
  });
}

std::optional<model::Customer> SqlStore::find_customer(std::string_view key) {
  return guarded([&]() -> std::optional<model::Customer> {
    if (auto id = util::parse_int(key)) return customer(*id);
    for (const char* sql : {kByEmail, kByName}) {
      auto& st = statement(sql);
      st.bind(1, std::string(key));
      if (st.step()) return from_row(st);
    }
    return std::nullopt;
  });
}

std::int64_t SqlStore::insert_customer(const model::Customer& c) {
  return guarded([&] {
    auto& st = statement(kInsertCustomer);
    st.bind(1, c.name);
    if (c.email.empty())
      st.bind_null(2);
    else
      st.bind(2, c.email);
    st.bind(3, c.organisation);
    st.bind(4, c.phone);
    st.bind(5, c.tier);
    st.bind(6, c.notes);
    st.bind(7, static_cast<int64_t>(to_unix(c.created_at)));
    st.bind(8, static_cast<int64_t>(to_unix(c.updated_at)));
    if (c.id != 0) st.bind(9, static_cast<int64_t>(c.id));
    return st.run_returning_id();
  });
}

}  // namespace desk::store::sql
