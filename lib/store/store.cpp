#include "store/store.hpp"

#include "core/error.hpp"
#include "store/migrations.hpp"
#include "store/pg_engine.hpp"
#include "store/pg_migrations.hpp"
#include "store/rerun_on_lost_race.hpp"
#include "store/sql/sqlite_connection.hpp"
#include "store/sql/sqlite_error.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;

// Creates the store file with mode 0600 before SQLite opens it, so it is never readable by others,
// not even for an instant. SQLite gives the -wal and -shm files the same mode.
std::string prepare_path(const std::string& path, OpenMode mode) {
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (!exists && mode == OpenMode::existing)
    fail(ErrorKind::not_found, "no store at {}: create it with 'vrathaus db init'", path);
  if (!exists) {
    auto parent = fs::path(path).parent_path();
    if (!parent.empty()) {
      fs::create_directories(parent, ec);
      if (ec) fail(ErrorKind::config, "cannot create {}: {}", parent.string(), ec.message());
    }
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) fail(ErrorKind::config, "cannot create the store {}: {}", path, std::strerror(errno));
    if (fd >= 0) ::close(fd);
  }
  return path;
}

// SQLite counts every allocation for sqlite3_memory_used() under a global mutex unless told not
// to; nothing here reads those counters, and the lock is taken on every allocation of every
// statement. This must happen before SQLite initialises, so before the first connection opens
// (it is refused afterwards, harmlessly).
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

std::unique_ptr<sql::Connection> open_database(const std::string& path, OpenMode mode, int busy_timeout_ms) {
  configure_sqlite_once();
  try {
    // No per-call mutex on the connection: a Store is used by one thread at a time (the server
    // leases one per request), and the lock around every SQLite call costs a bulk import ~3 %.
    auto file = prepare_path(path, mode);
    // A store this user may only read (a backup on read-only media, a file of another user's) is
    // opened read-only: reading it works, and a change is refused as such rather than failing
    // deep inside SQLite.
    bool read_only = ::access(file.c_str(), W_OK) != 0 && errno != ENOENT;
    return std::make_unique<sql::SqliteConnection>(
        file, sql::SqliteOptions{.read_only = read_only, .busy_timeout_ms = busy_timeout_ms});
  } catch (const sql::Error& e) {
    fail(ErrorKind::config, "cannot open the store {}: {}", store_url_for_display(path), e.what());
  }
}

}  // namespace

// SQLite's own busy timeout sleeps up to 100 ms between attempts, so a writer at a counter can
// miss a lock that a batch job (an import between two batches) releases for a few milliseconds.
// This handler tries again every few milliseconds until the same timeout has passed.
struct Store::BusyWait {
  std::chrono::milliseconds timeout;
  std::chrono::steady_clock::time_point started;

  static int handle(void* self, int attempt) {
    auto& wait = *static_cast<BusyWait*>(self);
    auto now = std::chrono::steady_clock::now();
    if (attempt == 0) wait.started = now;
    if (now - wait.started >= wait.timeout) return 0;  // give up: SQLITE_BUSY, exit 8
    std::this_thread::sleep_for(std::chrono::milliseconds(attempt < 4 ? 1 : 4));
    return 1;
  }
};

[[noreturn]] void rethrow_sql_error(const std::exception& e) {
  if (auto* error = dynamic_cast<const sql::Error*>(&e)) {
    switch (error->kind()) {
      case sql::ErrorKind::busy:
        fail(ErrorKind::busy, "the store is busy (another process holds the write lock); try again");
      case sql::ErrorKind::serialization:
        fail(ErrorKind::busy, "the store is busy (a concurrent change won a race); try again");
      case sql::ErrorKind::constraint: fail(ErrorKind::conflict, "refused by a store constraint: {}", error->what());
      case sql::ErrorKind::disk_full: fail(ErrorKind::internal, "the disk is full: {}", error->what());
      case sql::ErrorKind::read_only:
        fail(ErrorKind::config, "the store is read-only for this user ({}): changes need write access to the store "
                                "file, and reading it needs write access to its directory for SQLite's WAL index",
             error->what());
      case sql::ErrorKind::other: break;
    }
  }
  fail(ErrorKind::internal, "store error: {}", e.what());
}

Store::Store(const std::string& path, OpenMode mode, int busy_timeout_ms)
    : path_(path),
      busy_(std::make_unique<BusyWait>(BusyWait{std::chrono::milliseconds(busy_timeout_ms), {}})),
      // The URL chooses the engine: postgresql:// or postgres:// is PostgreSQL, anything else a file.
      db_(is_postgresql_url(path) ? open_postgresql(path, busy_timeout_ms) : open_database(path, mode, busy_timeout_ms)) {
  // SQLite alone needs setting up; a PostgreSQL connection comes ready (postgresql/).
  if (db_->engine() == sql::Engine::sqlite) {
    auto* handle = sql::sqlite_of(*db_, "the store's busy handler").getHandle();
    sqlite3_busy_handler(handle, &BusyWait::handle, busy_.get());
    try {
      // WAL lets readers go on while one writer writes; foreign keys are off by default in SQLite.
      if (sqlite3_db_readonly(handle, "main") != 1) db_->exec("PRAGMA journal_mode=WAL");
      db_->exec("PRAGMA foreign_keys=ON");
      db_->exec("PRAGMA synchronous=NORMAL");
      db_->exec("PRAGMA trusted_schema=OFF");
    } catch (const sql::Error& e) {
      rethrow_sql_error(e);
    }
  }
  if (schema_version() > latest_schema_version())
    fail(ErrorKind::config, "the store {} has schema version {}, newer than this vrathaus knows ({}): upgrade vrathaus",
         shown_path(), schema_version(), latest_schema_version());
  db_->keep_statements();
}

