#include "desk/tickets/absences.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/record.hpp"
#include "desk/work/validate.hpp"

namespace desk::tickets {

namespace {

constexpr std::string_view kPrefix = "technician:";

std::string subject_of(const std::string& technician) {
  return std::string(kPrefix) + technician;
}

}  // namespace

model::Event record_absence(work::Session& s, const AbsenceRequest& r) {
  std::vector<std::string> known;
  for (const auto& [id, tech] : s.config.technicians) known.push_back(id);
  work::require_one_of("technician", r.technician, known);
  Instant from = r.from.value_or(s.now);
  if (r.until <= from)
    throw DataError(
        fmt::format("--until {} is not after --from {}", format_iso(r.until, s.config.zone()),
                    format_iso(from, s.config.zone())),
        "--until is when they are back");
  model::Event e;
  e.kind = model::EventKind::away;
  e.subject = subject_of(r.technician);
  e.text = r.reason;
  e.extra["from"] = to_unix(from);
  e.extra["until"] = to_unix(r.until);
  return work::record_subject(s, std::move(e));
}

model::Event cancel_absence(work::Session& s, std::int64_t id) {
  for (const auto& a : absences(s))
    if (a.id == id) {
      model::Event e;
      e.kind = model::EventKind::away_cancelled;
      e.subject = subject_of(a.technician);
      e.extra["absence"] = id;
      return work::record_subject(s, std::move(e));
    }
  throw Refused(fmt::format("no absence {}", id), "'desk away --list' shows them with their ids");
}

std::vector<Absence> absences(work::Session& s) {
  std::vector<Absence> all;
  std::set<std::int64_t> cancelled;
  s.store.audit().each_subject_record(kPrefix, [&](const audit::Record& r) {
    model::Json data = model::Json::parse(r.data, nullptr, false);
    if (!data.is_object()) return true;  // sealed or damaged: desk doctor says so
    if (r.kind == util::name(model::EventKind::away_cancelled)) {
      if (data.contains("absence") && data["absence"].is_number_integer())
        cancelled.insert(data["absence"].get<std::int64_t>());
    } else if (r.kind == util::name(model::EventKind::away) && data.contains("from") &&
               data["from"].is_number_integer() && data.contains("until") &&
               data["until"].is_number_integer()) {
      Absence a;
      a.id = r.id;
      a.technician = r.subject.substr(kPrefix.size());
      a.from = from_unix(data["from"].get<std::int64_t>());
      a.until = from_unix(data["until"].get<std::int64_t>());
      if (data.contains("text") && data["text"].is_string()) a.reason = data["text"];
      a.recorded_by = r.actor;
      all.push_back(std::move(a));
    }
    return true;
  });
  std::erase_if(all, [&](const Absence& a) { return cancelled.count(a.id) > 0; });
  // The store gives them by subject, then id: back in the order recorded.
  std::sort(all.begin(), all.end(), [](const Absence& a, const Absence& b) { return a.id < b.id; });
  return all;
}

Whereabouts::Whereabouts(work::Session& s) : config_(s.config), calendars_(s.config.calendars) {
  for (auto& a : absences(s)) by_technician_[a.technician].push_back(std::move(a));
}

bool Whereabouts::away(const std::string& technician, Instant at) const {
  if (const auto* tech = config_.technician(technician); tech && tech->away) return true;
  return back(technician, at).has_value();
}

bool Whereabouts::on_shift(const std::string& technician, Instant at,
                           const std::string& fallback) const {
  std::string name = config_.shift_calendar(technician);
  if (name.empty()) name = fallback;
  if (name.empty()) return true;
  return calendars_.get(name).is_open(at);
}

std::optional<Instant> Whereabouts::back(const std::string& technician, Instant at) const {
  auto it = by_technician_.find(technician);
  if (it == by_technician_.end()) return std::nullopt;
  std::optional<Instant> back;
  // Absences that meet or overlap run on: back when the last of them ends.
  for (bool extended = true; extended;) {
    extended = false;
    Instant probe = back.value_or(at);
    for (const auto& a : it->second)
      if (a.from <= probe && probe < a.until && (!back || a.until > *back)) {
        back = a.until;
        extended = true;
      }
  }
  return back;
}

}  // namespace desk::tickets
