// Satisfaction ratings.
#include <fmt/format.h>

#include "desk/audit/chain.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

namespace {

constexpr const char* kInsert =
    "INSERT INTO ratings (ticket_id, resolution, score, comment, at, actor, resolver) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kOfTicket =
    "SELECT id, ticket_id, resolution, score, comment, at, actor, resolver FROM ratings "
    "WHERE ticket_id = ? ORDER BY resolution";
constexpr const char* kEraseComments =
    "UPDATE ratings SET comment = ? WHERE ticket_id = ? AND comment <> ''";

model::Rating rating_from_row(sql::Statement& st, int i = 0) {
  model::Rating r;
  r.id = st.integer(i);
  r.ticket_id = st.integer(i + 1);
  r.resolution = st.integer(i + 2);
  r.score = st.integer(i + 3);
  r.comment = st.text(i + 4);
  r.at = from_unix(st.integer(i + 5));
  r.actor = st.text(i + 6);
  r.resolver = st.text(i + 7);
  return r;
}

const std::string& between_sql() {
  static const std::string sql = fmt::format(
      "SELECT r.id, r.ticket_id, r.resolution, r.score, r.comment, r.at, r.actor, r.resolver, {} "
      "FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
      "LEFT JOIN customers c ON c.id = t.customer_id "
      "WHERE r.at >= ? AND r.at < ? ORDER BY r.at, r.id",
      kTicketColumns);
  return sql;
}

class SqlRatings final : public RatingStore {
 public:
  explicit SqlRatings(SqlStore& s) : s_(s) {}

  std::int64_t insert(const model::Rating& r) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kInsert);
      st.bind(1, static_cast<int64_t>(r.ticket_id));
      st.bind(2, r.resolution);
      st.bind(3, r.score);
      st.bind(4, r.comment);
      st.bind(5, static_cast<int64_t>(to_unix(r.at)));
      st.bind(6, r.actor);
      st.bind(7, r.resolver);
      return st.run_returning_id();
    });
  }

  std::vector<model::Rating> of_ticket(std::int64_t ticket_id) override {
    return s_.guarded([&] {
      std::vector<model::Rating> out;
      auto& st = s_.statement(kOfTicket);
      st.bind(1, static_cast<int64_t>(ticket_id));
      while (st.step()) out.push_back(rating_from_row(st));
      return out;
    });
  }

  void each_between(
      Instant since, Instant until,
      const std::function<void(const model::Rating&, const model::Ticket&)>& row) override {
    s_.guarded([&] {
      sql::Statement st(s_.sql(), between_sql());
      st.bind(1, static_cast<int64_t>(to_unix(since)));
      st.bind(2, static_cast<int64_t>(to_unix(until)));
      while (st.step()) {
        model::Rating r = rating_from_row(st);
        // ticket_from_row reads from column 0: a statement of its own shape.
        model::Ticket t = ticket_at(st, 8);
        row(r, t);
      }
    });
  }

  void erase_comments(std::int64_t ticket_id) override {
    s_.guarded([&] {
      auto& st = s_.statement(kEraseComments);
      st.bind(1, std::string(audit::kErased));
      st.bind(2, static_cast<int64_t>(ticket_id));
      st.run();
    });
  }

 private:
  model::Ticket ticket_at(sql::Statement& st, int offset) { return ticket_from_row(st, offset); }

  SqlStore& s_;
};

}  // namespace

RatingStore& SqlStore::ratings() {
  if (!ratings_) ratings_ = std::make_unique<SqlRatings>(*this);
  return *ratings_;
}

}  // namespace desk::store::sql
