#include "desk/store/sqlite/kb_mirror.hpp"

#include <cstdlib>
#include <system_error>

#include "desk/store/sql/copy.hpp"
#include "desk/store/sqlite/backup.hpp"
#include "desk/store/sqlite/open.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/util/sha256.hpp"

namespace desk::store::sqlite {

namespace fs = std::filesystem;

namespace {

// The copy's own record of what it copied, beside the store's tables.
constexpr const char* kMirrorTable =
    "CREATE TABLE IF NOT EXISTS kb_mirror_of (fingerprint TEXT NOT NULL)";

// Copies the knowledge base of `from`, with its fingerprint read in the
// same snapshot, into `to`, a new store (references to tickets, which stay
// behind, are not checked).
void fill(sql::SqlStore& from, const KbMirror::Fingerprint& fingerprint, SqliteStore& to) {
  to.guarded([&] { to.sql().exec("PRAGMA foreign_keys = OFF"); });
  WriteTransaction tx(to);
  {
    sql::Snapshot snapshot(from);
    std::string print = fingerprint();
    for (const char* table : {"kb_articles", "kb_article_tags", "kb_links"})
      sql::copy_table(from, to, table);
    to.guarded([&] {
      to.sql().exec(kMirrorTable);
      sql::Statement mark(to.sql(), "INSERT INTO kb_mirror_of (fingerprint) VALUES (?1)");
      mark.bind(1, print);
      mark.run();
    });
  }
  tx.commit();
}

// The fingerprint a kept copy was made at; "" when `file` is no such copy.
std::string fingerprint_of(SqliteStore& copy) {
  try {
    sql::Statement st(copy.sql(), "SELECT fingerprint FROM kb_mirror_of");
    return st.step() ? st.text(0) : std::string();
  } catch (const std::exception&) {
    return {};
  }
}

std::unique_ptr<SqliteStore> open_kept(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return nullptr;
  try {
    auto s = open(file, Access::read, std::chrono::milliseconds(1000));
    return std::unique_ptr<SqliteStore>(static_cast<SqliteStore*>(s.release()));
  } catch (const std::exception&) {
    return nullptr;  // damaged or from another desk: made again
  }
}

// A new copy in `file`, written beside it and renamed over it: searches
// that have the old one open go on reading it.
std::unique_ptr<SqliteStore> keep_new(sql::SqlStore& from, const KbMirror::Fingerprint& fingerprint,
                                      const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::permissions(file.parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
  write_store_file(file, [&](SqliteStore& copy) { fill(from, fingerprint, copy); });
  // The articles may be private: the copy is its owner's alone (and its
  // directory too, so that no one else sees it even while it is new).
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace,
                  ec);
  return open_kept(file);
}

}  // namespace

KbMirror::KbMirror(sql::SqlStore& from, const Fingerprint& fingerprint,
                   const std::optional<fs::path>& cache) {
  if (cache) {
    std::unique_ptr<SqliteStore> kept = open_kept(*cache);
    if (kept && fingerprint_of(*kept) == fingerprint()) {
      copy_ = std::move(kept);
      return;
    }
    kept.reset();
    try {
      copy_ = keep_new(from, fingerprint, *cache);
      if (copy_) return;
    } catch (const std::exception&) {
      // The cache cannot be written (a read-only home, a full disk): the
      // copy is made in memory instead. (Had the source failed, it fails
      // again there, and that error is the one reported.)
    }
  }
  auto memory = open_in_memory();
  fill(from, fingerprint, *memory);
  copy_ = std::move(memory);
}

KbMirror::~KbMirror() = default;

KbStore& KbMirror::kb() {
  return copy_->kb();
}

std::optional<fs::path> KbMirror::cache_for(const std::string& location) {
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    dir = fs::path(xdg) / "desk";
  else if (const char* home = std::getenv("HOME"); home && *home == '/')
    dir = fs::path(home) / ".cache" / "desk";
  else
    return std::nullopt;
  std::string key = util::hex(util::sha256(location)).substr(0, 16);
  return dir / ("kb-" + key + ".db");
}

}  // namespace desk::store::sqlite
