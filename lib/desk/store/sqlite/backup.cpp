#include "desk/store/sqlite/backup.hpp"

#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/output_file.hpp"
#include "desk/store/sqlite/open.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

namespace desk::store::sqlite {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::string q(const fs::path& p) {
  return util::quoted(p.string());
}

[[noreturn]] void fail(int code, const fs::path& path, const std::string& doing,
                       const std::string& detail) {
  int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw StoreBusy(fmt::format("the store {} stayed busy while {}", q(path), doing),
                    "another desk command held it; try again");
  if (primary == SQLITE_FULL)
    throw StoreError(fmt::format("cannot finish {}: the disk is full", doing),
                     "free some space and try again; nothing was replaced");
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    throw StoreCorrupt(fmt::format("{} is corrupt or not a SQLite database", q(path)));
  throw StoreError(fmt::format("{} failed on {}: {}", doing, q(path), detail));
}

bool corrupt(int code) {
  int primary = code & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// Copies every page of `from` into `to` in one step, waiting for locks up
// to `timeout`. Returns SQLITE_DONE, or the error for the caller to name:
// only it knows which side may be damaged.
int copy_pages(SQLite::Database& from, SQLite::Database& to, std::chrono::milliseconds timeout) {
  sqlite3_backup* b = sqlite3_backup_init(to.getHandle(), "main", from.getHandle(), "main");
  if (b == nullptr) return sqlite3_extended_errcode(to.getHandle());
  auto deadline = Clock::now() + timeout;
  int rc = SQLITE_OK;
  while (true) {
    rc = sqlite3_backup_step(b, -1);
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  return rc;
}

// The store being backed up is damaged: say so, and that the old backup stays.
StoreCorrupt corrupt_store(const fs::path& store, const fs::path& to, const std::string& what) {
  return StoreCorrupt(
      fmt::format("the store {} is corrupt: {}", q(store), what),
      fmt::format("nothing was backed up and {} is as it was; 'desk doctor' says what is "
                  "damaged, 'desk restore' puts a good backup back",
                  q(to)));
}

// The first line a check pragma (quick_check, integrity_check) reports, on
// one line and shortened; empty when it says "ok".
std::string first_problem(SQLite::Database& db, const char* pragma) {
  SqlConnection conn(db.getHandle());
  sql::Statement check(conn, fmt::format("PRAGMA {}(1)", pragma));
  std::string first = check.step() ? check.text(0) : std::string("ok");
  if (first == "ok") return {};
  std::string shown = util::quoted(first, 200);
  return shown.substr(1, shown.size() - 2);
}

FileInfo info_of(SQLite::Database& db) {
  FileInfo info;
  info.schema = db.execAndGet("PRAGMA user_version").getInt();
  info.tickets = db.execAndGet("SELECT count(*) FROM tickets").getInt64();
  return info;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

FileInfo backup(const fs::path& store, const fs::path& to, std::chrono::milliseconds busy_timeout) {
  require_store_file(store);
  if (same_file(store, to))
    throw UsageError(fmt::format("{} is the store itself", q(to)),
                     "give the backup another file name");
  OutputFile out(to);
  FileInfo info;
  try {
    auto src = open_database(store, Access::read, busy_timeout);
    if (recognise(*src, store) == Holds::nothing) throw empty_store(store);
    // A corrupt copy must never replace the last good one: a weekly
    // rotation would lose every sound backup.
    std::string first = first_problem(*src, "quick_check");
    if (!first.empty()) throw corrupt_store(store, to, first);
    {
      SQLite::Database dest(out.scratch(), SQLite::OPEN_READWRITE);
      // The copy is a new file: damage can only be the store's.
      int rc = copy_pages(*src, dest, busy_timeout);
      if (corrupt(rc)) throw corrupt_store(store, to, sqlite3_errstr(rc));
      if (rc != SQLITE_DONE) fail(rc, store, "making the backup", sqlite3_errstr(rc));
      // A self-contained file: no -wal beside it to copy along.
      dest.exec("PRAGMA journal_mode = DELETE");
      info = info_of(dest);
    }
  } catch (const SQLite::Exception& e) {
    if (corrupt(e.getErrorCode())) throw corrupt_store(store, to, e.getErrorStr());
    fail(e.getExtendedErrorCode(), store, "making the backup", e.getErrorStr());
  }
  out.commit();
  return info;
}

FileInfo inspect(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) throw StoreError(fmt::format("no file {}", q(file)));
  if (!fs::is_regular_file(file, ec))
    throw StoreError(fmt::format("{} is not a regular file", q(file)));
  try {
    auto db = open_database(file, Access::read, std::chrono::milliseconds(0));
    std::string first = first_problem(*db, "integrity_check");
    if (!first.empty())
      throw StoreCorrupt(fmt::format("{} is corrupt: {}", q(file), first),
                         "nothing was changed; try an older backup");
    int version = db->execAndGet("PRAGMA user_version").getInt();
    bool has_tables =
        db->execAndGet(
              "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('tickets', "
              "'events')")
            .getInt() == 2;
    if (version == 0 || !has_tables)
      throw StoreError(fmt::format("{} is not a desk store", q(file)),
                       "nothing was changed; give a file made by 'desk backup'");
    if (version > current_schema_version())
      throw StoreError(fmt::format("{} was written by a newer desk (schema {}, this desk knows {})",
                                   q(file), version, current_schema_version()),
                       "nothing was changed; upgrade desk first");
    SqlConnection conn(db->getHandle());
    sql::Statement refs(conn, "PRAGMA foreign_key_check");
    if (refs.step())
      throw StoreError(
          fmt::format("{} is inconsistent: a row of '{}' refers to a missing row of '{}'", q(file),
                      refs.text(0), refs.text(2)),
          "nothing was changed; try an older backup");
    return info_of(*db);
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
      throw StoreCorrupt(fmt::format("{} is corrupt or not a SQLite database", q(file)),
                         "nothing was changed; give a file made by 'desk backup'");
    throw StoreError(fmt::format("cannot read {}: {}", q(file), e.getErrorStr()));
  }
}

namespace {

// Keeps the bytes of a store too damaged to be copied page by page.
void keep_bytes(const fs::path& store, const fs::path& keep) {
  std::ifstream in(store, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof())
    throw StoreError(fmt::format("cannot read the store {} to keep it", q(store)),
                     "nothing was changed");
  write_file(keep, bytes.str());
}

}  // namespace

FileInfo restore(const fs::path& store, const fs::path& from, const fs::path& keep,
                 std::chrono::milliseconds busy_timeout) {
  if (same_file(store, from))
    throw UsageError(fmt::format("{} is the store itself", q(from)),
                     "give a backup made by 'desk backup'");
  FileInfo info = inspect(from);
  std::error_code ec;
  // An empty file is no store to keep: restore fills it.
  bool exists = fs::exists(store, ec) && fs::file_size(store, ec) > 0;
  if (exists) require_writable(store);
  bool damaged = false;
  if (exists) {
    try {
      backup(store, keep, busy_timeout);
    } catch (const StoreError&) {
      // Too damaged to copy page by page (or not a store at all): keep its
      // bytes as they are.
      damaged = true;
      keep_bytes(store, keep);
    }
  }
  if (!exists && store.has_parent_path()) fs::create_directories(store.parent_path(), ec);
  try {
    auto src = open_database(from, Access::read, busy_timeout);
    if (!damaged) {
      try {
        SQLite::Database dest(store.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        wait_when_busy(dest, busy_timeout);
        // `from` was checked: damage is the store's own.
        int rc = copy_pages(*src, dest, busy_timeout);
        if (rc == SQLITE_DONE) {
          if (!exists) dest.exec("PRAGMA journal_mode = WAL");
          return info;
        }
        if (!corrupt(rc)) fail(rc, store, "restoring", sqlite3_errstr(rc));
        damaged = true;
      } catch (const SQLite::Exception& e) {
        if (!corrupt(e.getErrorCode())) throw;
        damaged = true;
      }
    }
    // The damaged store cannot take a transaction: put a whole copy in its place.
    OutputFile out(store);
    {
      SQLite::Database dest(out.scratch(), SQLite::OPEN_READWRITE);
      int rc = copy_pages(*src, dest, busy_timeout);
      if (rc != SQLITE_DONE) fail(rc, from, "restoring", sqlite3_errstr(rc));
      dest.exec("PRAGMA journal_mode = WAL");
    }
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(store.string() + suffix, ec);
    out.commit();
    return info;
  } catch (const SQLite::Exception& e) {
    fail(e.getExtendedErrorCode(), store, "restoring", e.getErrorStr());
  }
}

FileInfo write_store_file(const fs::path& to, const std::function<void(SqliteStore&)>& fill) {
  OutputFile out(to);
  FileInfo info;
  {
    create(out.scratch());
    auto made = open(out.scratch(), Access::write, std::chrono::milliseconds(0));
    auto& file = static_cast<SqliteStore&>(*made);
    fill(file);
    file.guarded([&] {
      file.db().exec("PRAGMA journal_mode = DELETE");
      info = info_of(file.db());
    });
  }
  out.commit();
  return info;
}

FileInfo write_copy(sql::SqlStore& from, const fs::path& to, sql::CopiedRows* rows) {
  return write_store_file(to, [&](SqliteStore& copy) {
    WriteTransaction tx(copy);
    copy.guarded([&] { set_bulk_pragmas(copy.db()); });
    sql::CopiedRows copied = sql::copy_rows(from, copy);
    tx.commit();
    if (rows) *rows = std::move(copied);
  });
}

std::unique_ptr<Store> open_current(const fs::path& file, const fs::path& scratch,
                                    std::chrono::milliseconds busy_timeout) {
  if (inspect(file).schema == current_schema_version())
    return open(file, Access::read, busy_timeout);
  backup(file, scratch, busy_timeout);
  return open(scratch, Access::read, busy_timeout);
}

}  // namespace desk::store::sqlite
