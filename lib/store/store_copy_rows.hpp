#pragma once
// The rows of a whole store, table by table, for `db copy` between engines. The tables come from
// the database's own catalogue (SQLite's sqlite_master and table pragmas, PostgreSQL's
// pg_catalog), not from a list kept by hand: a table a new migration adds is copied without an
// edit here.
#include "store/sql/sql.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vrathaus {

// One table as the catalogue describes it.
struct StoreTable {
  std::string name;
  std::vector<std::string> columns;  // in the schema's order
  std::vector<std::string> key;      // the primary key's columns, in key order
  std::vector<std::string> parents;  // the other tables its foreign keys name
  bool has_bytes = false;            // a BLOB / bytea column: bulk loads carry text only
  std::string identity;              // PostgreSQL: the column whose identity sequence hands out new ids
};

// Every table of the store's schema but the engine's own and the schema-version bookkeeping,
// each after the tables its foreign keys reference, so rows can be written in this order.
std::vector<StoreTable> store_tables(sql::Connection& db);

// One value as read, kept apart from its statement. `text` holds an integer in decimal, text as
// it is, bytes as they are; `integer` the integer itself.
struct Cell {
  sql::ColumnType type = sql::ColumnType::null;
  std::int64_t integer = 0;
  std::string text;
};
using Row = std::vector<Cell>;  // in the order of StoreTable::columns

std::int64_t count_rows(sql::Connection& db, const std::string& table);

// Every row of `table` in key order, read in slices of a few thousand rows after the last key
// seen, so no engine holds the table in memory (PostgreSQL's cursor keeps a whole result).
void for_each_row(sql::Connection& db, const StoreTable& table, const std::function<void(const Row&)>& visit);

// Writes rows with their values as given (ids included) into `table`, in the caller's
// transaction: a bulk load (COPY on PostgreSQL), or for a table with bytes one INSERT per row.
class RowWriter {
public:
  virtual ~RowWriter() = default;
  virtual void add(const Row& row) = 0;
  // Every row is in the table (within the transaction); throws sql::Error on a broken constraint.
  virtual void finish() = 0;
};
std::unique_ptr<RowWriter> write_rows(sql::Connection& db, const StoreTable& table);

// After rows came with their ids: PostgreSQL's identity sequence of `table` continues after the
// largest id (ALTER … RESTART, which unlike setval() is undone with the transaction). SQLite hands
// out max(id) + 1 by itself.
void continue_identity(sql::Connection& db, const StoreTable& table);

}  // namespace vrathaus
