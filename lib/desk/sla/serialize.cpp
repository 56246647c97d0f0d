#include "desk/sla/serialize.hpp"

#include <algorithm>

namespace desk::sla {

namespace {

std::int64_t minutes(std::int64_t seconds) {
  return seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60);
}

void clock_fields(Json& j, const std::string& prefix, const Clock* c, const ServiceLevels& levels) {
  auto key = [&](const char* suffix) { return prefix + suffix; };
  if (c == nullptr) {
    for (const char* suffix :
         {"_target_minutes", "_start", "_due", "_stopped_at", "_elapsed_minutes",
          "_remaining_minutes", "_percent_used", "_running", "_met", "_breached", "_at_risk"})
      j[key(suffix)] = nullptr;
    return;
  }
  const Zone& zone = levels.calendar(c->calendar).zone();
  std::int64_t target = c->target / 60;
  std::int64_t elapsed = minutes(c->state.elapsed);
  j[key("_target_minutes")] = target;
  j[key("_start")] = format_iso(c->state.start, zone);
  j[key("_due")] = format_iso(c->state.due, zone);
  j[key("_stopped_at")] =
      c->stopped && !c->state.running ? Json(format_iso(*c->stopped, zone)) : Json();
  j[key("_elapsed_minutes")] = elapsed;
  j[key("_remaining_minutes")] = target - elapsed;
  j[key("_percent_used")] = c->state.percent_used;
  j[key("_running")] = c->state.running;
  j[key("_met")] = c->state.met;
  j[key("_breached")] = c->state.breached;
  j[key("_at_risk")] = c->state.at_risk;
}

}  // namespace

Json sla_json(const TicketSla& s, const ServiceLevels& levels) {
  Json j = Json::object();
  j["ticket"] = s.ticket;
  j["policy"] = s.policy.empty() ? Json() : Json(s.policy);
  j["calendar"] = s.calendar.empty() ? Json() : Json(s.calendar);
  j["timezone"] = s.calendar.empty() ? Json() : Json(levels.calendar(s.calendar).zone().name());
  j["paused"] = s.paused;
  j["state"] = sla_state(s);
  for (const char* name : {"response", "resolve", "update"})
    clock_fields(j, name, s.clock(name), levels);
  if (s.ola_team.empty()) {
    j["ola"] = nullptr;
  } else {
    Json o = Json::object();
    o["team"] = s.ola_team;
    clock_fields(o, "response", s.clock("ola_response"), levels);
    clock_fields(o, "resolve", s.clock("ola_resolve"), levels);
    j["ola"] = std::move(o);
  }
  return j;
}

std::string sla_state(const TicketSla& s) {
  if (s.clocks.empty()) return "";
  if (s.breached()) return "breached";
  if (s.at_risk()) return "at-risk";
  if (s.paused) return "paused";
  bool running =
      std::any_of(s.clocks.begin(), s.clocks.end(), [](const Clock& c) { return c.state.running; });
  return running ? "running" : "met";
}

}  // namespace desk::sla
