// desk export: tickets with their whole history, in the shape desk import
// reads back (see import.hpp).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "desk/format/rows.hpp"
#include "desk/model/ticket.hpp"
#include "desk/store/store.hpp"

namespace desk::bulk {

// Writes a ticket with its events as JSON text: the ticket's documented JSON
// (ticket_json) with its `events` (event_json), oldest first, byte for byte
// what dumping those would give, but without building them: an export of a
// million tickets is mostly this. Events are read from their stored JSON.
class ExportWriter {
 public:
  explicit ExportWriter(Zone zone);
  ~ExportWriter();
  ExportWriter(const ExportWriter&) = delete;
  ExportWriter& operator=(const ExportWriter&) = delete;

  // One JSON Lines line, '\n' included.
  void line(std::string& out, const model::Ticket& t, std::span<const store::StoredEvent> events);
  // The `events` array alone (the CSV export's events column).
  void events(std::string& out, std::span<const store::StoredEvent> events);

 private:
  struct Parser;
  void ticket_fields(std::string& out, const model::Ticket& t);
  void event(std::string& out, const store::StoredEvent& e);
  bool event_from_data(std::string& out, const store::StoredEvent& e);
  void time(std::string& out, std::int64_t unix_seconds);

  Zone zone_;
  IsoWriter iso_;
  std::unique_ptr<Parser> parser_;
};

// CSV: one record per ticket, with a column for each key of the ticket's
// JSON (tags joined by commas, booleans yes/no, none empty) and an `events`
// column holding the history as a JSON array.
std::vector<format::Column> export_csv_columns();
// The row export_csv_columns() reads: ticket_json with `events`, the text
// ExportWriter::events wrote.
model::Json export_csv_row(const model::Ticket& t, std::string events, const Zone& zone);

}  // namespace desk::bulk
