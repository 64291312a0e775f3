#pragma once
// SQLite's result codes as sql::Error.
#include "store/sql/error.hpp"

#include <exception>

struct sqlite3;

namespace vrathaus::sql {

// The error SQLite reports for `rc` on connection `db` (its message from sqlite3_errmsg).
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc);
// Re-throws an SQLite::Exception of SQLiteCpp (or anything else) as sql::Error.
[[noreturn]] void rethrow_as_sql_error(const std::exception& e);

}  // namespace vrathaus::sql
