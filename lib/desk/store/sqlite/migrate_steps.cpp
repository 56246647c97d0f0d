// Migration steps that need desk's own code rather than SQL: they reuse the
// one implementation of a rule instead of writing it again in SQL.
#include <chrono>
#include <set>

#include "desk/model/article_history.hpp"
#include "desk/model/customer_history.hpp"
#include "desk/model/timeline.hpp"
#include "desk/store/event_data.hpp"
#include "desk/store/sql/kb_sql.hpp"
#include "desk/store/sql/next_id.hpp"
#include "desk/store/sql/sql_audit.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/store/words.hpp"
#include "desk/util/sha256.hpp"

namespace desk::store::sqlite {

namespace {

// Version 5: every ticket's timeline, by replaying its events through the
// same encoder apply() uses.
void fill_timelines(sql::Connection& db) {
  sql::Statement events(db,
                        "SELECT ticket_id, kind, at, data FROM events WHERE ticket_id IS NOT NULL "
                        "ORDER BY ticket_id, id");
  sql::Statement update(db, "UPDATE tickets SET timeline = ? WHERE id = ?");
  std::int64_t current = 0;
  std::string timeline;
  auto flush = [&] {
    if (current == 0) return;
    update.bind(1, timeline);
    update.bind(2, static_cast<int64_t>(current));
    update.run();
    update.reset();
  };
  while (events.step()) {
    std::int64_t ticket = events.integer(0);
    if (ticket != current) {
      flush();
      current = ticket;
      timeline.clear();
    }
    model::Event e;
    e.kind = stored_word<model::EventKind>(events.text(1));
    e.at = from_unix(events.integer(2));
    decode_event_data(e, events.text(3));
    model::append_mark(timeline, e);
  }
  flush();
}

// Writes `e`, an event about the desk, with the next event id; the caller
// chains it after.
void append_subject_event(sql::Statement& insert, const model::Event& e, std::int64_t now) {
  insert.bind(1, static_cast<int64_t>(to_unix(e.at)));
  insert.bind(2, static_cast<int64_t>(now));
  insert.bind(3, stored_name(e.kind));
  insert.bind(4, encode_event_data(e));
  insert.bind(5, e.subject);
  insert.run();
  insert.reset();
}

// Version 9: the events desk doctor checks customers and articles against,
// for what a store held before desk wrote them: a customer-added event for
// each customer with no event at all (one from before version 4) and an
// article-version event for each version of an article with none, each
// with what its row holds, all chained after the events there are.
void record_history(sql::Connection& db) {
  std::int64_t last = db.integer("SELECT coalesce(max(id), 0) FROM events");
  std::int64_t now = to_unix(std::chrono::floor<Seconds>(std::chrono::system_clock::now()));
  sql::Statement insert(db,
                        "INSERT INTO events (id, at, recorded_at, actor, kind, data, subject) "
                        "VALUES (" DESK_NEXT_ID("events") ", ?, ?, 'desk', ?, ?, ?)");
  const std::string why = "recorded when the store was upgraded to version 9";
  sql::Statement customers(
      db,
      "SELECT id, name, coalesce(email, ''), organisation, phone, tier, notes, created_at "
      "FROM customers c WHERE NOT EXISTS "
      "(SELECT 1 FROM events e WHERE e.subject = 'customer:' || c.id) ORDER BY id");
  while (customers.step()) {
    model::Customer c;
    c.id = customers.integer(0);
    c.name = customers.text(1);
    c.email = customers.text(2);
    c.organisation = customers.text(3);
    c.phone = customers.text(4);
    c.tier = customers.text(5);
    c.notes = customers.text(6);
    model::Event e;
    e.kind = model::EventKind::customer_added;
    e.subject = "customer:" + std::to_string(c.id);
    e.at = from_unix(customers.integer(7));
    e.changes = model::customer_changes(model::Customer{}, c);
    e.extra["reason"] = why;
    append_subject_event(insert, e, now);
  }
  std::set<std::string> recorded;  // articles with events already
  sql::Statement subjects(db,
                          "SELECT DISTINCT subject FROM events "
                          "WHERE subject >= 'article:' AND subject < 'article;'");
  while (subjects.step()) recorded.insert(subjects.text(0));
  sql::each_stored_version(db, [&](const model::ArticleVersion& v) {
    model::Event e;
    e.kind = model::EventKind::article_version;
    e.subject = "article:" + std::to_string(v.article.id);
    if (recorded.count(e.subject)) return;
    e.at = v.at;
    e.extra["version"] = model::version_record(v);
    e.extra["reason"] = why;
    append_subject_event(insert, e, now);
  });
  sql::chain_events_after(db, last);
}

}  // namespace

void after_migration(int version, sql::Connection& db) {
  if (version == 4) sql::chain_events_after(db, 0);
  if (version == 5) fill_timelines(db);
  if (version == 6) sql::make_mail_secret(db);
  if (version == 9) record_history(db);
}

}  // namespace desk::store::sqlite
