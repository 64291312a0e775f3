#pragma once
// The store: one SQLite file (WAL mode, foreign keys on, a busy timeout) or a PostgreSQL database
// (chosen by a postgresql:// URL) behind the engine-neutral sql::Connection
// (store/sql/connection.hpp), with versioned migrations.
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
  // The path or URL the store was opened with, to open it again. Never for a message or an
  // output: a URL may hold a password. Those use shown_path().
  const std::string& path() const { return path_; }
  // The path, or the URL with its password masked (store_url_for_display): the only form of the
  // store's name any message, output or log shows.
  std::string shown_path() const;
  // An SQLite file (with a directory, a write-ahead log, a disk), not a database server.
  bool is_file() const;
  const char* engine_name() const;
  // Asks the database the simplest question: throws when it does not answer (a health check).
  void ping();

  int schema_version();
  static int latest_schema_version();
  // Applies every pending migration, each in its own transaction. Returns how many ran.
  int migrate();
  // Throws a configuration error when the store needs `db migrate` first.
  void require_current_schema();

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT (writers queue on the busy timeout instead of
  // failing halfway). With `rollback` set, the work is undone at the end: that is --dry-run.
  // On PostgreSQL a serialization failure or deadlock (SQLSTATE 40001, 40P01) rolls a write
  // back and, while a RerunOnLostRace lives on this thread (store/rerun_on_lost_race.hpp), runs
  // `work` again from the start, a few times: only work that reads nothing from outside the
  // store and acts on nothing before the commit may be re-run. Other work fails as busy.
  void write_transaction(const std::function<void()>& work, bool rollback = false);
  void read_transaction(const std::function<void()>& work);

  // An online copy (SQLite's backup API) that is consistent while others write. A PostgreSQL
  // store is refused (exit 2): pg_dump is its backup tool.
  void backup_to(const std::string& target);

private:
  struct BusyWait;
  void run_transaction(sql::TransactionKind kind, const std::function<void()>& work, bool rollback);
  std::string path_;
  std::unique_ptr<BusyWait> busy_;  // declared before db_: it outlives the connection that calls it
  std::unique_ptr<sql::Connection> db_;
};

// Turns the store's errors (sql::Error) into vrathaus errors (busy → exit 8, constraint → 4,
// read-only → 9, other → 70).
[[noreturn]] void rethrow_sql_error(const std::exception& e);

// A store path or URL as it may be shown: a URL's password replaced by "***".
std::string store_url_for_display(const std::string& path_or_url);

}  // namespace vrathaus
