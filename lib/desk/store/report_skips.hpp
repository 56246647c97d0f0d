// The tickets ReportStore::each_ticket has left out because a time of
// theirs is outside the supported range (core/time_range.hpp): only a store
// written behind desk's back or by an older desk holds one, and a report
// leaves the ticket out rather than fail on it. The command says so once.
#pragma once

#include <cstdint>

namespace desk::store {

class ReportStore;

// How many tickets `reports` has left out so far.
std::int64_t tickets_left_out(const ReportStore& reports);

}  // namespace desk::store
