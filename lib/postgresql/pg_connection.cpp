#include "postgresql/pg_connection.hpp"

#include "postgresql/pg_bulk_load.hpp"
#include "postgresql/pg_cursor.hpp"
#include "store/pg_locks.hpp"

#include <fmt/format.h>

namespace vrathaus::postgresql {

PgConnection::PgConnection(const std::string& url, PgOptions options) : session_(url) {
  // Instants and days are text in the schema; the session's time zone only matters to now(),
  // which the store's SQL does not use, but UTC keeps any such slip deterministic.
  session_.run(fmt::format("SET lock_timeout = {}; SET TIME ZONE 'UTC'", options.busy_timeout_ms));
}

PgConnection::~PgConnection() { forget_statements(); }

int PgConnection::exec(std::string_view sql) { return static_cast<int>(session_.run(std::string(sql)).affected_rows()); }

int PgConnection::getChanges() const { return session_.changes(); }

void PgConnection::begin(sql::TransactionKind kind) {
  switch (kind) {
    case sql::TransactionKind::immediate:
      // Writers queue on one transaction-scoped lock (store/pg_locks.hpp), as SQLite's BEGIN
      // IMMEDIATE makes them: taken first, before anything is read, so what a writer reads stays
      // true until it commits.
      session_.run("BEGIN");
      try {
        session_.run(fmt::format("SELECT pg_advisory_xact_lock({})", kPgWriterLock));
      } catch (...) {
        // Busy (lock_timeout) or worse: no transaction is left open, as when BEGIN itself fails.
        rollback_quietly();
        throw;
      }
      return;
    case sql::TransactionKind::deferred: session_.run("BEGIN"); return;
    case sql::TransactionKind::read: session_.run("BEGIN READ ONLY"); return;
  }
}

void PgConnection::commit() { session_.run("COMMIT"); }

void PgConnection::rollback() { session_.run("ROLLBACK"); }

void PgConnection::rollback_quietly() noexcept {
  try {
    rollback();
  } catch (const std::exception&) {
    // The error that made us roll back is the one to report; a lost connection has no transaction.
  }
}

std::unique_ptr<sql::Cursor> PgConnection::prepare(std::string_view sql) {
  return std::make_unique<PgCursor>(session_, session_.prepared(sql));
}

}  // namespace vrathaus::postgresql

namespace vrathaus::postgresql {

std::unique_ptr<sql::BulkLoad> PgConnection::bulk_load(const std::string& table, const std::vector<std::string>& columns) {
  return pg_bulk_load(session_, table, columns);
}

}  // namespace vrathaus::postgresql
