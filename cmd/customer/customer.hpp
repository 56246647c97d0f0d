// desk customer: the people tickets are for, and their rights over their
// data, one subcommand per job here:
//   change (add, edit, merge)    who they are
//   read (show, list)            them, their tickets and satisfaction
//   rights (export, forget)      a subject access request, erasure
// customer.cpp lists them.
#pragma once

#include <ostream>

#include "desk/format/rows.hpp"
#include "desk/model/customer.hpp"
#include "desk/work/session.hpp"

#include "registry.hpp"

namespace desk::cmd::customercmd {

using format::Json;

// A customer with their tickets and how they rated them (show --format json).
Json customer_view(work::Session& s, const model::Customer& c, const Zone& zone);
// customer_view() as `desk customer show` prints it for people, on `out`.
void print_customer_text(std::ostream& out, const model::Customer& c, Json j);

// The subcommands: each adds itself to `customer` (registry.hpp's Sub).
Sub add(CLI::App& customer);
Sub edit(CLI::App& customer);
Sub show(CLI::App& customer);
Sub list(CLI::App& customer);
Sub merge(CLI::App& customer);
Sub exp(CLI::App& customer);
Sub forget(CLI::App& customer);

}  // namespace desk::cmd::customercmd
