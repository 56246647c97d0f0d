// Copying a whole store, row for row, between any two backends (SQLite and
// PostgreSQL hold the same tables and columns): `desk store copy`, a backup
// of a PostgreSQL store into an SQLite file, and a restore into one.
// Ids, events, salts and hashes are copied as they are, so the copy's
// audit chain verifies and ends in the same hash as the original's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "desk/store/sql/sql_store.hpp"

namespace desk::store::sql {

// Every table of a store, each after the tables its rows refer to (and the
// id bookkeeping last). A table added to the schema must be added here: a
// test compares this list with the schemas of both backends.
extern const std::vector<std::string_view> kStoreTables;

// Rows copied, table by table, in kStoreTables' order.
using CopiedRows = std::vector<std::pair<std::string, std::int64_t>>;

// Copies every row of `from`, read in one snapshot, into `to`, inside the
// write transaction the caller has begun on `to`, after emptying it
// (SqlStore::remove_every_row). References are checked when `to` commits.
CopiedRows copy_rows(SqlStore& from, SqlStore& to);

// Copies the rows of one table from `from` to `to`: how many.
std::int64_t copy_table(SqlStore& from, SqlStore& to, std::string_view table);

// Whether `s` holds any row but those every new store has (its id
// bookkeeping and the key of its mail).
bool holds_rows(SqlStore& s);

}  // namespace desk::store::sql
