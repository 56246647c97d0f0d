// JSON text written straight into a buffer, byte for byte what
// nlohmann::json's dump (compact, UTF-8 kept, invalid UTF-8 replaced) writes
// for the same value: for writers that stream millions of values (desk
// export) where building a JSON value for each would cost most of the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace desk::format {

// "text" with quotes and escapes.
void append_json_string(std::string& out, std::string_view text);
// The same for text known to be valid UTF-8 (simdjson checked it).
void append_valid_json_string(std::string& out, std::string_view text);
void append_json_int(std::string& out, std::int64_t n);
void append_json_uint(std::string& out, std::uint64_t n);
void append_json_double(std::string& out, double d);
// Any value, as value.dump() would write it, without the temporary string.
void append_json(std::string& out, const nlohmann::ordered_json& value);

}  // namespace desk::format
