#include "desk/bulk/read_ahead.hpp"

#include <vector>

#include "desk/util/handoff.hpp"

namespace desk::bulk {

namespace {

using model::Ticket;
using store::StoredEvent;

// Tickets with their events, copied from the store. Batches go round
// between the two threads and are reused, so that their strings keep their
// buffers and copying allocates next to nothing.
struct Batch {
  std::vector<Ticket> tickets;
  std::vector<StoredEvent> events;
  std::vector<std::size_t> ends;  // ends[i]: one past ticket i's last event
  std::size_t size = 0;           // tickets in use
  std::size_t event_count = 0;    // events in use

  // Takes the store's ticket and events rather than copy them: they are
  // swapped, so the store gets this batch's old buffers to read into.
  void add(Ticket& t, std::span<StoredEvent> list) {
    if (size == tickets.size()) {
      tickets.emplace_back();
      ends.emplace_back();
    }
    std::swap(tickets[size], t);
    for (auto& e : list) {
      if (event_count == events.size()) events.emplace_back();
      std::swap(events[event_count++], e);
    }
    ends[size++] = event_count;
  }
  void clear() { size = event_count = 0; }
};

constexpr std::size_t kBatchTickets = 512;
constexpr std::size_t kBatches = 4;  // in flight: bounds the memory

}  // namespace

void read_ahead(store::Store& store, const model::Query& q,
                const std::function<bool(const Ticket&, std::span<const StoredEvent>)>& row) {
  std::vector<Batch> batches(kBatches);
  util::run_handoff(
      batches,
      [&](util::Handoff<Batch>& handoff) {
        util::BatchFiller<Batch> filler(handoff, kBatchTickets);
        if (filler.batch() == nullptr) return;
        store.each_ticket_with_stored_events(q, [&](Ticket& t, std::span<StoredEvent> list) {
          filler.batch()->add(t, list);
          return filler.added();
        });
        filler.finish();
      },
      [&](util::Handoff<Batch>& handoff) {
        util::use_each(handoff, [&](Batch& b, std::size_t i) {
          std::size_t first = i == 0 ? 0 : b.ends[i - 1];
          return row(b.tickets[i],
                     std::span<const StoredEvent>(b.events.data() + first, b.ends[i] - first));
        });
      });
}

}  // namespace desk::bulk
