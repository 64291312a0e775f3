#include "store/sql/sqlite_connection.hpp"

#include "store/sql/sqlite_bulk_load.hpp"
#include "store/sql/sqlite_cursor.hpp"
#include "store/sql/sqlite_error.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>

namespace vrathaus::sql {
namespace {

std::unique_ptr<SQLite::Database> open(const std::string& path, SqliteOptions options) {
  int flags = (options.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
  if (options.create && !options.read_only) flags |= SQLite::OPEN_CREATE;
  try {
    return std::make_unique<SQLite::Database>(path, flags, options.busy_timeout_ms);
  } catch (const std::exception& e) {
    rethrow_as_sql_error(e);
  }
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, SqliteOptions options)
    : database_(open(path, options)) {}

SqliteConnection::~SqliteConnection() { forget_statements(); }

int SqliteConnection::exec(std::string_view sql) {
  std::string terminated(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(database_->getHandle(), terminated.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // sqlite3_errmsg() still holds it
  if (rc != SQLITE_OK) throw_sqlite_error(database_->getHandle(), rc);
  return sqlite3_changes(database_->getHandle());
}

int SqliteConnection::getChanges() const { return sqlite3_changes(database_->getHandle()); }

void SqliteConnection::begin(TransactionKind kind) {
  exec(kind == TransactionKind::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

void SqliteConnection::commit() { exec("COMMIT"); }

void SqliteConnection::rollback() { exec("ROLLBACK"); }

std::unique_ptr<BulkLoad> SqliteConnection::bulk_load(const std::string& table, const std::vector<std::string>& columns) {
  return sqlite_bulk_load(*this, table, columns);
}

std::unique_ptr<Cursor> SqliteConnection::prepare(std::string_view sql) {
  return std::make_unique<SqliteCursor>(database_->getHandle(), sql);
}

SQLite::Database& sqlite_of(Connection& db, const char* feature) {
  if (db.engine() != Engine::sqlite)
    throw Error(ErrorKind::other, std::string(feature) + " needs the SQLite engine; this store runs on " +
                                      engine_name(db.engine()));
  return static_cast<SqliteConnection&>(db).database();
}

}  // namespace vrathaus::sql