Store::~Store() = default;

std::string store_url_for_display(const std::string& path_or_url) {
  return is_postgresql_url(path_or_url) ? redacted_url(path_or_url) : path_or_url;
}

std::string Store::shown_path() const { return store_url_for_display(path_); }

bool Store::is_file() const { return db_->engine() == sql::Engine::sqlite; }

const char* Store::engine_name() const { return sql::engine_name(db_->engine()); }

void Store::ping() { db_->execAndGet("SELECT 1"); }

int Store::schema_version() {
  if (db_->engine() == sql::Engine::postgresql) return pg_schema_version(*db_);
  return db_->execAndGet("PRAGMA user_version").getInt();
}

int Store::latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

void Store::require_current_schema() {
  int version = schema_version();
  if (version == 0) fail(ErrorKind::not_found, "{} is not a vrathaus store yet: run 'vrathaus db init'", shown_path());
  if (version < latest_schema_version())
    fail(ErrorKind::config, "the store {} has schema version {} and needs {}: run 'vrathaus db migrate'", shown_path(),
         version, latest_schema_version());
}

int Store::migrate() {
  if (db_->engine() == sql::Engine::postgresql) {
    try {
      return pg_migrate(*db_);
    } catch (const sql::Error& e) {
      rethrow_sql_error(e);
    }
  }
  int applied = 0;
  for (const auto& m : migrations()) {
    write_transaction([&] {
      // Re-read inside the write lock: a concurrent `db migrate` may have applied it already.
      if (schema_version() >= m.version) return;
      db_->exec(m.sql);
      db_->exec("PRAGMA user_version=" + std::to_string(m.version));
      ++applied;
    });
  }
  return applied;
}

namespace {

// How often a transaction PostgreSQL aborted in a race (serialization failure, deadlock) is run
// again before the caller sees "busy" (exit 8). Writers queue on one lock (store/pg_locks.hpp), so
// a race is rare and a second run almost always wins it.
constexpr int kPostgresqlAttempts = 5;

bool lost_a_race(const sql::Error& e) { return e.kind() == sql::ErrorKind::serialization; }

// A read transaction on SQLite refuses writes as PostgreSQL's READ ONLY does, so work that writes
// in a read transaction fails in every test, not only on PostgreSQL. The connection is itself
// again afterwards, whatever happened.
class SqliteQueryOnly {
public:
  SqliteQueryOnly(sql::Connection& db, bool on) : db_(on && db.engine() == sql::Engine::sqlite ? &db : nullptr) {
    if (db_) db_->exec("PRAGMA query_only=ON");
  }
  ~SqliteQueryOnly() {
    if (!db_) return;
    try {
      db_->exec("PRAGMA query_only=OFF");
    } catch (...) {
      // Only a lost connection fails here, and that fails the next statement anyway.
    }
  }
  SqliteQueryOnly(const SqliteQueryOnly&) = delete;
  SqliteQueryOnly& operator=(const SqliteQueryOnly&) = delete;

private:
  sql::Connection* db_;
};

}  // namespace

void Store::run_transaction(sql::TransactionKind kind, const std::function<void()>& work, bool rollback) {
  // A read-only transaction under READ COMMITTED takes no locks that could deadlock and is never
  // aborted for serialization: only writes are worth running again, and only safe ones.
  bool may_rerun = db_->engine() == sql::Engine::postgresql && kind != sql::TransactionKind::read &&
                   RerunOnLostRace::allowed();
  int attempts = may_rerun ? kPostgresqlAttempts : 1;
  for (int attempt = 1;; ++attempt) {
    try {
      SqliteQueryOnly query_only(*db_, kind == sql::TransactionKind::read);
      sql::Transaction tx(*db_, kind);
      work();
      if (!rollback) tx.commit();  // the destructor rolls back otherwise
      return;
    } catch (const Error&) {
      throw;
    } catch (const sql::Error& e) {
      if (lost_a_race(e) && attempt < attempts) continue;  // rolled back: run it all again
      rethrow_sql_error(e);
    }
  }
}

void Store::write_transaction(const std::function<void()>& work, bool rollback) {
  run_transaction(sql::TransactionKind::immediate, work, rollback);
}

void Store::read_transaction(const std::function<void()>& work) { run_transaction(sql::TransactionKind::read, work, false); }

void Store::backup_to(const std::string& target) {
  if (!is_file())
    fail(ErrorKind::usage, "db backup copies an SQLite store file; {} is a PostgreSQL database: back it up with "
                           "pg_dump (e.g. pg_dump --format=custom --file=FILE DBNAME)", shown_path());
  std::error_code ec;
  if (fs::exists(target, ec)) fail(ErrorKind::conflict, "{} exists already; choose a new file for the backup", target);
  prepare_path(target, OpenMode::create);
  try {
    auto& source = sql::sqlite_of(*db_, "db backup");
    SQLite::Database copy(target, SQLite::OPEN_READWRITE);
    SQLite::Backup backup(copy, source);
    // Copy in steps so writers are only briefly blocked; the backup restarts itself when the
    // source changes between steps, so the result is one consistent snapshot.
    for (int rc = backup.executeStep(256); rc != SQLITE_DONE; rc = backup.executeStep(256))
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } catch (const std::exception& e) {
    std::filesystem::remove(target, ec);
    try {
      sql::rethrow_as_sql_error(e);
    } catch (const sql::Error& error) {
      rethrow_sql_error(error);
    }
  }
}

}  // namespace vrathaus
