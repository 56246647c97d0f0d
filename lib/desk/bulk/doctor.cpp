#include "desk/bulk/doctor.hpp"

#include <fmt/format.h>

#include "desk/bulk/compare.hpp"
#include "desk/model/fields.hpp"
#include "desk/util/strings.hpp"

namespace desk::bulk {

namespace {

const char* const kRestore =
    "restore the latest good backup with 'desk restore FILE' (desk-restore(1)); 'desk export' "
    "first saves what can still be read";

class Findings {
 public:
  Findings(DoctorReport& r, std::size_t limit) : r_(r), limit_(limit) {}
  void add(std::string where, std::string what, std::string fix, std::size_t& kept) {
    ++r_.problems;
    if (kept++ < limit_) r_.findings.push_back({std::move(where), std::move(what), std::move(fix)});
  }

 private:
  DoctorReport& r_;
  std::size_t limit_;
};

std::string shown(const model::Json& v) {
  if (v.is_null()) return "(none)";
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  return v.dump();
}

}  // namespace

DoctorReport examine(store::Store& store, const DoctorOptions& o) {
  DoctorReport r;
  Findings f(r, o.limit);
  std::size_t file = 0, refs = 0, rows = 0;
  for (const auto& p : store.check_integrity(!o.full)) f.add(p.where, p.what, kRestore, file);
  for (const auto& p : store.check_references()) f.add(p.where, p.what, kRestore, refs);
  store.each_ticket_with_events({}, [&](const model::Ticket& t,
                                        const std::vector<model::Event>& events) {
    ++r.tickets;
    r.events += static_cast<std::int64_t>(events.size());
    std::string where = fmt::format("ticket {}", t.id);
    if (events.empty()) {
      f.add(where, "has no history: no events at all", kRestore, rows);
    } else if (events.front().kind != "logged") {
      f.add(where,
            fmt::format("its history starts with {}, not 'logged'",
                        util::quoted(events.front().kind)),
            kRestore, rows);
    } else {
      model::Ticket replayed = model::replay(events);
      auto differ = differing_fields(t, replayed);
      if (!differ.empty()) {
        r.mismatched.push_back(t.id);
        std::vector<std::string> parts;
        for (const auto& name : differ)
          parts.push_back(fmt::format("{} is {} in its row, {} by its events", name,
                                      shown(model::get_field(t, name)),
                                      shown(model::get_field(replayed, name))));
        f.add(where, util::join(parts, "; "),
              "the events are the record: 'desk doctor --repair' rewrites the row from them", rows);
      }
    }
    if (o.progress && r.tickets % 4096 == 0) o.progress(r.tickets);
    return true;
  });
  return r;
}

std::int64_t repair_rows(work::Session& s, const std::vector<std::int64_t>& ids) {
  std::int64_t changed = 0;
  for (auto id : ids) {
    auto row = s.store.find_ticket(id);
    auto events = s.store.ticket_events(id);
    if (!row || events.empty() || events.front().kind != "logged") continue;
    model::Ticket replayed = model::replay(events);
    if (differing_fields(*row, replayed).empty()) continue;
    s.store.update_ticket(replayed);
    ++changed;
  }
  return changed;
}

}  // namespace desk::bulk
