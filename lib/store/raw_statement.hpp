#pragma once
// A prepared statement used through SQLite's C API, for lookups that run once per row of a bulk
// import. SQLiteCpp's Column objects each copy a shared pointer to their statement: sixteen
// columns of a million re-imported rows spend longer on that than on reading the values.
// Errors throw sql::Error like SQLiteCpp does, so rethrow_sql_error() maps them the same way.
#include "store/sql/sql.hpp"

#include <cstdint>
#include <string_view>

struct sqlite3_stmt;

namespace vrathaus {

class RawStatement {
public:
  RawStatement(sql::Connection& db, const char* sql);
  ~RawStatement();
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  // Binds without copying: `text` must stay valid until reset().
  void bind_text(int index, std::string_view text);
  // The next row; false when there is none.
  bool step();
  // Ends the statement's read (no cursor stays open across a commit) and keeps the bindings.
  void reset();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  // Valid until the next step() or reset().
  std::string_view text(int column) const;

private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace vrathaus
