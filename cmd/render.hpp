// Rendering helpers the commands share: ticket list columns, colours for
// statuses and priorities, and writing JSON values.
#pragma once

#include <string>
#include <vector>

#include "desk/format/rows.hpp"
#include "desk/model/ticket.hpp"

#include "context.hpp"

namespace desk::cmd {

// Colours: P1/P2 red, pending yellow, resolved green, ...
format::Tone priority_tone(const format::Json& v, const std::vector<std::string>& levels);
format::Tone status_tone(const format::Json& v);

// The columns `desk list` can show, by name, in their default order first.
std::vector<format::Column> ticket_columns(const Env& env, const std::vector<std::string>& names);
const std::vector<std::string>& default_list_columns();
std::vector<std::string> known_list_columns();

// Pretty JSON of one value, for `show --format json` and friends.
void print_json(Env& env, const format::Json& value);

}  // namespace desk::cmd
