#include "store/sql/sqlite_error.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace vrathaus::sql {
namespace {

ErrorKind kind_of(int extended) {
  switch (extended & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::busy;
    case SQLITE_CONSTRAINT: return ErrorKind::constraint;
    case SQLITE_READONLY: return ErrorKind::read_only;
    case SQLITE_FULL: return ErrorKind::disk_full;
    default: break;
  }
  // A directory where the WAL index should be: reading needs write access to the directory.
  return extended == SQLITE_CANTOPEN_ISDIR ? ErrorKind::read_only : ErrorKind::other;
}

ConstraintKind constraint_of(int extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return ConstraintKind::unique;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return ConstraintKind::foreign_key;
    case SQLITE_CONSTRAINT_CHECK: return ConstraintKind::check;
    case SQLITE_CONSTRAINT_NOTNULL: return ConstraintKind::not_null;
    default: return (extended & 0xff) == SQLITE_CONSTRAINT ? ConstraintKind::other : ConstraintKind::none;
  }
}

[[noreturn]] void throw_code(int extended, const std::string& message) {
  throw Error(kind_of(extended), constraint_of(extended), std::to_string(extended), message);
}

}  // namespace

void throw_sqlite_error(sqlite3* db, int rc) {
  // The connection's extended code describes the last failure when it is the one reported.
  int extended = db && (sqlite3_errcode(db) & 0xff) == (rc & 0xff) ? sqlite3_extended_errcode(db) : rc;
  throw_code(extended, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

void rethrow_as_sql_error(const std::exception& e) {
  if (auto* sq = dynamic_cast<const SQLite::Exception*>(&e)) throw_code(sq->getExtendedErrorCode(), sq->what());
  if (auto* err = dynamic_cast<const Error*>(&e)) throw *err;
  throw Error(ErrorKind::other, e.what());
}

}  // namespace vrathaus::sql
