// A ticket as `desk show` prints it, for the commands that show tickets
// inside their own output (desk customer export --format text).
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "desk/format/rows.hpp"

#include "context.hpp"

namespace desk::cmd {

// Each ticket with its events, links, articles, checklist and ratings, as
// `desk show --format json` prints it (`customer_names`: events name
// customers rather than giving their ids, as the tables do; `quoted`: a
// mail's quoted history stays in its event).
std::vector<format::Json> ticket_views(Env& env, const std::vector<std::int64_t>& ids,
                                       bool customer_names, bool quoted);

// One ticket of ticket_views() as `desk show` prints it for people, on `out`
// (coloured only when `out` is the terminal's standard output; `full`: with
// the quoted history of mail).
void print_ticket_text(Env& env, std::ostream& out, const format::Json& ticket, bool full);

}  // namespace desk::cmd
