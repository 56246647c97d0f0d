#include "desk/store/sql/statement.hpp"

namespace desk::store::sql {

void Statement::bind_values(const std::vector<Value>& values) {
  int i = 1;
  for (const auto& v : values) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
      bind(i++, *n);
    else
      bind(i++, std::string_view(std::get<std::string>(v)));
  }
}

std::int64_t Statement::run_returning_id() {
  step();  // the row is written by the first step, on either engine
  std::int64_t id = integer(0);
  reset();
  return id;
}

std::int64_t Connection::integer(std::string_view sql) {
  Statement st(*this, sql);
  return st.step() ? st.integer(0) : 0;
}

}  // namespace desk::store::sql
