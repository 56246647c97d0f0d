// The audit chain: every event carries a hash of its content and of the
// event before it, so a change made to the history behind desk's back (with
// the sqlite3 tool, say) is found by `desk audit verify`.
//
// The design has to survive two lawful changes to history: erasure (`desk
// customer forget` must remove a person's words) and retention (`desk purge`
// removes old tickets). So the chain never hashes personal text directly:
//
//   leaf_salt(p)    = SHA-256(event salt || p)           p: the JSON pointer of a
//   leaf(p, v)      = SHA-256(leaf_salt(p) || v)            string in the event's data
//   content         = SHA-256(canonical [id, ticket, at, recorded_at, actor,
//                               kind, subject, data with every string v at p
//                               replaced by hex(leaf(p, v))])
//   hash            = SHA-256(previous event's hash || content)    (32 zero bytes first)
//
// Each event has its own 16 random bytes of salt. While nothing has been
// erased, every leaf is recomputed from the salt and the text, and the whole
// event is checked. To erase, desk replaces the text, drops the event's salt
// and keeps, in the event's `sealed` column, the leaf digest of each erased
// string and the leaf salt of each kept one: the chain still verifies, the
// kept strings are still checked, and the erased text cannot be guessed back
// from its digest (the salt that would let one try names and phone numbers
// is gone). An erasure is itself an event ("erased") that lists the digest
// of each sealed event as it left it, so a later edit of a sealed event is
// still found.
//
// Purging a ticket turns each of its events into a tombstone: the row keeps
// its id and hash, loses its content, and keeps its content digest in
// `sealed`; the "purged" event that did it carries the digest of all the
// tombstones it made, in order.
//
// What no hash chain can do without a copy kept elsewhere: someone with write
// access to the file can rewrite every hash after a change, or delete the
// newest events. `desk audit verify` prints the head hash so it can be kept
// elsewhere, and `--anchor` checks that an earlier head is still there.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "desk/model/customer.hpp"
#include "desk/util/sha256.hpp"

namespace desk::audit {

using util::Digest;

// An event as stored, as the chain sees it.
struct Record {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;  // 0: not about a ticket (subject says what)
  std::int64_t at = 0;         // Unix seconds
  std::int64_t recorded_at = 0;
  std::string actor;
  std::string kind;
  std::string subject;      // "customer:12", "service:email", "store"; "" for ticket events
  std::string data = "{}";  // JSON text
  std::string salt;         // raw bytes; empty once sealed
  std::string sealed;       // JSON text; empty until sealed
  std::string hash;         // raw 32 bytes; empty before it is chained
};

inline constexpr std::size_t kSaltBytes = 16;
inline const Digest kGenesis{};  // the "previous hash" of the first event

// The content digest; throws DataError when the record cannot be hashed
// (a sealed leaf that is missing, a salt of the wrong size, bad JSON).
Digest content_digest(const Record& r);
// The same digest by way of nlohmann::json values: the definition the fast
// path of content_digest is tested against, and the path for sealed records.
Digest content_digest_by_tree(const Record& r);
Digest link(const Digest& previous, const Digest& content);
// Fills in r.salt (when empty and not sealed) and r.hash after `previous`.
void chain(Record& r, const Digest& previous);

// What an erasure or purge left of an event: the digest that the erasing
// event attests (covers data and sealed as they are now).
Digest attestation(const Record& r);

// Seals `r`: each string leaf for which `rewrite(pointer, value)` returns a
// new value is replaced by it and its digest kept; the others keep their leaf
// salt. Returns false (leaving r alone) when nothing changed.
using Rewrite =
    std::function<std::optional<std::string>(const std::string& pointer, const std::string& v)>;
bool seal(Record& r, const Rewrite& rewrite);

// Turns `r` into a tombstone made by the purge event `by`.
void tombstone(Record& r, std::int64_t by);
bool is_tombstone(const Record& r);
// The digest a purge event carries over its tombstones: fed in id order.
class TombstoneDigest {
 public:
  void add(const Record& tombstone);
  std::int64_t count() const { return count_; }
  std::string hex();

 private:
  util::Sha256 h_;
  std::int64_t count_ = 0;
};

// Verifying the whole chain: feed every record in id order.
struct Broken {
  std::int64_t event = 0;
  std::string why;
};

class Verifier {
 public:
  // Erasure and purge events, read before the walk (they come after the
  // events they changed): their attestations.
  void expect(const Record& erasing_event);
  // nullopt while the chain holds.
  std::optional<Broken> add(const Record& r);
  // Checks left for the end (purges' tombstone digests).
  std::optional<Broken> finish();

  std::int64_t count() const { return count_; }
  const Digest& head() const { return previous_; }
  std::int64_t head_event() const { return last_id_; }
  // Whether a head recorded earlier (hex) was passed.
  bool saw(const std::string& hex_hash) const;
  void watch(const std::string& hex_hash) { watched_ = hex_hash; }

 private:
  Digest previous_ = kGenesis;
  std::int64_t count_ = 0;
  std::int64_t last_id_ = 0;
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> attested_;  // event → (by, hex)
  struct Purge {
    std::int64_t count = 0;
    std::string digest;
    TombstoneDigest seen;
  };
  std::map<std::int64_t, Purge> purges_;
  std::string watched_;
  bool saw_watched_ = false;
};

// The marker that replaces erased text.
inline constexpr const char* kErased = model::kErased;

}  // namespace desk::audit
