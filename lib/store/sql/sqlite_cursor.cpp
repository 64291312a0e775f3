#include "store/sql/sqlite_cursor.hpp"

#include "store/sql/sqlite_error.hpp"

#include <sqlite3.h>

#include <cstring>
#include <string>

namespace vrathaus::sql {
namespace {

sqlite3_destructor_type lifetime_of(Lifetime lifetime) {
  return lifetime == Lifetime::copy ? SQLITE_TRANSIENT : SQLITE_STATIC;
}

bool only_space_or_semicolons(const char* rest) {
  for (; rest && *rest; ++rest)
    if (!std::strchr(" \t\r\n;", *rest)) return false;
  return true;
}

}  // namespace

SqliteCursor::SqliteCursor(sqlite3* db, std::string_view sql) : db_(db) {
  const char* tail = nullptr;
  // PERSISTENT: the statement is meant to be kept and reused (Prepared, bulk imports).
  check(sqlite3_prepare_v3(db_, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement_, &tail));
  if (!statement_) throw Error(ErrorKind::other, "empty SQL statement");
  if (tail && tail < sql.data() + sql.size() &&
      !only_space_or_semicolons(std::string(tail, sql.data() + sql.size()).c_str())) {
    sqlite3_finalize(statement_);
    statement_ = nullptr;
    throw Error(ErrorKind::other, "a statement holds more than one SQL statement: " + std::string(sql));
  }
}

SqliteCursor::~SqliteCursor() { sqlite3_finalize(statement_); }

void SqliteCursor::check(int rc) const {
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc);
}

int SqliteCursor::parameter_index(std::string_view name) const {
  std::string terminated(name);
  int index = sqlite3_bind_parameter_index(statement_, terminated.c_str());
  if (index == 0) throw Error(ErrorKind::other, "the statement has no parameter " + terminated);
  return index;
}

void SqliteCursor::bind_null(int index) { check(sqlite3_bind_null(statement_, index)); }

void SqliteCursor::bind_int64(int index, std::int64_t value) { check(sqlite3_bind_int64(statement_, index, value)); }

void SqliteCursor::bind_double(int index, double value) { check(sqlite3_bind_double(statement_, index, value)); }

void SqliteCursor::bind_text(int index, std::string_view value, Lifetime lifetime) {
  // A zero-length text needs a non-null pointer, or SQLite binds NULL.
  check(sqlite3_bind_text(statement_, index, value.data() ? value.data() : "", int(value.size()), lifetime_of(lifetime)));
}

void SqliteCursor::bind_blob(int index, Bytes value, Lifetime lifetime) {
  check(sqlite3_bind_blob(statement_, index, value.data ? value.data : "", int(value.size), lifetime_of(lifetime)));
}

void SqliteCursor::clear_bindings() { check(sqlite3_clear_bindings(statement_)); }

bool SqliteCursor::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(db_, rc);
}

int SqliteCursor::exec() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) {
    sqlite3_reset(statement_);
    throw Error(ErrorKind::other, std::string("exec() of a statement that returns rows (use executeStep): ") +
                                      sqlite3_sql(statement_));
  }
  if (rc != SQLITE_DONE) throw_sqlite_error(db_, rc);
  return sqlite3_changes(db_);
}

// sqlite3_reset() repeats the last step's error, which step() has thrown already.
void SqliteCursor::reset() { sqlite3_reset(statement_); }

int SqliteCursor::column_count() const { return sqlite3_column_count(statement_); }

const char* SqliteCursor::column_name(int column) const { return sqlite3_column_name(statement_, column); }

int SqliteCursor::column_index(std::string_view name) const {
  for (int i = 0, n = column_count(); i < n; ++i)
    if (name == sqlite3_column_name(statement_, i)) return i;
  throw Error(ErrorKind::other, "the statement has no result column " + std::string(name));
}

ColumnType SqliteCursor::column_type(int column) const {
  switch (sqlite3_column_type(statement_, column)) {
    case SQLITE_INTEGER: return ColumnType::integer;
    case SQLITE_FLOAT: return ColumnType::real;
    case SQLITE_TEXT: return ColumnType::text;
    case SQLITE_BLOB: return ColumnType::blob;
    default: return ColumnType::null;
  }
}

std::int64_t SqliteCursor::column_int64(int column) const { return sqlite3_column_int64(statement_, column); }

double SqliteCursor::column_double(int column) const { return sqlite3_column_double(statement_, column); }

std::string_view SqliteCursor::column_text(int column) const {
  auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return data ? std::string_view(data, std::size_t(sqlite3_column_bytes(statement_, column))) : std::string_view("", 0);
}

Bytes SqliteCursor::column_blob(int column) const {
  const void* data = sqlite3_column_blob(statement_, column);
  return {data, std::size_t(sqlite3_column_bytes(statement_, column))};
}

}  // namespace vrathaus::sql
