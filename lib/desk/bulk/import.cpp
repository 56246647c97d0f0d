// import_rows: the two-thread pipeline. One thread reads and checks rows
// (import_parse.cpp and the shapes' files); this one writes them
// (import_records.cpp).
#include "desk/bulk/import.hpp"

#include "desk/bulk/import_parse.hpp"
#include "desk/bulk/import_records.hpp"
#include "desk/catalog/customers.hpp"
#include "desk/store/store.hpp"
#include "desk/util/handoff.hpp"

namespace desk::bulk {

namespace {

// A row read, checked and made ready on the parsing thread, or what went
// wrong with it: the writing thread meets the error at the row's place.
struct ReadyRow {
  Row row;
  Parsed parsed;
  std::vector<std::optional<store::PreparedEvent>> prepared;
  std::uint64_t bytes = 0;  // of the file, read by then
  std::exception_ptr error;
};

struct ReadyBatch {
  std::vector<ReadyRow> rows;
  std::size_t size = 0;
};

constexpr std::size_t kBatchRows = 256;
constexpr std::size_t kBatches = 4;

// The audit chain's encoding and hashing of each event whose id the import
// keeps (the id is part of what is hashed), done here rather than by the
// writing thread.
void prepare(ReadyRow& r, std::int64_t last_event) {
  r.prepared.clear();
  r.prepared.resize(r.parsed.events.size());
  for (std::size_t i = 0; i < r.parsed.events.size(); ++i)
    if (r.parsed.events[i].id > last_event)
      r.prepared[i] = store::prepare_event(r.parsed.events[i]);
}

// Reading and checking rows takes about as long as writing them: the file is
// read on a second thread while this one writes, and the store is only ever
// used from this one. A bad row does not stop the import: every row is read
// and checked, and BadRows lists them at the end (the caller rolls back).
class Pipeline {
 public:
  Pipeline(work::Session& s, RowReader& rows, const std::string& source, bool route,
           const std::function<void(const Progress&)>& progress)
      : rows_(rows),
        ctx_{s.config, s.config.zone(), s.now, s.actor},
        im_{s, source, s.store.last_event_id(), {}},
        progress_(progress) {
    im_.routing = route;
  }

  ImportResult run() {
    std::vector<ReadyBatch> batches(kBatches);
    util::run_handoff(
        batches, [&](util::Handoff<ReadyBatch>& h) { read(h); },
        [&](util::Handoff<ReadyBatch>& h) { write(h); });
    bad_rows_.throw_if_any();
    for (const auto& c : im_.added_customers) catalog::record_added(im_.s, c);
    if (progress_) {
      done_.bytes = rows_.bytes();
      progress_(done_);
    }
    // Histories come ticket by ticket, so kept ids interleave: the audit
    // chain runs in id order, and is made again from the first imported event.
    if (im_.out_of_order) im_.s.store.audit().rechain_after(im_.last_event);
    return im_.out;
  }

 private:
  // The parsing thread: reads a row into `r`; false at the end of the file.
  bool read_one(ReadyRow& r) {
    r.error = nullptr;
    r.prepared.clear();
    try {
      if (!rows_.next(r.row)) return false;
      r.parsed = parse_row(r.row, ctx_);
      if (r.parsed.history) prepare(r, im_.last_event);
    } catch (const DataError&) {
      r.error = std::current_exception();
    }
    r.bytes = rows_.bytes();
    return true;
  }

  void read(util::Handoff<ReadyBatch>& handoff) {
    for (ReadyBatch* b = handoff.empty(); b; b = handoff.empty()) {
      bool more = true;
      while (more && b->size < kBatchRows) {
        if (b->size == b->rows.size()) b->rows.emplace_back();
        more = read_one(b->rows[b->size]);
        if (more) ++b->size;
      }
      if (b->size) handoff.filled(b);
      if (!more) return;
    }
  }

  // The writing thread: each row in order, or its error noted.
  void write_one(ReadyRow& r) {
    try {
      if (r.error) std::rethrow_exception(r.error);
      Parsed& p = r.parsed;
      at_line(p.line, [&] {
        if (p.history)
          im_.history(p, r.prepared);
        else
          im_.other(p, r.row);
      });
    } catch (const DataError& e) {
      bad_rows_.add(e);
    }
    ++done_.rows;
    done_.bytes = r.bytes;
    if (progress_ && done_.rows % 1024 == 0) progress_(done_);
  }

  void write(util::Handoff<ReadyBatch>& handoff) {
    while (ReadyBatch* b = handoff.next()) {
      for (std::size_t i = 0; i < b->size; ++i) write_one(b->rows[i]);
      b->size = 0;
      handoff.give_back(b);
    }
  }

  RowReader& rows_;
  ParseContext ctx_;
  Importer im_;
  const std::function<void(const Progress&)>& progress_;
  Progress done_;
  BadRowList bad_rows_;
};

}  // namespace

ImportResult import_rows(work::Session& s, RowReader& rows, const std::string& source,
                         const ImportOptions& options,
                         const std::function<void(const Progress&)>& progress) {
  s.store.defer_references();
  return Pipeline(s, rows, source, options.route, progress).run();
}

}  // namespace desk::bulk
