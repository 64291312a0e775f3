#include "store/store_copy_rows.hpp"

#include "store/pg_migrations.hpp"
#include "store/sql/sqlite_bulk_load.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace vrathaus {
namespace {

// Rows read per query: small enough that a PostgreSQL result stays a few megabytes, large enough
// that the queries cost nothing next to the rows.
constexpr int kSliceRows = 5000;

std::vector<std::string> strings_of(sql::Statement& q) {
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

StoreTable sqlite_table(sql::Connection& db, const std::string& name) {
  StoreTable t;
  t.name = name;
  sql::Statement columns(db, "SELECT name, upper(type), pk FROM pragma_table_info(?) ORDER BY cid");
  columns.bind(1, name);
  std::vector<std::pair<int, std::string>> key;
  while (columns.executeStep()) {
    t.columns.push_back(columns.getColumn(0).getString());
    if (columns.getColumn(1).getStringView() == "BLOB") t.has_bytes = true;
    if (int position = columns.getColumn(2).getInt(); position > 0) key.emplace_back(position, t.columns.back());
  }
  std::sort(key.begin(), key.end());
  for (auto& [position, column] : key) t.key.push_back(column);
  sql::Statement parents(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?) ORDER BY 1");
  parents.bind(1, name);
  for (auto& parent : strings_of(parents))
    if (parent != name) t.parents.push_back(parent);
  return t;
}

std::vector<StoreTable> sqlite_tables(sql::Connection& db) {
  sql::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                           "ESCAPE '\\' ORDER BY name");
  std::vector<StoreTable> out;
  for (auto& name : strings_of(names)) out.push_back(sqlite_table(db, name));
  return out;
}

// The table's oid in the store's schema, as a subquery on a bound name.
constexpr const char* kPgTable =
    "(SELECT c.oid FROM pg_class c WHERE c.relname = ?1 AND c.relnamespace = current_schema()::regnamespace)";

StoreTable pg_table(sql::Connection& db, const std::string& name) {
  StoreTable t;
  t.name = name;
  sql::Statement columns(db, fmt::format("SELECT a.attname, a.atttypid = 'bytea'::regtype, a.attidentity IN ('a', 'd') "
                                         "FROM pg_attribute a WHERE a.attrelid = {} AND a.attnum > 0 "
                                         "AND NOT a.attisdropped ORDER BY a.attnum",
                                         kPgTable));
  columns.bind(1, name);
  while (columns.executeStep()) {
    t.columns.push_back(columns.getColumn(0).getString());
    if (columns.getColumn(1).getInt()) t.has_bytes = true;
    if (columns.getColumn(2).getInt()) t.identity = t.columns.back();
  }
  sql::Statement key(db, fmt::format("SELECT a.attname FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY AS k(n, i) "
                                     "JOIN pg_attribute a ON a.attnum = k.n WHERE c.contype = 'p' AND c.conrelid = {0} "
                                     "AND a.attrelid = c.conrelid ORDER BY k.i",
                                     kPgTable));
  key.bind(1, name);
  t.key = strings_of(key);
  sql::Statement parents(db, fmt::format("SELECT DISTINCT p.relname FROM pg_constraint c JOIN pg_class p ON p.oid = "
                                         "c.confrelid WHERE c.contype = 'f' AND c.conrelid = {} ORDER BY 1",
                                         kPgTable));
  parents.bind(1, name);
  for (auto& parent : strings_of(parents))
    if (parent != name) t.parents.push_back(parent);
  return t;
}

std::vector<StoreTable> pg_tables(sql::Connection& db) {
  sql::Statement names(db, "SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') "
                           "AND relnamespace = current_schema()::regnamespace AND relname <> ? ORDER BY 1");
  names.bind(1, kPgSchemaVersionTable);
  std::vector<StoreTable> out;
  for (auto& name : strings_of(names)) out.push_back(pg_table(db, name));
  return out;
}

// Parents first; among tables that are free at the same time, by name, so the order is stable.
// A cycle of foreign keys (none in the schema) leaves its tables at the end, by name.
std::vector<StoreTable> parents_first(std::vector<StoreTable> tables) {
  std::vector<StoreTable> ordered;
  std::set<std::string> placed;
  while (!tables.empty()) {
    auto free = std::find_if(tables.begin(), tables.end(), [&](const StoreTable& t) {
      return std::all_of(t.parents.begin(), t.parents.end(), [&](const std::string& p) { return placed.contains(p); });
    });
    if (free == tables.end()) free = tables.begin();
    placed.insert(free->name);
    ordered.push_back(std::move(*free));
    tables.erase(free);
  }
  return ordered;
}

// Reads into `cell`, reusing its text's buffer: one allocation per column of the table, not per
// value read.
void read_cell(const sql::Column& column, Cell& cell) {
  cell.type = column.getType();
  cell.integer = 0;
  switch (cell.type) {
    case sql::ColumnType::null: cell.text.clear(); break;
    case sql::ColumnType::integer:
      cell.integer = column.getInt64();
      cell.text = std::to_string(cell.integer);
      break;
    case sql::ColumnType::blob:
      cell.text.assign(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
      break;
    case sql::ColumnType::real:
    case sql::ColumnType::text: cell.text.assign(column.getStringView()); break;
  }
}

void bind_cell(sql::Statement& q, int index, const Cell& cell) {
  switch (cell.type) {
    case sql::ColumnType::null: q.bind(index); break;
    case sql::ColumnType::integer: q.bind(index, cell.integer); break;
    case sql::ColumnType::real: q.bind(index, std::stod(cell.text)); break;
    case sql::ColumnType::text: q.bindNoCopy(index, cell.text); break;
    case sql::ColumnType::blob: q.bindNoCopy(index, cell.text.data(), static_cast<int>(cell.text.size())); break;
  }
}

// "SELECT a, b FROM t [WHERE (k1, k2) > (?, ?)] ORDER BY k1, k2 LIMIT n"; without a key, the
// whole table in one query.
std::string slice_sql(const StoreTable& t, bool after) {
  auto sql = fmt::format("SELECT {} FROM {}", fmt::join(t.columns, ", "), t.name);
  if (t.key.empty()) return sql;
  if (after) {
    std::vector<std::string> marks(t.key.size(), "?");
    sql += fmt::format(" WHERE ({}) > ({})", fmt::join(t.key, ", "), fmt::join(marks, ", "));
  }
  return sql + fmt::format(" ORDER BY {} LIMIT {}", fmt::join(t.key, ", "), kSliceRows);
}

class BulkRowWriter final : public RowWriter {
public:
  BulkRowWriter(sql::Connection& db, const StoreTable& t) : load_(db.bulk_load(t.name, t.columns)) {}
  void add(const Row& row) override {
    values_.clear();
    for (const auto& cell : row) values_.push_back(cell.type == sql::ColumnType::null ? nullptr : &cell.text);
    load_->add_row(values_);
  }
  void finish() override { load_->finish(); }

private:
  std::unique_ptr<sql::BulkLoad> load_;
  std::vector<const std::string*> values_;
};

// Bulk loads take text, and a bytes column must keep its bytes as bytes: such tables (import file
// keys, one row per imported file) take one bound INSERT per row.
class InsertRowWriter final : public RowWriter {
public:
  InsertRowWriter(sql::Connection& db, const StoreTable& t) : insert_(db, sql::bulk_insert_sql(t.name, t.columns)) {}
  void add(const Row& row) override {
    insert_.reset();
    for (std::size_t i = 0; i < row.size(); ++i) bind_cell(insert_, static_cast<int>(i + 1), row[i]);
    insert_.exec();
  }
  void finish() override { insert_.reset(); }

private:
  sql::Statement insert_;
};

}  // namespace

std::vector<StoreTable> store_tables(sql::Connection& db) {
  return parents_first(db.engine() == sql::Engine::postgresql ? pg_tables(db) : sqlite_tables(db));
}

std::int64_t count_rows(sql::Connection& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

void for_each_row(sql::Connection& db, const StoreTable& table, const std::function<void(const Row&)>& visit) {
  sql::Statement first(db, slice_sql(table, false)), next(db, slice_sql(table, true));
  std::vector<std::size_t> key_at;
  for (const auto& k : table.key)
    key_at.push_back(static_cast<std::size_t>(std::find(table.columns.begin(), table.columns.end(), k) - table.columns.begin()));
  Row row(table.columns.size()), last_key(table.key.size());
  for (auto* q = &first;; q = &next) {
    int rows = 0;
    while (q->executeStep()) {
      for (std::size_t i = 0; i < row.size(); ++i) read_cell(q->getColumn(static_cast<int>(i)), row[i]);
      visit(row);
      ++rows;
    }
    if (table.key.empty() || rows < kSliceRows) return;
    for (std::size_t i = 0; i < key_at.size(); ++i) last_key[i] = row[key_at[i]];
    q->reset();  // a finished PostgreSQL result is let go before the next one is fetched
    next.reset();
    for (std::size_t i = 0; i < last_key.size(); ++i) bind_cell(next, static_cast<int>(i + 1), last_key[i]);
  }
}

std::unique_ptr<RowWriter> write_rows(sql::Connection& db, const StoreTable& table) {
  if (table.has_bytes) return std::make_unique<InsertRowWriter>(db, table);
  return std::make_unique<BulkRowWriter>(db, table);
}

void continue_identity(sql::Connection& db, const StoreTable& table) {
  if (db.engine() != sql::Engine::postgresql || table.identity.empty()) return;
  auto next = db.execAndGet(fmt::format("SELECT coalesce(max({}), 0) + 1 FROM {}", table.identity, table.name)).getInt64();
  db.exec(fmt::format("ALTER TABLE {} ALTER COLUMN {} RESTART WITH {}", table.name, table.identity, next));
}

}  // namespace vrathaus
