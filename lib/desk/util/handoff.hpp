// Batches handed from a producing thread to a consuming one, in order, and
// back again to be refilled: the two halves of a bulk job (reading and
// writing) overlap on two cores, memory stays bounded by the batches in
// flight, and reused batches keep their buffers. The producer ends with
// finished(), passing on any exception; the consumer can stop() it early.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace desk::util {

template <typename Batch>
class Handoff {
 public:
  explicit Handoff(std::vector<Batch>& batches) {
    for (auto& b : batches) free_.push_back(&b);
  }

  // Producer: an empty batch to fill, or null once the consumer has stopped.
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

  // Consumer: the next filled batch in order, or null at the end.
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
    free_.push_back(b);
    cv_.notify_all();
  }
  void stop() {
    std::lock_guard lock(m_);
    stop_ = true;
    cv_.notify_all();
  }
  // What the producer threw, once it has finished.
  std::exception_ptr error() {
    std::lock_guard lock(m_);
    return error_;
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<Batch*> free_;
  std::deque<Batch*> full_;
  bool done_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
};

// Runs produce(handoff) on a second thread and consume(handoff) on this one,
// then rethrows what the consumer threw, or else what the producer threw.
template <typename Batch, typename Produce, typename Consume>
void run_handoff(std::vector<Batch>& batches, Produce&& produce, Consume&& consume) {
  Handoff<Batch> handoff(batches);
  std::thread producer([&] {
    std::exception_ptr error;
    try {
      produce(handoff);
    } catch (...) {
      error = std::current_exception();
    }
    handoff.finished(error);
  });
  try {
    consume(handoff);
  } catch (...) {
    handoff.stop();
    producer.join();
    throw;
  }
  handoff.stop();
  producer.join();
  if (auto error = handoff.error()) std::rethrow_exception(error);
}

// The producer's usual loop: add items to batch(), call added() after each,
// and the batch is handed on once it holds `per_batch` items; finish() hands
// on the last, part-filled one. A Batch counts its items in `size`.
template <typename Batch>
class BatchFiller {
 public:
  BatchFiller(Handoff<Batch>& handoff, std::size_t per_batch)
      : handoff_(handoff), per_batch_(per_batch), batch_(handoff.empty()) {}

  // The batch to add to; null once the consumer has stopped.
  Batch* batch() const { return batch_; }
  // False once the consumer has stopped: no more items are wanted.
  bool added() {
    if (batch_->size < per_batch_) return true;
    handoff_.filled(batch_);
    batch_ = handoff_.empty();
    return batch_ != nullptr;
  }
  void finish() {
    if (batch_ != nullptr && batch_->size > 0) handoff_.filled(batch_);
  }

 private:
  Handoff<Batch>& handoff_;
  std::size_t per_batch_;
  Batch* batch_;
};

// The consumer's usual loop: use(batch, i) for each item in order until it
// returns false; each batch is cleared and given back to be refilled.
template <typename Batch, typename Use>
void use_each(Handoff<Batch>& handoff, Use&& use) {
  while (Batch* b = handoff.next()) {
    bool wanted = true;
    for (std::size_t i = 0; wanted && i < b->size; ++i) wanted = use(*b, i);
    b->clear();
    handoff.give_back(b);
    if (!wanted) return;
  }
}

}  // namespace desk::util
