#include "desk/audit/chain.hpp"

#include <algorithm>
#include <optional>
#include <simdjson.h>
#include <vector>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/format/json_element.hpp"
#include "desk/format/json_text.hpp"
#include "desk/util/strings.hpp"

namespace desk::audit {

namespace {

using Json = nlohmann::json;                 // sorted keys: the canonical form
using OrderedJson = nlohmann::ordered_json;  // the stored form, order kept

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json parse(const std::string& text, std::int64_t id, const char* what) {
  if (text.empty()) return Json::object();
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) throw DataError(fmt::format("event {}: its {} is not JSON", id, what));
  return j;
}

std::string escape_key(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// Calls f(pointer, string&) for every string in `j`, depth first.
template <typename J, typename F>
void each_string(J& j, const std::string& pointer, F&& f) {
  if (j.is_string()) {
    f(pointer, j.template get_ref<std::string&>());
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      each_string(it.value(), pointer + "/" + escape_key(it.key()), f);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      each_string(j[i], pointer + "/" + std::to_string(i), f);
  }
}

Digest leaf_salt(const std::string& salt, const std::string& pointer) {
  return util::Sha256().update(salt).update(pointer).digest();
}

Digest leaf(const Digest& leaf_salt, const std::string& value) {
  return util::Sha256().update(leaf_salt).update(value).digest();
}

Digest hex_digest(const Json& j, std::int64_t id, const std::string& what) {
  Digest d{};
  if (!j.is_string() || !util::from_hex(j.get<std::string>(), d))
    throw DataError(fmt::format("event {}: {} is not a SHA-256 digest", id, what));
  return d;
}

// How each string leaf of an event is hashed: from the salt, or from what
// an erasure kept.
struct Secrets {
  std::string salt;  // when not sealed
  Json leaves;       // when sealed: pointer → {"salt": hex} | {"digest": hex}

  Digest of(const std::string& pointer, const std::string& value, std::int64_t id) const {
    if (!salt.empty()) return leaf(leaf_salt(salt, pointer), value);
    auto it = leaves.find(pointer);
    if (it == leaves.end())
      throw DataError(fmt::format("event {}: nothing sealed for {}", id, util::quoted(pointer)));
    if (it->contains("digest")) return hex_digest((*it)["digest"], id, "a sealed digest");
    return leaf(hex_digest(it->value("salt", Json()), id, "a sealed salt"), value);
  }
};

Secrets secrets_of(const Record& r) {
  Secrets s;
  if (r.sealed.empty()) {
    if (r.salt.size() != kSaltBytes)
      throw DataError(fmt::format("event {}: its salt is missing or damaged", r.id));
    s.salt = r.salt;
    return s;
  }
  Json sealed = parse(r.sealed, r.id, "sealed record");
  s.leaves = sealed.value("leaves", Json::object());
  if (!s.leaves.is_object()) throw DataError(fmt::format("event {}: bad sealed leaves", r.id));
  return s;
}

// The canonical text of an unsealed record's content, written as its data
// is read: the bytes content_digest_by_tree dumps (nlohmann::json sorts
// keys bytewise), without building two JSON trees per event, which was
// most of what an import spent on the chain. Nullopt for anything the
// tree would read differently (repeated keys, -0, numbers simdjson does not
// take): the tree then decides.
class Canonical {
 public:
  explicit Canonical(const std::string& salt) : salt_(salt) {}

  std::optional<std::string> text(const Record& r) {
    using simdjson::dom::element;
    element data;
    std::string padded = r.data.empty() ? std::string("{}") : r.data;
    std::size_t size = padded.size();
    padded.append(simdjson::SIMDJSON_PADDING, '\0');
    // One parser a thread, which keeps its buffers from event to event.
    thread_local simdjson::dom::parser parser;
    if (parser.parse(padded.data(), size, false).get(data)) return std::nullopt;
    out_ = "[";
    format::append_json_int(out_, r.id);
    out_ += ',';
    if (r.ticket_id)
      format::append_json_int(out_, r.ticket_id);
    else
      out_ += "null";
    out_ += ',';
    format::append_json_int(out_, r.at);
    out_ += ',';
    format::append_json_int(out_, r.recorded_at);
    for (const std::string* s : {&r.actor, &r.kind, &r.subject}) {
      out_ += ',';
      format::append_json_string(out_, *s);
    }
    out_ += ',';
    pointer_.clear();
    if (!write(data)) return std::nullopt;
    out_ += ']';
    return std::move(out_);
  }

 private:
  bool write(simdjson::dom::element v) {
    using T = simdjson::dom::element_type;
    switch (v.type()) {
      case T::OBJECT: {
        std::vector<std::pair<std::string_view, simdjson::dom::element>> fields;
        for (auto field : simdjson::dom::object(v)) fields.emplace_back(field.key, field.value);
        std::sort(fields.begin(), fields.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        out_ += '{';
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (i && fields[i].first == fields[i - 1].first) return false;
          if (i) out_ += ',';
          format::append_valid_json_string(out_, fields[i].first);
          out_ += ':';
          std::size_t depth = pointer_.size();
          pointer_ += '/';
          pointer_ += escape_key(std::string(fields[i].first));
          if (!write(fields[i].second)) return false;
          pointer_.resize(depth);
        }
        out_ += '}';
        return true;
      }
      case T::ARRAY: {
        out_ += '[';
        std::size_t i = 0;
        for (auto item : simdjson::dom::array(v)) {
          if (i) out_ += ',';
          std::size_t depth = pointer_.size();
          pointer_ += '/';
          pointer_ += std::to_string(i++);
          if (!write(item)) return false;
          pointer_.resize(depth);
        }
        out_ += ']';
        return true;
      }
      case T::STRING: {
        std::string_view value(v);
        Digest d = util::Sha256().update(leaf_salt(salt_, pointer_)).update(value).digest();
        out_ += '"';
        out_ += util::hex(d);
        out_ += '"';
        return true;
      }
      default:
        return format::append_json_scalar(out_, v);
    }
  }

  const std::string& salt_;
  std::string out_;
  std::string pointer_;
};

}  // namespace

Digest content_digest(const Record& r) {
  if (!is_tombstone(r) && r.sealed.empty() && r.salt.size() == kSaltBytes) {
    Canonical canonical(r.salt);
    if (auto text = canonical.text(r)) return util::sha256(*text);
  }
  return content_digest_by_tree(r);
}

Digest content_digest_by_tree(const Record& r) {
  if (is_tombstone(r)) {
    Json sealed = parse(r.sealed, r.id, "sealed record");
    return hex_digest(sealed["content"], r.id, "a tombstone's content");
  }
  Secrets secrets = secrets_of(r);
  Json data = parse(r.data, r.id, "data");
  each_string(data, "", [&](const std::string& pointer, std::string& value) {
    value = util::hex(secrets.of(pointer, value, r.id));
  });
  Json header = Json::array({r.id, r.ticket_id ? Json(r.ticket_id) : Json(), r.at, r.recorded_at,
                             r.actor, r.kind, r.subject, std::move(data)});
  return util::sha256(dump(header));
}

Digest link(const Digest& previous, const Digest& content) {
  return util::Sha256().update(previous).update(content).digest();
}

void chain(Record& r, const Digest& previous) {
  if (r.salt.empty() && r.sealed.empty()) r.salt = util::random_bytes(kSaltBytes);
  r.hash = util::as_bytes(link(previous, content_digest(r)));
}

Digest attestation(const Record& r) {
  return util::Sha256()
      .update("desk-attestation")
      .update(std::string(1, '\0'))
      .update(r.data)
      .update(std::string(1, '\0'))
      .update(r.sealed)
      .digest();
}

bool seal(Record& r, const Rewrite& rewrite) {
  if (is_tombstone(r)) return false;
  Secrets secrets = secrets_of(r);
  OrderedJson data =
      OrderedJson::parse(r.data.empty() ? std::string("{}") : r.data, nullptr, false);
  if (data.is_discarded()) throw DataError(fmt::format("event {}: its data is not JSON", r.id));
  Json leaves = Json::object();
  bool changed = false;
  each_string(data, "", [&](const std::string& pointer, std::string& value) {
    auto kept = secrets.leaves.find(pointer);
    bool digest_only =
        secrets.salt.empty() && kept != secrets.leaves.end() && kept->contains("digest");
    std::optional<std::string> replaced = rewrite(pointer, value);
    if (replaced && *replaced == value) replaced.reset();
    if (digest_only) {
      leaves[pointer] = *kept;  // erased before: its original digest stands
    } else if (replaced) {
      leaves[pointer] = {{"digest", util::hex(secrets.of(pointer, value, r.id))}};
    } else {
      Digest ls = secrets.salt.empty() ? hex_digest((*kept)["salt"], r.id, "a sealed salt")
                                       : leaf_salt(secrets.salt, pointer);
      leaves[pointer] = {{"salt", util::hex(ls)}};
    }
    if (replaced) {
      value = *replaced;
      changed = true;
    }
  });
  if (!changed) return false;
  r.data = data.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
  r.salt.clear();
  r.sealed = dump(Json{{"leaves", leaves}});
  return true;
}

void tombstone(Record& r, std::int64_t by) {
  Digest content = content_digest(r);
  Json sealed = {{"content", util::hex(content)}, {"purged_by", by}};
  if (r.ticket_id) sealed["ticket"] = r.ticket_id;
  r.ticket_id = 0;
  r.actor.clear();
  r.subject.clear();
  r.data = "{}";
  r.salt.clear();
  r.sealed = dump(sealed);
}

bool is_tombstone(const Record& r) {
  return r.sealed.find("\"content\"") != std::string::npos;
}

void TombstoneDigest::add(const Record& tombstone) {
  Json sealed = parse(tombstone.sealed, tombstone.id, "sealed record");
  h_.update(fmt::format("{}:{}:{}\n", tombstone.id, sealed.value("ticket", std::int64_t{0}),
                        sealed.value("content", std::string())));
  ++count_;
}

std::string TombstoneDigest::hex() {
  return util::hex(h_.digest());
}

void Verifier::expect(const Record& e) {
  Json data = Json::parse(e.data.empty() ? std::string("{}") : e.data, nullptr, false);
  if (!data.is_object()) return;  // the walk reports the event itself
  if (e.kind == "erased" && data.contains("sealed") && data["sealed"].is_object()) {
    for (const auto& [id, digest] : data["sealed"].items()) {
      std::int64_t event = std::strtoll(id.c_str(), nullptr, 10);
      auto& slot = attested_[event];
      if (e.id > slot.first && digest.is_string()) slot = {e.id, digest.get<std::string>()};
    }
  } else if (e.kind == "purged") {
    Purge p;
    p.count = data.value("tombstones", std::int64_t{0});
    p.digest = data.value("digest", std::string());
    purges_[e.id] = std::move(p);
  }
}

std::optional<Broken> Verifier::add(const Record& r) {
  ++count_;
  if (r.id <= last_id_) return Broken{r.id, "is out of order"};
  Digest content{};
  try {
    content = content_digest(r);
  } catch (const DataError& e) {
    return Broken{r.id, fmt::format("cannot be hashed ({})", e.what())};
  }
  if (is_tombstone(r)) {
    Json sealed = Json::parse(r.sealed, nullptr, false);
    std::int64_t by = sealed.value("purged_by", std::int64_t{0});
    auto it = purges_.find(by);
    if (by <= r.id || it == purges_.end())
      return Broken{r.id, "is a tombstone that no later purge made"};
    it->second.seen.add(r);
  } else if (!r.sealed.empty()) {
    auto it = attested_.find(r.id);
    if (it == attested_.end() || it->second.first <= r.id)
      return Broken{r.id, "was sealed, but no later erasure lists it"};
    if (util::hex(attestation(r)) != it->second.second)
      return Broken{
          r.id, fmt::format("differs from what erasure event {} recorded of it", it->second.first)};
  }
  Digest expected = link(previous_, content);
  if (r.hash.size() != expected.size() ||
      std::memcmp(r.hash.data(), expected.data(), expected.size()) != 0)
    return Broken{r.id, r.hash.empty() ? "has no hash"
                                       : "does not match its hash: it, or the event "
                                         "before it, was changed, or an event was removed"};
  previous_ = expected;
  last_id_ = r.id;
  if (!watched_.empty() && util::hex(expected) == watched_) saw_watched_ = true;
  return std::nullopt;
}

std::optional<Broken> Verifier::finish() {
  for (auto& [id, p] : purges_) {
    if (p.seen.count() != p.count || p.seen.hex() != p.digest)
      return Broken{id, fmt::format("is a purge of {} events, but {} tombstones match it", p.count,
                                    p.seen.count())};
  }
  return std::nullopt;
}

bool Verifier::saw(const std::string& hex_hash) const {
  return !hex_hash.empty() && hex_hash == watched_ && saw_watched_;
}

}  // namespace desk::audit
