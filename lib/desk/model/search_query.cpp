#include "desk/model/search_query.hpp"

namespace desk::model {

namespace {

void collect(const SearchQuery& q, std::vector<const SearchQuery*>& out) {
  if (q.op == SearchQuery::Op::term) {
    out.push_back(&q);
    return;
  }
  for (const auto& c : q.children) collect(c, out);
  for (const auto& c : q.excluded) collect(c, out);
}

}  // namespace

std::vector<const SearchQuery*> search_terms(const SearchQuery& q) {
  std::vector<const SearchQuery*> out;
  collect(q, out);
  return out;
}

}  // namespace desk::model
