#include "desk/bulk/bad_rows.hpp"

#include <algorithm>

namespace desk::bulk {

void BadRowList::add(const DataError& e) {
  ++count_;
  std::string what = e.what();
  if (auto at = what.find("unknown column "); at != std::string::npos) {
    std::string column = what.substr(at);
    if (std::find(columns_.begin(), columns_.end(), column) != columns_.end()) return;
    columns_.push_back(column);
  }
  if (rows_.size() < BadRows::kKept) rows_.push_back({what, e.hint()});
}

void BadRowList::throw_if_any() {
  if (count_) throw BadRows(std::move(rows_), count_);
}

}  // namespace desk::bulk
