#include "postgresql/pg_connection.hpp"

#include "postgresql/pg_bulk_load.hpp"
#include "postgresql/pg_cursor.hpp"
#include "store/pg_locks.hpp"

#include <fmt/format.h>

#include <string_view>

namespace vrathaus::postgresql {

PgConnection::PgConnection(const std::string& url, PgOptions options) : session_(url) {
  // Instants and days are text in the schema; the session's time zone only matters to now(),
  // which the store's SQL does not use, but UTC keeps any such slip deterministic. The isolation
  // level asked for in the same round trip decides how read transactions run (begin()).
  auto isolation = session_.run(fmt::format("SET lock_timeout = {}; SET TIME ZONE 'UTC'; SHOW default_transaction_isolation",
                                            options.busy_timeout_ms));
  reads_need_transaction_ = isolation.empty() || std::string_view(isolation[0][0].c_str()) != "read committed";
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
    case sql::TransactionKind::read:
      // Under READ COMMITTED (PostgreSQL's default) every statement takes a snapshot of its own,
      // inside a transaction or not, and a read takes no lock worth holding to the end: BEGIN READ
      // ONLY … COMMIT would add two round trips to every read (the server's GET requests) and
      // change nothing they see. Only READ ONLY itself would be lost, so the session refuses
      // changes until the read ends. Under a stricter default level (REPEATABLE READ,
      // SERIALIZABLE) a transaction is one snapshot for all its statements: then it is begun.
      if (reads_need_transaction_) {
        session_.run("BEGIN READ ONLY");
      } else {
        unwrapped_read_ = true;
        session_.refuse_changes(true);
      }
      return;
  }
}

bool PgConnection::end_unwrapped_read() {
  if (!unwrapped_read_) return false;
  unwrapped_read_ = false;
  session_.refuse_changes(false);
  return true;
}

void PgConnection::commit() {
  if (!end_unwrapped_read()) session_.run("COMMIT");
}

void PgConnection::rollback() {
  if (!end_unwrapped_read()) session_.run("ROLLBACK");
}

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
