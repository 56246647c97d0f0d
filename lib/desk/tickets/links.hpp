// The graph of links between tickets. "related" goes both ways; the other
// kinds have a direction (parent → child, duplicate → original, effect →
// cause) and, by what they mean, can never lead back to where they started.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace desk::store {
class Store;
}

namespace desk::tickets {

// Whether links of `kind` must never form a cycle.
bool link_kind_is_acyclic(std::string_view kind);

// The cycle a new link "`id` `kind` `other`" would close: the tickets from
// `other` back to `id` along the links of that kind already stored, then
// `other` again; empty when there is none (or the kind may go round).
std::vector<std::int64_t> link_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                                     std::string_view kind);

// The one-line message for such a cycle ("linking 3 parent-of 1 would make a
// cycle: 1 → 2 → 3 → 1"); empty when there is none.
std::string link_cycle_message(store::Store& store, std::int64_t id, std::int64_t other,
                               std::string_view kind);

// Refuses (DataError, exit 65) a link that would close a cycle.
void require_no_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                      std::string_view kind);

}  // namespace desk::tickets
