// The graph of links between tickets: the kinds with a direction
// (model::is_acyclic) can never lead back to where they started.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "desk/model/vocabulary.hpp"

namespace desk::store {
class Store;
}

namespace desk::tickets {

// The cycle a new link "`id` `kind` `other`" would close: the tickets from
// `other` back to `id` along the links of that kind already stored, then
// `other` again; empty when there is none (or the kind may go round).
std::vector<std::int64_t> link_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                                     model::LinkKind kind);

// The one-line message for such a cycle ("linking 3 parent-of 1 would make a
// cycle: 1 → 2 → 3 → 1"); empty when there is none.
std::string link_cycle_message(store::Store& store, std::int64_t id, std::int64_t other,
                               model::LinkKind kind);

// Refuses (DataError, exit 65) a link that would close a cycle.
void require_no_cycle(store::Store& store, std::int64_t id, std::int64_t other,
                      model::LinkKind kind);

}  // namespace desk::tickets
