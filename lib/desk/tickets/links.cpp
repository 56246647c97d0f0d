#include "desk/tickets/links.hpp"

#include <deque>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "desk/core/error.hpp"
#include "desk/store/store.hpp"

namespace desk::tickets {

// A breadth-first walk from `other` along stored links of `kind`, so that
// the cycle named is a shortest one. Each step is one indexed query; the
// graphs are small (a parent's children, a chain of duplicates).
std::vector<std::int64_t> link_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                                     model::LinkKind kind) {
  if (!model::is_acyclic(kind)) return {};
  if (id == other) return {id, id};
  std::map<std::int64_t, std::int64_t> came_from{{other, 0}};
  std::deque<std::int64_t> next{other};
  while (!next.empty()) {
    std::int64_t at = next.front();
    next.pop_front();
    for (const auto& l : store.links_of(at)) {
      if (l.ticket_id != at || l.kind != kind || came_from.contains(l.other_id)) continue;
      came_from[l.other_id] = at;
      if (l.other_id != id) {
        next.push_back(l.other_id);
        continue;
      }
      std::vector<std::int64_t> path{other};
      for (std::int64_t t = id; t != other; t = came_from[t]) path.insert(path.begin() + 1, t);
      path.push_back(other);
      return path;
    }
  }
  return {};
}

std::string link_cycle_message(store::Store& store, std::int64_t id, std::int64_t other,
                               model::LinkKind kind) {
  auto cycle = link_cycle(store, id, other, kind);
  if (cycle.empty()) return {};
  return fmt::format("linking {} {} {} would make a cycle: {}", id, kind, other,
                     fmt::join(cycle, " → "));
}

void require_no_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                      model::LinkKind kind) {
  if (auto message = link_cycle_message(store, id, other, kind); !message.empty())
    throw DataError(message);
}

}  // namespace desk::tickets
