#include "store/sql/connection.hpp"

namespace vrathaus::sql {

const char* engine_name(Engine engine) { return engine == Engine::sqlite ? "sqlite" : "postgresql"; }

Statement::Statement(Connection& db, std::string_view sql) : cursor_(db.prepare(sql)) {}

Value Connection::execAndGet(std::string_view sql) {
  Statement q(*this, sql);
  if (!q.executeStep()) return Value::null();
  auto column = q.getColumn(0);
  switch (column.getType()) {
    case ColumnType::null: return Value::null();
    case ColumnType::integer: return Value::integer(column.getInt64());
    case ColumnType::real: return Value::real(column.getDouble(), column.getString());
    case ColumnType::text: return Value::text(column.getString(), column.getInt64(), column.getDouble());
    case ColumnType::blob:
      return Value::blob(std::string(static_cast<const char*>(column.getBlob()), std::size_t(column.getBytes())));
  }
  return Value::null();
}

Connection::Kept* Connection::lease(const std::string& sql) {
  if (!keeping_) return nullptr;
  auto& kept = kept_[sql];
  if (kept.in_use) return nullptr;
  if (!kept.statement) kept.statement = std::make_unique<Statement>(prepare(sql));
  kept.in_use = true;
  return &kept;
}

void Connection::release(Kept& kept) noexcept {
  try {
    kept.statement->reset();
    kept.statement->clearBindings();
  } catch (const std::exception&) {
    // reset() may report the last step's error again, which the caller has seen already.
  }
  kept.in_use = false;
}

}  // namespace vrathaus::sql
