// parse_row: which shape a row is, and what both shapes share.
#include "desk/bulk/import_parse.hpp"

#include "desk/work/validate.hpp"

namespace desk::bulk {

void bad(std::size_t line, const std::string& what, const std::string& hint) {
  throw DataError(fmt::format("line {}: {}", line, what), hint);
}

std::string json_text(const Json& v) {
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Instant time_value(const Json& v, std::string_view key, std::size_t line, const ParseContext& ctx) {
  if (!v.is_string())
    bad(line, fmt::format("{} must be a time as text, not {}", util::quoted(key), json_text(v)));
  return at_line(line, [&] {
    try {
      return parse_time(v.get<std::string>(), ctx.now, ctx.zone);
    } catch (const DataError& e) {
      throw DataError(fmt::format("{}: {}", util::quoted(key), e.what()),
                      "times are ISO 8601, such as 2026-11-24T09:05:00Z or 2026-11-24 09:05");
    }
  });
}

model::Event make_event(model::EventKind kind, Instant at, const std::string& actor) {
  model::Event e;
  e.kind = kind;
  e.at = at;
  e.recorded_at = at;
  e.actor = actor;
  return e;
}

Parsed parse_row(const Row& row, const ParseContext& ctx) {
  if (!row.object.is_object()) bad(row.line, "a row must be an object");
  Parsed p = row.object.contains("events") ? parse_history(row, ctx) : parse_other(row, ctx);
  // The texts a row brings are held to [limits] as desk log and desk note
  // hold them, before anything is written.
  at_line(row.line, [&] {
    for (const auto& e : p.events) work::require_within_limits(ctx.config.limits, e);
  });
  return p;
}

}  // namespace desk::bulk
