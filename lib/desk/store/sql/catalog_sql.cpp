// The service catalogue and tickets' checklists.
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/sql/sql_store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sql {

namespace {

#define DESK_SERVICE_COLUMNS                                                                \
  "id, name, description, owner, request_types, categories, sla, requesters, replaced_by, " \
  "created_at, updated_at, retired_at"

constexpr const char* kFindService = "SELECT " DESK_SERVICE_COLUMNS " FROM services WHERE name = ?";
constexpr const char* kAllServices = "SELECT " DESK_SERVICE_COLUMNS " FROM services ORDER BY name";
constexpr const char* kLiveServices =
    "SELECT " DESK_SERVICE_COLUMNS " FROM services WHERE retired_at IS NULL ORDER BY name";
constexpr const char* kInsertService =
    "INSERT INTO services (name, description, owner, request_types, categories, sla, "
    "requesters, replaced_by, created_at, updated_at, retired_at) "
    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id";
constexpr const char* kUpdateService =
    "UPDATE services SET name = ?2, description = ?3, owner = ?4, request_types = ?5, "
    "categories = ?6, sla = ?7, requesters = ?8, replaced_by = ?9, created_at = ?10, "
    "updated_at = ?11, retired_at = ?12 WHERE id = ?1";
#undef DESK_SERVICE_COLUMNS

constexpr const char* kSteps = "SELECT text FROM service_steps WHERE service_id = ? ORDER BY step";
constexpr const char* kDeleteSteps = "DELETE FROM service_steps WHERE service_id = ?";
constexpr const char* kInsertStep =
    "INSERT INTO service_steps (service_id, step, text) VALUES (?, ?, ?)";

constexpr const char* kTicketSteps =
    "SELECT step, text, done_at, done_by FROM ticket_steps WHERE ticket_id = ? ORDER BY step";
constexpr const char* kInsertTicketStep =
    "INSERT INTO ticket_steps (ticket_id, step, text) VALUES (?, ?, ?)";
constexpr const char* kMarkStep =
    "UPDATE ticket_steps SET done_at = ?, done_by = ? WHERE ticket_id = ? AND step = ?";

constexpr const char* kLastRequested =
    "SELECT service, max(created_at) FROM tickets WHERE service <> '' GROUP BY service";
constexpr const char* kByCategory =
    "SELECT category, count(*) FROM tickets WHERE created_at >= ? GROUP BY category";

std::string list_text(const std::vector<std::string>& v) {
  return util::join(v, ",");
}

model::Service service_from_row(sql::Statement& st) {
  model::Service s;
  s.id = st.integer(0);
  s.name = st.text(1);
  s.description = st.text(2);
  s.owner = st.text(3);
  s.request_types = util::split(st.text(4), ',');
  s.categories = util::split(st.text(5), ',');
  s.sla = st.text(6);
  s.requesters = util::split(st.text(7), ',');
  s.replaced_by = st.text(8);
  s.created_at = from_unix(st.integer(9));
  s.updated_at = from_unix(st.integer(10));
  if (!st.null(11)) s.retired_at = from_unix(st.integer(11));
  return s;
}

void bind_service(sql::Statement& st, const model::Service& s) {
  st.bind(1, static_cast<int64_t>(s.id));
  st.bind(2, s.name);
  st.bind(3, s.description);
  st.bind(4, s.owner);
  st.bind(5, list_text(s.request_types));
  st.bind(6, list_text(s.categories));
  st.bind(7, s.sla);
  st.bind(8, list_text(s.requesters));
  st.bind(9, s.replaced_by);
  st.bind(10, static_cast<int64_t>(to_unix(s.created_at)));
  st.bind(11, static_cast<int64_t>(to_unix(s.updated_at)));
  if (s.retired_at)
    st.bind(12, static_cast<int64_t>(to_unix(*s.retired_at)));
  else
    st.bind_null(12);
}

class SqlCatalog final : public CatalogStore {
 public:
  explicit SqlCatalog(SqlStore& s) : s_(s) {}

  std::optional<model::Service> find_service(std::string_view name) override {
    return s_.guarded([&]() -> std::optional<model::Service> {
      model::Service out;
      {
        auto& st = s_.statement(kFindService);
        st.bind(1, std::string(name));
        if (!st.step()) return std::nullopt;
        out = service_from_row(st);
        st.reset();
      }
      out.steps = steps(out.id);
      return out;
    });
  }

  std::vector<model::Service> services(bool with_retired) override {
    return s_.guarded([&] {
      std::vector<model::Service> out;
      {
        sql::Statement st(s_.sql(), with_retired ? kAllServices : kLiveServices);
        while (st.step()) out.push_back(service_from_row(st));
      }
      for (auto& s : out) s.steps = steps(s.id);
      return out;
    });
  }

  std::int64_t insert_service(const model::Service& s) override {
    return s_.guarded([&] {
      auto& st = s_.statement(kInsertService);
      bind_service(st, s);
      std::int64_t id = st.run_returning_id();
      write_steps(id, s.steps);
      return id;
    });
  }

  void update_service(const model::Service& s) override {
    s_.guarded([&] {
      auto& st = s_.statement(kUpdateService);
      bind_service(st, s);
      if (st.run() != 1) throw Refused(fmt::format("no service {}", util::quoted(s.name)));
      write_steps(s.id, s.steps);
    });
  }

  std::vector<model::ChecklistStep> ticket_steps(std::int64_t ticket_id) override {
    return s_.guarded([&] {
      std::vector<model::ChecklistStep> out;
      auto& st = s_.statement(kTicketSteps);
      st.bind(1, static_cast<int64_t>(ticket_id));
      while (st.step()) {
        model::ChecklistStep step;
        step.number = st.integer(0);
        step.text = st.text(1);
        if (!st.null(2)) step.done_at = from_unix(st.integer(2));
        step.done_by = st.text(3);
        out.push_back(std::move(step));
      }
      return out;
    });
  }

  void add_ticket_steps(std::int64_t ticket_id, const std::vector<std::string>& steps) override {
    s_.guarded([&] {
      int n = 0;
      for (const auto& text : steps) {
        auto& st = s_.statement(kInsertTicketStep);
        st.bind(1, static_cast<int64_t>(ticket_id));
        st.bind(2, ++n);
        st.bind(3, text);
        st.run();
      }
    });
  }

  void mark_step(std::int64_t ticket_id, int step, Instant at, const std::string& by) override {
    s_.guarded([&] {
      auto& st = s_.statement(kMarkStep);
      st.bind(1, static_cast<int64_t>(to_unix(at)));
      st.bind(2, by);
      st.bind(3, static_cast<int64_t>(ticket_id));
      st.bind(4, step);
      st.run();
    });
  }

  std::map<std::string, Instant> last_requested() override {
    return s_.guarded([&] {
      std::map<std::string, Instant> out;
      sql::Statement st(s_.sql(), kLastRequested);
      while (st.step()) out[st.text(0)] = from_unix(st.integer(1));
      return out;
    });
  }

  std::map<std::string, std::int64_t> tickets_by_category(Instant since) override {
    return s_.guarded([&] {
      std::map<std::string, std::int64_t> out;
      sql::Statement st(s_.sql(), kByCategory);
      st.bind(1, static_cast<int64_t>(to_unix(since)));
      while (st.step()) out[st.text(0)] = st.integer(1);
      return out;
    });
  }

 private:
  std::vector<std::string> steps(std::int64_t service_id) {
    std::vector<std::string> out;
    auto& st = s_.statement(kSteps);
    st.bind(1, static_cast<int64_t>(service_id));
    while (st.step()) out.push_back(st.text(0));
    return out;
  }

  void write_steps(std::int64_t service_id, const std::vector<std::string>& steps) {
    auto& del = s_.statement(kDeleteSteps);
    del.bind(1, static_cast<int64_t>(service_id));
    del.run();
    int n = 0;
    for (const auto& text : steps) {
      auto& ins = s_.statement(kInsertStep);
      ins.bind(1, static_cast<int64_t>(service_id));
      ins.bind(2, ++n);
      ins.bind(3, text);
      ins.run();
    }
  }

  SqlStore& s_;
};

}  // namespace

CatalogStore& SqlStore::catalog() {
  if (!catalog_) catalog_ = std::make_unique<SqlCatalog>(*this);
  return *catalog_;
}

}  // namespace desk::store::sql
