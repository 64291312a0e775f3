#pragma once
// The store: one SQLite file (WAL mode, foreign keys on, a busy timeout) behind the engine-neutral
// sql::Connection (store/sql/connection.hpp), with versioned migrations.
#include "store/sql/sql.hpp"

#include <functional>
#include <memory>
#include <string>

namespace vrathaus {

enum class OpenMode { existing, create };

class Store {
public:
  // Opens (or with OpenMode::create, creates with mode 0600) the store at `path`.
  // Refuses a store whose schema is newer than this binary knows.
  Store(const std::string& path, OpenMode mode, int busy_timeout_ms);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  sql::Connection& db() { return *db_; }
  const std::string& path() const { return path_; }

  int schema_version();
  static int latest_schema_version();
  // Applies every pending migration, each in its own transaction. Returns how many ran.
  int migrate();
  // Throws a configuration error when the store needs `db migrate` first.
  void require_current_schema();

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT (writers queue on the busy timeout instead of
  // failing halfway). With `rollback` set, the work is undone at the end: that is --dry-run.
  void write_transaction(const std::function<void()>& work, bool rollback = false);
  void read_transaction(const std::function<void()>& work);

  // An online copy (SQLite's backup API) that is consistent while others write.
  void backup_to(const std::string& target);

private:
  struct BusyWait;
  std::string path_;
  std::unique_ptr<BusyWait> busy_;  // declared before db_: it outlives the connection that calls it
  std::unique_ptr<sql::Connection> db_;
};

// Turns the store's errors (sql::Error) into vrathaus errors (busy → exit 8, constraint → 4,
// read-only → 9, other → 70).
[[noreturn]] void rethrow_sql_error(const std::exception& e);

}  // namespace vrathaus
