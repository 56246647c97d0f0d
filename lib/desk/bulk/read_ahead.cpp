#include "desk/bulk/read_ahead.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace desk::bulk {

namespace {

using store::StoredEvent;
using tickets::Ticket;

// Tickets with their events, copied from the store. Batches go round
// between the two threads and are reused, so that their strings keep their
// buffers and copying allocates next to nothing.
struct Batch {
  std::vector<Ticket> tickets;
  std::vector<StoredEvent> events;
  std::vector<std::size_t> ends;  // ends[i]: one past ticket i's last event
  std::size_t size = 0;           // tickets in use
  std::size_t event_count = 0;    // events in use

  void add(const Ticket& t, std::span<const StoredEvent> list) {
    if (size == tickets.size()) {
      tickets.emplace_back();
      ends.emplace_back();
    }
    tickets[size] = t;
    for (const auto& e : list) {
      if (event_count == events.size()) events.emplace_back();
      events[event_count++] = e;
    }
    ends[size++] = event_count;
  }
};

constexpr std::size_t kBatchTickets = 512;
constexpr std::size_t kBatches = 4;  // in flight: bounds the memory

class Handoff {
 public:
  // Reader side: an empty batch to fill (null once the reader should stop).
  Batch* empty() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return stop_ || !free_.empty(); });
    if (stop_) return nullptr;
    Batch* b = free_.back();
    free_.pop_back();
    return b;
  }
  void filled(Batch* b) {
    std::lock_guard lock(m_);
    full_.push_back(b);
    cv_.notify_all();
  }
  void finished(std::exception_ptr error) {
    std::lock_guard lock(m_);
    done_ = true;
    error_ = std::move(error);
    cv_.notify_all();
  }

  // Writer side: the next filled batch, or null at the end.
  Batch* next() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return done_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    Batch* b = full_.front();
    full_.pop_front();
    return b;
  }
  void give_back(Batch* b) {
    std::lock_guard lock(m_);
    b->size = b->event_count = 0;
    free_.push_back(b);
    cv_.notify_all();
  }
  void stop() {
    std::lock_guard lock(m_);
    stop_ = true;
    cv_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard lock(m_);
    return error_;
  }

  explicit Handoff(std::vector<Batch>& batches) {
    for (auto& b : batches) free_.push_back(&b);
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<Batch*> free_;
  std::deque<Batch*> full_;
  bool done_ = false;  // the reader has read everything (or failed)
  bool stop_ = false;  // the writer wants no more
  std::exception_ptr error_;
};

}  // namespace

void read_ahead(store::Store& store, const tickets::Query& q,
                const std::function<bool(const Ticket&, std::span<const StoredEvent>)>& row) {
  std::vector<Batch> batches(kBatches);
  Handoff handoff(batches);
  std::thread reader([&] {
    std::exception_ptr error;
    try {
      Batch* b = handoff.empty();
      if (b) {
        store.each_ticket_with_stored_events(
            q, [&](const Ticket& t, std::span<const StoredEvent> list) {
              b->add(t, list);
              if (b->size < kBatchTickets) return true;
              handoff.filled(b);
              b = handoff.empty();
              return b != nullptr;
            });
        if (b && b->size) handoff.filled(b);
      }
    } catch (...) {
      error = std::current_exception();
    }
    handoff.finished(error);
  });

  bool wanted = true;
  try {
    while (Batch* b = handoff.next()) {
      std::size_t first = 0;
      for (std::size_t i = 0; wanted && i < b->size; ++i) {
        wanted = row(b->tickets[i],
                     std::span<const StoredEvent>(b->events.data() + first, b->ends[i] - first));
        first = b->ends[i];
      }
      handoff.give_back(b);
      if (!wanted) break;
    }
  } catch (...) {
    handoff.stop();
    reader.join();
    throw;
  }
  handoff.stop();
  reader.join();
  if (auto error = handoff.error()) std::rethrow_exception(error);
}

}  // namespace desk::bulk
