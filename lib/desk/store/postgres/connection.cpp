#include "desk/store/postgres/connection.hpp"

#include <charconv>

#include "desk/core/location.hpp"
#include "desk/store/postgres/libpq.hpp"

namespace desk::store::postgres {

namespace {

// libpq's messages end in a newline, some after a second line of advice
// ("Is the server running ...?"); desk prints an error on one line.
// libpq also puts two spaces after "FATAL:".
std::string first_line(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  while (!message.empty() && message.back() == ' ') message.remove_suffix(1);
  std::string out;
  for (char c : message)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

// libpq prints the server's notices ("... does not exist, skipping") on
// stderr unless told otherwise, and lib/ never prints.
void ignore_notice(void*, const char*) {}

// Each parameter as libpq takes it: a C string, bytes, or nullptr for NULL.
// An integer's text is kept in `buffer`, which must outlive the call.
const char* value_of(const Param& p, std::string& buffer) {
  if (const auto* s = std::get_if<std::string>(&p)) return s->c_str();
  if (const auto* b = std::get_if<Bytes>(&p)) return b->data.data();
  if (const auto* n = std::get_if<std::int64_t>(&p)) return (buffer = std::to_string(*n)).c_str();
  return nullptr;
}

constexpr unsigned kByteaType = 17;  // pg_type's oid of bytea

QueryError failure(PGconn* conn, const PGresult* r) {
  const char* state = libpq().PQresultErrorField(r, PG_DIAG_SQLSTATE);
  const char* primary = libpq().PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
  const char* hint = libpq().PQresultErrorField(r, PG_DIAG_MESSAGE_HINT);
  // Without a primary message the failure is libpq's own: out of memory,
  // or the connection lost (reported on the result, or with no result).
  if (!primary) primary = r ? libpq().PQresultErrorMessage(r) : libpq().PQerrorMessage(conn);
  std::string code = state ? state : "";
  if (code.empty() && libpq().PQstatus(conn) == CONNECTION_BAD) code = sqlstate::connection_failure;
  return QueryError(code, first_line(primary), first_line(hint ? hint : ""));
}

}  // namespace

void Result::Clear::operator()(pg_result* r) const noexcept {
  libpq().PQclear(r);
}

void Connection::Finish::operator()(pg_conn* c) const noexcept {
  libpq().PQfinish(c);
}

Connection::Connection(const std::string& uri) {
  // client_encoding after the URI (expanded from "dbname") overrides the
  // URI's and PGCLIENTENCODING: desk's text is UTF-8 whatever the database's.
  const char* const keys[] = {"dbname", "client_encoding", nullptr};
  const char* const values[] = {uri.c_str(), "UTF8", nullptr};
  conn_.reset(libpq().PQconnectdbParams(keys, values, 1));
  // The store named as the user gave it, less any password.
  std::string store = "cannot connect to the store '" + shown_location(uri) + "': ";
  if (!conn_) throw StoreError(store + "out of memory");
  if (libpq().PQstatus(conn_.get()) != CONNECTION_OK)
    throw StoreError(store + first_line(libpq().PQerrorMessage(conn_.get())),
                     "check that the server is up and that the URI names it ([desk] store in "
                     "desk.toml(5), --db or $DESK_DB)");
  libpq().PQsetNoticeProcessor(conn_.get(), ignore_notice, nullptr);
}

Result Connection::exec(const std::string& sql) {
  settle();
  return checked(libpq().PQexec(conn_.get(), sql.c_str()));
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params,
                        const std::vector<unsigned>& given_types) {
  settle();
  std::size_t n = params.size();
  std::vector<std::string> buffers(n);
  std::vector<const char*> values(n);
  // No types but bytea's: the server infers each from its use. Text is
  // NUL-terminated; bytes go as they are (format 1), with their length.
  std::vector<Oid> types(n, 0);
  for (std::size_t i = 0; i < n && i < given_types.size(); ++i) types[i] = given_types[i];
  std::vector<int> lengths(n, 0);
  std::vector<int> formats(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = value_of(params[i], buffers[i]);
    if (const auto* b = std::get_if<Bytes>(&params[i])) {
      types[i] = kByteaType;
      lengths[i] = static_cast<int>(b->data.size());
      formats[i] = 1;
    }
  }
  return checked(libpq().PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(n), types.data(),
                                      values.data(), lengths.data(), formats.data(), 0));
}

bool Connection::in_transaction() const {
  PGTransactionStatusType status = libpq().PQtransactionStatus(conn_.get());
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool Connection::transaction_failed() const {
  return libpq().PQtransactionStatus(conn_.get()) == PQTRANS_INERROR;
}

void Connection::begin_reading() {
  if (readers_ == 0) {
    exec("BEGIN READ ONLY");
    reading_transaction_ = ended_;
  }
  ++readers_;
}

void Connection::end_reading() noexcept {
  if (--readers_ > 0 || ended_ != reading_transaction_) return;
  try {
    exec(transaction_failed() ? "ROLLBACK" : "COMMIT");
  } catch (const std::exception&) {
    // The connection is gone, and the transaction with it.
  }
}

void Connection::send_ahead(const std::string& sql, std::optional<Result>* into) {
  settle();
  into->reset();
  if (libpq().PQsendQuery(conn_.get(), sql.c_str()) == 1) ahead_ = into;
}

Result Connection::take_ahead(std::optional<Result>* into) {
  if (ahead_ == into) settle();
  if (!*into) throw failure(conn_.get(), nullptr);  // never sent: the connection is gone
  pg_result* r = (*into)->res_.release();
  into->reset();
  return checked(r);
}

void Connection::settle() noexcept {
  if (ahead_ == nullptr) return;
  // The last of the answer's results is the statement's; libpq's own
  // failure (the connection lost) comes as a result too, or as none.
  pg_result* last = nullptr;
  while (pg_result* r = libpq().PQgetResult(conn_.get())) {
    if (last) libpq().PQclear(last);
    last = r;
  }
  ahead_->emplace(Result(last));
  ahead_ = nullptr;
}

Result Connection::checked(pg_result* r) {
  Result result(r);
  if (libpq().PQtransactionStatus(conn_.get()) == PQTRANS_IDLE) ++ended_;
  ExecStatusType status = libpq().PQresultStatus(r);  // PGRES_FATAL_ERROR for no result
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  if (status == PGRES_FATAL_ERROR) throw failure(conn_.get(), r);
  // COPY or an empty query: nothing desk sends.
  throw QueryError(
      "", std::string("unexpected answer from the server: ") + libpq().PQresStatus(status));
}

int Result::rows() const {
  return libpq().PQntuples(res_.get());
}

int Result::columns() const {
  return libpq().PQnfields(res_.get());
}

bool Result::is_null(int row, int column) const {
  return libpq().PQgetisnull(res_.get(), row, column) == 1;
}

std::string_view Result::text(int row, int column) const {
  const char* value = libpq().PQgetvalue(res_.get(), row, column);  // nullptr out of range
  return {value ? value : "",
          static_cast<std::size_t>(libpq().PQgetlength(res_.get(), row, column))};
}

bool Result::is_bytes(int column) const {
  return libpq().PQftype(res_.get(), column) == kByteaType;
}

std::string Result::name(int column) const {
  const char* name = libpq().PQfname(res_.get(), column);
  return name ? name : "";
}

unsigned Result::type(int column) const {
  return libpq().PQftype(res_.get(), column);
}

std::int64_t Result::changed() const {
  std::string_view s = libpq().PQcmdTuples(res_.get());  // "" for a statement that changes none
  std::int64_t n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

std::int64_t Result::int64(int row, int column) const {
  std::string_view s = text(row, column);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (is_null(row, column) || ec != std::errc() || end != s.data() + s.size()) {
    const char* name = libpq().PQfname(res_.get(), column);
    throw StoreError("column " + std::string(name ? name : "?") + " of row " + std::to_string(row) +
                     " is not an integer: '" + std::string(s) + "'");
  }
  return n;
}

}  // namespace desk::store::postgres
