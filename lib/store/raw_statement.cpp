#include "store/raw_statement.hpp"

#include <sqlite3.h>

namespace vrathaus {

RawStatement::RawStatement(sql::Connection& db, const char* sql) : db_(db.getHandle()) {
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_, nullptr);
  if (rc != SQLITE_OK) throw sql::Error(db_, rc);
}

RawStatement::~RawStatement() { sqlite3_finalize(statement_); }

void RawStatement::bind_text(int index, std::string_view text) {
  int rc = sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) throw sql::Error(db_, rc);
}

bool RawStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw sql::Error(db_, rc);
}

void RawStatement::reset() { sqlite3_reset(statement_); }

bool RawStatement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::int64_t RawStatement::int64(int column) const { return sqlite3_column_int64(statement_, column); }

std::string_view RawStatement::text(int column) const {
  auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return data ? std::string_view(data, std::size_t(sqlite3_column_bytes(statement_, column))) : std::string_view();
}

}  // namespace vrathaus
