#pragma once
// One connection to the store's database, whatever the engine. Store code (lib/store only) runs
// SQL through it; nothing above lib/store sees SQL.
//
// The neutral SQL dialect every statement is written in, so one text runs on SQLite and on
// PostgreSQL (the PostgreSQL engine rewrites placeholders; nothing else is rewritten):
//   - Placeholders: `?` (next number), `?N` (number N, may repeat), `:name` (same name, same
//     number). Never `$N`, `@name` or a value spliced into the text.
//   - A new row's id: `INSERT … RETURNING id`, read with executeStep(); there is no "last insert
//     rowid". Ids are INTEGER PRIMARY KEY (SQLite) / bigint identity (PostgreSQL).
//   - Upserts: `INSERT … ON CONFLICT (cols) DO NOTHING` / `DO UPDATE SET c = excluded.c`;
//     never `INSERT OR IGNORE`, `INSERT OR REPLACE` or `REPLACE INTO`.
//   - Types: INTEGER (64-bit), REAL, TEXT, BLOB; dates and instants are TEXT (ISO 8601 / RFC 3339,
//     which sort as text); booleans are INTEGER 0/1 and compared as `= 1`, not used bare.
//   - Functions: only those both engines have with the same meaning: count, sum, min, max, avg,
//     coalesce, nullif, lower, upper, length, substr, replace, trim, abs, round; CASE; EXISTS;
//     `||` for concatenation. Domain rules are computed in C++ and bound as values, never
//     registered as SQL functions. PRAGMAs are SQLite-engine code paths, reached through
//     sqlite_of() only.
//   - Comparisons of text are case-sensitive on both; fold case with lower() on both sides.
//   - No `rowid`, no `INDEXED BY`, no `GLOB`, no `IFNULL` (use coalesce), no double-quoted string
//     literals (double quotes name identifiers on both engines).
//   - Transactions only through begin()/commit()/rollback() (or Transaction below), never as SQL.
#include "store/sql/error.hpp"
#include "store/sql/statement.hpp"
#include "store/sql/value.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vrathaus::sql {

enum class Engine { sqlite, postgresql };
const char* engine_name(Engine engine);  // "sqlite", "postgresql"

enum class TransactionKind {
  immediate,  // a writer: takes the write lock at once (SQLite BEGIN IMMEDIATE; PostgreSQL READ WRITE)
  deferred,   // locks as statements need them
  read,       // reads only (PostgreSQL READ ONLY; SQLite DEFERRED)
};

// Rows written in bulk into one table (Connection::bulk_load): SQLite runs one prepared INSERT per
// row, PostgreSQL streams them with COPY. Each row has a value per column, in the columns' order,
// as text (integers in decimal, dates and instants as everywhere; no blobs); nullptr is NULL.
// Writes happen in the caller's transaction; until finish() nothing else may run on the
// connection (PostgreSQL's COPY holds it). A load that is not finished is ended by its destructor,
// and the caller's transaction, rolled back, discards its rows.
class BulkLoad {
public:
  virtual ~BulkLoad() = default;
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

  // Throws sql::Error when the row breaks a constraint (SQLite at once, PostgreSQL at finish()
  // at the latest) or has the wrong number of values.
  virtual void add_row(std::span<const std::string* const> values) = 0;
  // Ends the load: every row is in the table (within the caller's transaction).
  virtual void finish() = 0;

protected:
  BulkLoad() = default;
};

class Connection {
public:
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Engine engine() const = 0;

  // Runs parameterless SQL, possibly several statements separated by ';' (a migration).
  // Returns the rows changed by the last statement.
  virtual int exec(std::string_view sql) = 0;
  // The first column of the first row of a one-row query, kept beyond the statement; NULL when
  // the query returns no row.
  Value execAndGet(std::string_view sql);
  // Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
  virtual int getChanges() const = 0;

  virtual void begin(TransactionKind kind) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // Prepares one statement of the neutral dialect: the engine's cursor behind a Statement.
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;

  // Starts writing rows in bulk into `table`'s `columns` (names as written in the schema).
  virtual std::unique_ptr<BulkLoad> bulk_load(const std::string& table, const std::vector<std::string>& columns) = 0;

  // The per-connection cache of prepared statements (store/prepared.hpp uses it): the statement
  // kept for `sql`, prepared on first use, or nullptr when that one is in use already (a nested
  // use then prepares its own). release() resets and unbinds it and makes it available again.
  // A connection keeps statements only after keep_statements(); until then lease() returns nullptr.
  struct Kept {
    std::unique_ptr<Statement> statement;
    bool in_use = false;
  };
  Kept* lease(const std::string& sql);
  static void release(Kept& kept) noexcept;
  void keep_statements() { keeping_ = true; }

protected:
  Connection() = default;
  // An engine calls this first in its destructor: kept statements must go before the connection.
  void forget_statements() noexcept { kept_.clear(); }

private:
  std::unordered_map<std::string, Kept> kept_;
  bool keeping_ = false;
};

// A transaction that rolls back unless committed (the destructor never throws).
class Transaction {
public:
  Transaction(Connection& db, TransactionKind kind) : db_(db) { db_.begin(kind); }
  ~Transaction() {
    if (!open_) return;
    try {
      db_.rollback();
    } catch (...) {
      // The error that unwound us is the one to report.
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    open_ = false;
    db_.commit();
  }

private:
  Connection& db_;
  bool open_ = true;
};

}  // namespace vrathaus::sql
