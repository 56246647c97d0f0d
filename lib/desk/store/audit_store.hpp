// The audit chain's part of the store, reached through Store::audit(): the
// events as the chain sees them (audit::Record), and the rewrites that
// erasure and retention make. Writes happen inside the caller's
// store::WriteTransaction; compact() outside any.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/audit/chain.hpp"

namespace desk::store {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Every event with an id above `after`, in id order, until `row` returns false.
  virtual void each_record(std::int64_t after,
                           const std::function<bool(const audit::Record&)>& row) = 0;
  // The erasure and purge events, which verification reads first.
  virtual std::vector<audit::Record> erasing_records() = 0;
  virtual std::vector<audit::Record> ticket_records(std::int64_t ticket_id) = 0;
  virtual std::vector<audit::Record> subject_records(std::string_view subject) = 0;
  // Every event whose subject starts with `prefix` ("customer:"), by
  // subject and then id, until `row` returns false.
  virtual void each_subject_record(std::string_view prefix,
                                   const std::function<bool(const audit::Record&)>& row) = 0;
  // Events whose data mentions any of `needles` (any case).
  virtual std::vector<audit::Record> records_mentioning(
      const std::vector<std::string>& needles) = 0;
  // The id the next appended event gets.
  virtual std::int64_t next_event_id() = 0;
  // Stores what an erasure or purge made of an event (its hash stays).
  virtual void rewrite(const audit::Record& r) = 0;

  // Retention: the tickets closed before `before`, oldest first.
  virtual std::vector<std::int64_t> closed_before(std::int64_t unix_before) = 0;
  // Removes a ticket and every row that refers to it (references that may be
  // empty are cleared instead). Its events must be tombstones already.
  virtual void remove_ticket(std::int64_t id) = 0;

  // Overwrites freed content while erasing (secure_delete) from now on in
  // this connection; call before the write transaction.
  virtual void erase_securely() = 0;
  // Replaces every mention of `needles` in every text column of every table
  // but events (which are sealed instead), with the erasure marker.
  virtual std::int64_t scrub_everywhere(const std::vector<std::string>& needles) = 0;
  // Leaves nothing erased in the file: full-text indexes optimised, the file
  // rebuilt (VACUUM) and the write-ahead log checkpointed and truncated.
  // Outside any transaction; StoreBusy when readers keep the log alive.
  virtual void compact() = 0;

  // Chains every event after event `id` again, in id order, after that
  // event's hash (keeping their salts): an import that kept ids older than
  // the newest event calls it before it commits.
  virtual void rechain_after(std::int64_t id) = 0;
};

}  // namespace desk::store
