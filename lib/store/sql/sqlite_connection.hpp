#pragma once
// The SQLite engine: a Connection over one SQLiteCpp database whose statements are SqliteCursors.
// SQLite-only features (custom SQL functions, the busy handler, the backup API, checkpoints) are
// reached through sqlite_of(), which only code in lib/store calls and which refuses other engines.
#include "store/sql/connection.hpp"

#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace vrathaus::sql {

struct SqliteOptions {
  bool read_only = false;
  bool create = false;  // create the file when it is missing
  int busy_timeout_ms = 0;
};

class SqliteConnection final : public Connection {
public:
  // Opens `path` (":memory:" for a private in-memory database) without a per-call mutex: a
  // connection is used by one thread at a time. Throws sql::Error when it cannot be opened.
  SqliteConnection(const std::string& path, SqliteOptions options);
  ~SqliteConnection() override;

  Engine engine() const override { return Engine::sqlite; }
  int exec(std::string_view sql) override;
  int getChanges() const override;
  void begin(TransactionKind kind) override;
  void commit() override;
  void rollback() override;
  std::unique_ptr<Cursor> prepare(std::string_view sql) override;
  std::unique_ptr<BulkLoad> bulk_load(const std::string& table, const std::vector<std::string>& columns) override;

  SQLite::Database& database() { return *database_; }

private:
  std::unique_ptr<SQLite::Database> database_;
};

// The SQLite database behind `db`; throws sql::Error when `db` runs on another engine, naming
// `feature` (what needed SQLite).
SQLite::Database& sqlite_of(Connection& db, const char* feature);

}  // namespace vrathaus::sql
