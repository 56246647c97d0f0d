#include "desk/store/postgres/sql_connection.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace desk::store::postgres {

std::string numbered_placeholders(std::string_view sql, std::vector<bool>& used) {
  std::string out;
  out.reserve(sql.size() + 16);
  used.clear();
  int count = 0;
  char quote = 0;  // ' or " while inside quoted text or a quoted name
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      // A doubled quote inside stays inside: it ends and starts again.
      if (c == quote) quote = 0;
      out += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t digits = i + 1;
    while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
    int n = count + 1;
    if (digits > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + digits, n);
    count = std::max(count, n);
    if (used.size() < static_cast<std::size_t>(n)) used.resize(static_cast<std::size_t>(n));
    used[static_cast<std::size_t>(n - 1)] = true;
    out += '$';
    out += std::to_string(n);
    i = digits - 1;
  }
  return out;
}

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '?' || c == '$';
}

// Where the operand that ends at `end` (exclusive) starts in `sql`: a name
// or placeholder, or a parenthesised expression with the name of the
// function it calls, if any. Quoted text and names inside are skipped whole.
std::size_t operand_start(std::string_view sql, std::size_t end) {
  std::size_t i = end;
  int depth = 0;
  while (i > 0) {
    char c = sql[i - 1];
    if (c == '\'' || c == '"') {
      std::size_t open = sql.rfind(c, i - 2);
      if (open == std::string_view::npos) break;
      i = open;
    } else if (c == ')') {
      ++depth;
      --i;
    } else if (c == '(' && depth > 0) {
      --depth;
      --i;
    } else if (depth > 0 || name_char(c)) {
      --i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::string case_blind(std::string_view sql) {
  constexpr std::string_view kNocase = " COLLATE NOCASE";
  std::string out;
  out.reserve(sql.size() + 32);
  std::size_t from = 0;
  for (std::size_t at = sql.find(kNocase); at != std::string_view::npos;
       at = sql.find(kNocase, from)) {
    std::size_t start = operand_start(sql, at);
    if (start == at || start < from)
      throw QueryError("", fmt::format("no operand before COLLATE NOCASE in {}", sql));
    out.append(sql.substr(from, start - from));
    out += "lower(";
    out.append(sql.substr(start, at - start));
    out += " COLLATE \"C\")";
    from = at + kNocase.size();
  }
  out.append(sql.substr(from));
  return out;
}

SqlStatement::SqlStatement(Connection& db, std::string_view sql, sql::Rows rows)
    : db_(db), many_(rows == sql::Rows::many) {
  std::vector<bool> used;
  sql_ = numbered_placeholders(case_blind(sql), used);
  params_.resize(used.size());
  constexpr unsigned kText = 25;
  for (bool u : used) types_.push_back(u ? 0 : kText);
}

SqlStatement::~SqlStatement() {
  close_cursor();
}

Param& SqlStatement::slot(int i) {
  if (i < 1 || static_cast<std::size_t>(i) > params_.size())
    throw QueryError("", "no placeholder ?" + std::to_string(i) + " in " + sql_);
  return params_[static_cast<std::size_t>(i - 1)];
}

void SqlStatement::bind_null(int i) {
  slot(i) = nullptr;
}

void SqlStatement::bind_integer(int i, std::int64_t v) {
  slot(i) = v;
}

void SqlStatement::bind_text(int i, std::string_view v) {
  slot(i) = std::string(v);
}

void SqlStatement::bind_blob(int i, std::string_view bytes) {
  slot(i) = Bytes{std::string(bytes)};
}

void SqlStatement::bind_real(int i, double v) {
  slot(i) = fmt::format("{}", v);  // the shortest text that reads back as v
}

// Rows the cursor brings a round trip: enough that the trips cost little
// beside the rows, few enough that a batch of wide rows stays small.
constexpr int kBatch = 1000;

void SqlStatement::execute() {
  if (many_) {
    std::string name = db_.new_cursor_name();
    if (db_.reading() || !db_.in_transaction()) {
      db_.begin_reading();
      reading_ = true;
    }
    try {
      db_.exec(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", name, sql_), params_, types_);
    } catch (...) {
      end_reading();
      throw;
    }
    cursor_ = name;
    cursor_transaction_ = db_.ended_transactions();
    fetch();
  } else {
    result_.emplace(db_.exec(sql_, params_, types_));
    row_ = -1;
  }
  bytes_.assign(static_cast<std::size_t>(result_->columns()), std::string());
}

// Each batch but the last asks for the next at once: the server makes it
// while desk reads this one, so on two cores the one waits little for the
// other (a report of a million tickets, or an export, is their sum else).
void SqlStatement::fetch() {
  std::string sql = fmt::format("FETCH {} FROM {}", kBatch, cursor_);
  if (ahead_sent_) {
    ahead_sent_ = false;
    result_.emplace(db_.take_ahead(&ahead_));
  } else {
    result_.emplace(db_.exec(sql));
  }
  row_ = -1;
  last_batch_ = result_->rows() < kBatch;
  if (!last_batch_) {
    db_.send_ahead(sql, &ahead_);
    ahead_sent_ = true;
  }
}

void SqlStatement::close_cursor() noexcept {
  if (cursor_.empty()) return;
  std::string name = std::move(cursor_);
  cursor_.clear();
  if (ahead_sent_) {
    ahead_sent_ = false;
    try {
      db_.take_ahead(&ahead_);  // a batch no one will read
    } catch (const std::exception&) {
      // Whatever failed, the transaction's state below says.
    }
  }
  // A failed transaction refuses everything until its rollback, and a
  // cursor went with the transaction that declared it.
  if (!db_.transaction_failed() && db_.in_transaction() &&
      db_.ended_transactions() == cursor_transaction_) {
    try {
      db_.exec("CLOSE " + name);
    } catch (const std::exception&) {
      // The connection is gone, and the cursor with it.
    }
  }
  end_reading();
}

void SqlStatement::end_reading() noexcept {
  if (!reading_) return;
  reading_ = false;
  db_.end_reading();
}

bool SqlStatement::step() {
  if (!result_) execute();
  if (row_ < result_->rows()) ++row_;
  if (row_ == result_->rows() && !cursor_.empty() && !last_batch_) {
    fetch();
    ++row_;
  }
  // Past the last row, the cursor (and a read-only transaction it began)
  // ends at once, so that what follows may write.
  if (row_ == result_->rows() && last_batch_) close_cursor();
  return row_ < result_->rows();
}

std::int64_t SqlStatement::run() {
  if (!result_) execute();
  row_ = result_->rows();
  return result_->changed();
}

void SqlStatement::reset() {
  close_cursor();
  result_.reset();
  row_ = -1;
}

void SqlStatement::clear() {
  reset();
  for (auto& p : params_) p = nullptr;
}

bool SqlStatement::null(int c) const {
  return result_->is_null(row_, c);
}

std::int64_t SqlStatement::integer(int c) const {
  if (null(c)) return 0;
  return result_->int64(row_, c);
}

double SqlStatement::real(int c) const {
  if (null(c)) return 0;
  return std::strtod(std::string(result_->text(row_, c)).c_str(), nullptr);
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view SqlStatement::view(int c) const {
  std::string_view text = result_->text(row_, c);
  if (!result_->is_bytes(c)) return text;
  // bytea's text form: \x and two hex digits a byte.
  std::string& out = bytes_[static_cast<std::size_t>(c)];
  out.clear();
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    int high = hex_digit(text[i]);
    int low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0 || text.substr(0, 2) != "\\x")
      throw QueryError("", "the server sent a bytea value that is not hex");
    out += static_cast<char>(high * 16 + low);
  }
  return out;
}

int SqlStatement::columns() const {
  return result_ ? result_->columns() : 0;
}

std::string SqlStatement::column_name(int c) const {
  return result_->name(c);
}

sql::Type SqlStatement::type(int c) const {
  if (null(c)) return sql::Type::null;
  // pg_type oids: int8, int2, int4; float4, float8, numeric; bytea.
  switch (result_->type(c)) {
    case 20:
    case 21:
    case 23:
      return sql::Type::integer;
    case 700:
    case 701:
    case 1700:
      return sql::Type::real;
    case 17:
      return sql::Type::blob;
    default:
      return sql::Type::text;
  }
}

std::unique_ptr<sql::EngineStatement> SqlConnection::prepare(std::string_view sql, sql::Rows rows) {
  return std::make_unique<SqlStatement>(db_, sql, rows);
}

void SqlConnection::exec(std::string_view sql) {
  db_.exec(std::string(sql));
}

}  // namespace desk::store::postgres
