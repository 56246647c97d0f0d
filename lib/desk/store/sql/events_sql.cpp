// The append-only event history, and the audit chain every event joins as
// it is written (lib/desk/audit/chain.hpp): append_event is the one place an
// event is written, so nothing can bypass the chain.
#include <cstring>

#include "desk/audit/chain.hpp"
#include "desk/format/json_text.hpp"
#include "desk/store/event_data.hpp"
#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

namespace {

constexpr const char* kLastEvent = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1";

// The id is the next one unless the event brings its own, as an imported
// history does.
constexpr const char* kAppendEvent =
    "INSERT INTO events (id, ticket_id, at, recorded_at, actor, kind, data, subject, salt, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kTicketEvents =
    "SELECT e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data, e.subject "
    "FROM events e WHERE e.ticket_id = ? ORDER BY e.id";

using model::Json;

}  // namespace

const char* const kEventColumns =
    "e.id, e.ticket_id, e.at, e.recorded_at, e.actor, e.kind, e.data, e.subject";

Event event_from_row(sql::Statement& st, int first) {
  StoredEvent s;
  s.id = st.integer(first);
  s.ticket_id = st.integer(first + 1);  // NULL reads 0
  s.at = st.integer(first + 2);
  s.recorded_at = st.integer(first + 3);
  s.actor = st.text(first + 4);
  s.kind = st.text(first + 5);
  s.data = st.text(first + 6);
  s.subject = st.text(first + 7);
  return decode(s);
}

bool read_digest(const Statement& st, int c, audit::Digest& out) {
  std::string_view bytes = st.view(c);
  if (bytes.size() != out.size()) return false;
  std::memcpy(out.data(), bytes.data(), out.size());
  return true;
}

std::int64_t SqlStore::append_event(const Event& e) {
  return append(e, nullptr);
}

std::int64_t SqlStore::append_prepared(const Event& e, const PreparedEvent& ready) {
  return append(e, &ready);
}

std::int64_t SqlStore::append(const Event& e, const PreparedEvent* ready) {
  return guarded([&] {
    std::int64_t id = e.id;
    audit::Digest previous = audit::kGenesis;
    {
      auto& last = statement(kLastEvent);
      // An imported event keeps its id. One older than the newest is chained
      // after the newest for now; the import re-chains in id order before it
      // commits (AuditStore::rechain_after).
      if (last.step()) {
        // A newest event without a hash was written behind desk's back: the
        // chain goes on from nothing, and `desk audit verify` names that event.
        read_digest(last, 1, previous);
      }
      last.reset();
      if (id == 0) id = audit().next_event_id();  // never a number used before
    }
    audit::Record r;
    // What was prepared stands when it is of this event, as written now.
    if (ready && ready->record.id == id && ready->record.ticket_id == e.ticket_id &&
        ready->record.at == to_unix(e.at) && ready->record.kind == util::name(e.kind)) {
      // A copy: its buffers are freed by the thread that made them, as
      // glibc frees across threads under a lock (measured: slower).
      r = ready->record;
      r.hash = util::as_bytes(audit::link(previous, ready->content));
    } else {
      r = record_of(e);
      r.id = id;
      audit::chain(r, previous);
    }

    auto& st = statement(kAppendEvent);
    st.bind(1, static_cast<int64_t>(r.id));
    if (r.ticket_id)
      st.bind(2, static_cast<int64_t>(r.ticket_id));
    else
      st.bind_null(2);
    st.bind(3, static_cast<int64_t>(r.at));
    st.bind(4, static_cast<int64_t>(r.recorded_at));
    st.bind(5, r.actor);
    st.bind(6, r.kind);
    st.bind(7, r.data);
    st.bind(8, r.subject);
    st.bind_blob(9, r.salt);
    st.bind_blob(10, r.hash);
    st.run();
    return r.id;
  });
}

std::vector<Event> SqlStore::ticket_events(std::int64_t ticket_id) {
  return guarded([&] {
    std::vector<Event> out;
    auto& st = statement(kTicketEvents);
    st.bind(1, static_cast<int64_t>(ticket_id));
    while (st.step()) out.push_back(event_from_row(st, 0));
    return out;
  });
}

}  // namespace desk::store::sql
