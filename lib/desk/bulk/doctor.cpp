#include "desk/bulk/doctor.hpp"

#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "desk/bulk/compare.hpp"
#include "desk/model/article_history.hpp"
#include "desk/model/customer_history.hpp"
#include "desk/model/fields.hpp"
#include "desk/store/audit_store.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/event_data.hpp"
#include "desk/store/kb_store.hpp"
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

const char* const kDerived =
    "the events are the record and the chain covers them: 'desk audit verify' tells whether "
    "they are intact; restore a backup from before the change with 'desk restore FILE'";

// Ratings and links are rows of their own beside the events that tell of
// them ("rated", "linked"): a row no event tells of, or an event whose row
// is missing or says otherwise, was changed behind desk's back.
std::vector<std::string> derived_rows(store::Store& store, const model::Ticket& t,
                                      const std::vector<model::Event>& events) {
  std::map<int, int> rated;  // resolution -> score (comments may be erased on either side)
  std::set<std::pair<std::int64_t, std::string>> linked;  // other ticket, kind
  for (const auto& e : events) {
    const auto& x = e.extra;
    if (e.kind == model::EventKind::rated && x.contains("score") &&
        x["score"].is_number_integer() && x.contains("resolution") &&
        x["resolution"].is_number_integer()) {
      int score = x["score"].get<int>();
      if (score >= 1 && score <= 5) rated[x["resolution"].get<int>()] = score;
    }
    if (e.kind == model::EventKind::linked && x.contains("to") && x["to"].is_number_integer() &&
        x.contains("link") && x["link"].is_string())
      linked.insert({x["to"].get<std::int64_t>(), x["link"].get<std::string>()});
  }
  std::vector<std::string> out;
  for (const auto& r : store.ratings().of_ticket(t.id)) {
    auto it = rated.find(r.resolution);
    if (it == rated.end())
      out.push_back(fmt::format("has a rating ({} of 5) that no 'rated' event records", r.score));
    else if (it->second != r.score)
      out.push_back(fmt::format("its rating is {} of 5 in its row, {} by its 'rated' event",
                                r.score, it->second));
    if (it != rated.end()) rated.erase(it);
  }
  for (const auto& [resolution, score] : rated)
    out.push_back(fmt::format("its 'rated' event ({} of 5) has no rating row", score));
  for (const auto& l : store.links_of(t.id)) {
    if (l.ticket_id != t.id) continue;  // the other side's, checked with it
    if (linked.erase({l.other_id, std::string(util::name(l.kind))}) == 0)
      out.push_back(
          fmt::format("has a link {} {} that no 'linked' event records", l.kind, l.other_id));
  }
  // A link to a ticket purged since went with it.
  for (const auto& [other, kind] : linked)
    if (store.find_ticket(other))
      out.push_back(fmt::format("its 'linked' event ({} {}) has no link row", kind, other));
  return out;
}

// The events about each subject "<prefix><id>" (a customer, an article),
// one subject at a time, in event order: `subject(id, events)`.
void each_subject(
    store::Store& store, const std::string& prefix,
    const std::function<void(std::int64_t, const std::vector<model::Event>&)>& subject) {
  std::string current;
  std::vector<model::Event> events;
  auto finish = [&] {
    if (auto id = util::parse_int(std::string_view(current).substr(prefix.size())))
      subject(*id, events);
    events.clear();
  };
  store.audit().each_subject_record(prefix, [&](const audit::Record& r) {
    if (r.subject != current && !current.empty()) finish();
    current = r.subject;
    events.push_back(store::event_of(r));
    return true;
  });
  if (!current.empty()) finish();
}

const char* const kNoCustomerEvent = "has a row that no 'customer-added' event records";

// Customers: each row against the record the events about it tell
// (model/customer_history.hpp). A merged-away customer's row goes with the
// merge; any other row needs a customer-added event.
std::map<std::int64_t, std::string> customer_problems(store::Store& store) {
  std::map<std::int64_t, model::Customer> rows;
  for (auto& c : store.customers().list("")) rows.emplace(c.id, std::move(c));
  std::map<std::int64_t, std::string> out;
  each_subject(store, "customer:", [&](std::int64_t id, const std::vector<model::Event>& events) {
    model::CustomerRecord told;
    for (const auto& e : events) model::apply(told, e);
    auto row = rows.find(id);
    if (row == rows.end()) {
      if (!told.removed) out[id] = "its events record it, but it has no row";
      return;
    }
    if (!told.added)
      out[id] = kNoCustomerEvent;
    else if (told.removed)
      out[id] = "its events merged it into another, but it still has a row";
    else if (auto d = model::differences(row->second, told.customer); !d.empty())
      out[id] = util::join(d, "; ");
    rows.erase(row);
  });
  for (const auto& [id, row] : rows) out[id] = kNoCustomerEvent;
  return out;
}

