// libpq, loaded (dlopen) when desk first connects to a server rather than
// linked: linked, libpq and the TLS, Kerberos and LDAP libraries it brings
// (some 30 of them, bound at load) cost every command about 4 ms of
// start-up, on a SQLite store too (bench/README.md, "Start-up").
// connection.cpp is the one user: it calls libpq().PQexec(...) and so on.
#pragma once

#include <libpq-fe.h>

namespace desk::store::postgres {

// The libpq functions desk uses.
// clang-format off
#define DESK_LIBPQ_FUNCTIONS(X) \
  X(PQconnectdbParams) \
  X(PQstatus) \
  X(PQerrorMessage) \
  X(PQsetNoticeProcessor) \
  X(PQfinish) \
  X(PQexec) \
  X(PQexecParams) \
  X(PQsendQuery) \
  X(PQgetResult) \
  X(PQtransactionStatus) \
  X(PQresultStatus) \
  X(PQresStatus) \
  X(PQresultErrorField) \
  X(PQresultErrorMessage) \
  X(PQclear) \
  X(PQntuples) \
  X(PQnfields) \
  X(PQgetisnull) \
  X(PQgetvalue) \
  X(PQgetlength) \
  X(PQftype) \
  X(PQfname) \
  X(PQcmdTuples)
// clang-format on

struct Libpq {
#define DESK_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
  DESK_LIBPQ_FUNCTIONS(DESK_LIBPQ_MEMBER)
#undef DESK_LIBPQ_MEMBER
};

// libpq's functions, loaded on the first call (thread-safe). Throws
// StoreError, with the package to install, when libpq.so.5 cannot be
// loaded or lacks one of them.
const Libpq& libpq();

}  // namespace desk::store::postgres
