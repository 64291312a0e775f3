#include "store/sql/sqlite_unchecked_writes.hpp"

#include "store/sql/sqlite_connection.hpp"

#include <SQLiteCpp/Database.h>

namespace vrathaus::sql {

// The pragma decides when a statement is compiled, not when it runs: statements prepared meanwhile
// keep skipping the checks, any other statement of the connection checks them again.
UncheckedWrites::UncheckedWrites(Connection& db) {
  if (db.engine() != Engine::sqlite) return;
  sqlite_ = &sqlite_of(db, "skipping CHECK constraints");
  sqlite_->exec("PRAGMA ignore_check_constraints = ON");
}

UncheckedWrites::~UncheckedWrites() {
  if (!sqlite_) return;
  try {
    sqlite_->exec("PRAGMA ignore_check_constraints = OFF");
  } catch (...) {
    // Setting a connection flag does not fail short of a closed connection, which checks nothing.
  }
}

}  // namespace vrathaus::sql
