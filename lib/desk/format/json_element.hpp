// A scalar read by simdjson, written as nlohmann::json dumps the same value
// once it has parsed it: for the writers that transcode stored JSON without
// building nlohmann values (desk export, the audit chain's canonical text).
#pragma once

#include <simdjson.h>
#include <string>

namespace desk::format {

// Numbers, booleans and null. False, writing nothing, for anything else
// (strings, arrays and objects are the caller's), and for a negative zero:
// nlohmann reads "-0" as the integer 0, simdjson as a double, so only the
// caller's exact path can tell which was written.
bool append_json_scalar(std::string& out, simdjson::dom::element value);

}  // namespace desk::format