// "a, b differ" or "a differs".
std::string differ(const std::vector<std::string>& keys) {
  return fmt::format("{} differ{}", util::join(keys, ", "), keys.size() == 1 ? "s" : "");
}

// Articles: each version's row against the "article-version" event that
// recorded it, and the article's row against its newest version
// (model/article_history.hpp), one article at a time.
std::map<std::int64_t, std::string> article_problems(store::Store& store) {
  auto& kb = store.kb();
  std::map<std::int64_t, model::Article> rows;
  kb.each_article({}, [&](const model::Article& a) {
    rows.emplace(a.id, a);
    return true;
  });
  std::map<std::int64_t, std::string> out;
  each_subject(store, "article:", [&](std::int64_t id, const std::vector<model::Event>& events) {
    auto row = rows.find(id);
    if (row == rows.end()) {
      out[id] = "its events record versions of it, but it has no row";
      return;
    }
    std::map<int, model::Json> told;  // version number → the record its event holds
    for (const auto& e : events)
      if (e.kind == model::EventKind::article_version && e.extra.contains("version") &&
          e.extra["version"].contains("number") && e.extra["version"]["number"].is_number_integer())
        told[e.extra["version"]["number"].get<int>()] = e.extra["version"];
    std::vector<std::string> parts;
    auto versions = kb.versions(id);
    for (const auto& v : versions) {
      auto event = told.find(v.number);
      if (event == told.end()) {
        parts.push_back(fmt::format("version {} has no 'article-version' event", v.number));
        continue;
      }
      if (auto keys = model::differing_keys(model::version_record(v), event->second); !keys.empty())
        parts.push_back(fmt::format("version {}: {} from its event", v.number, differ(keys)));
      told.erase(event);
    }
    for (const auto& [number, record] : told)
      parts.push_back(fmt::format("its event records version {}, which has no row", number));
    if (!versions.empty())
      if (auto keys = model::differing_keys(model::article_record(row->second),
                                            model::article_record(versions.back().article));
          !keys.empty())
        parts.push_back(
            fmt::format("{} from its newest version ({})", differ(keys), versions.back().number));
    if (!parts.empty()) out[id] = util::join(parts, "; ");
    rows.erase(row);
  });
  for (const auto& [id, row] : rows) out[id] = "has no 'article-version' event";
  return out;
}

}  // namespace

DoctorReport examine(store::Store& store, const DoctorOptions& o) {
  DoctorReport r;
  Findings f(r, o.limit);
  std::size_t file = 0, refs = 0, rows = 0, derived = 0;
  for (const auto& p : store.check_integrity(!o.full)) f.add(p.where, p.what, kRestore, file);
  for (const auto& p : store.check_references()) f.add(p.where, p.what, kRestore, refs);
  store.each_ticket_with_events({}, [&](const model::Ticket& t,
                                        const std::vector<model::Event>& events) {
    ++r.tickets;
    r.events += static_cast<std::int64_t>(events.size());
    std::string where = fmt::format("ticket {}", t.id);
    if (events.empty()) {
      f.add(where, "has no history: no events at all", kRestore, rows);
    } else if (events.front().kind != model::EventKind::logged) {
      f.add(where,
            fmt::format("its history starts with {}, not 'logged'",
                        util::quoted(util::name(events.front().kind))),
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
      for (auto& what : derived_rows(store, t, events))
        f.add(where, std::move(what), kDerived, derived);
    }
    if (o.progress && r.tickets % 4096 == 0) o.progress(r.tickets);
    return true;
  });
  std::size_t customers = 0;
  for (auto& [id, what] : customer_problems(store))
    f.add(fmt::format("customer {}", id), std::move(what), kDerived, customers);
  std::size_t articles = 0;
  for (auto& [id, what] : article_problems(store))
    f.add(fmt::format("article {}", id), std::move(what), kDerived, articles);
  return r;
}

std::int64_t repair_rows(work::Session& s, const std::vector<std::int64_t>& ids) {
  std::int64_t changed = 0;
  for (auto id : ids) {
    auto row = s.store.find_ticket(id);
    auto events = s.store.ticket_events(id);
    if (!row || events.empty() || events.front().kind != model::EventKind::logged) continue;
    model::Ticket replayed = model::replay(events);
    if (differing_fields(*row, replayed).empty()) continue;
    s.store.update_ticket(replayed);
    ++changed;
  }
  return changed;
}

}  // namespace desk::bulk
