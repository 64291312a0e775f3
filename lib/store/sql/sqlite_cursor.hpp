#pragma once
// A statement of the SQLite engine, over SQLite's C API: reading a column is one call into
// SQLite, with nothing allocated or reference-counted in between (SQLiteCpp's Column copies a
// shared pointer per read, which a million-row import notices).
#include "store/sql/cursor.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace vrathaus::sql {

class SqliteCursor final : public Cursor {
public:
  // Prepares the first statement of `sql`; SQL that holds more than one is refused.
  SqliteCursor(sqlite3* db, std::string_view sql);
  ~SqliteCursor() override;
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  int parameter_index(std::string_view name) const override;
  void bind_null(int index) override;
  void bind_int64(int index, std::int64_t value) override;
  void bind_double(int index, double value) override;
  void bind_text(int index, std::string_view value, Lifetime lifetime) override;
  void bind_blob(int index, Bytes value, Lifetime lifetime) override;
  void clear_bindings() override;

  bool step() override;
  int exec() override;
  void reset() override;

  int column_count() const override;
  const char* column_name(int column) const override;
  int column_index(std::string_view name) const override;
  ColumnType column_type(int column) const override;
  std::int64_t column_int64(int column) const override;
  double column_double(int column) const override;
  std::string_view column_text(int column) const override;
  Bytes column_blob(int column) const override;

private:
  void check(int rc) const;
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace vrathaus::sql
