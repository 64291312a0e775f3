#pragma once
// The PostgreSQL engine: a Connection over one libpqxx connection whose statements are PgCursors.
#include "postgresql/pg_session.hpp"
#include "store/sql/connection.hpp"

#include <string>

namespace vrathaus::postgresql {

struct PgOptions {
  // How long a statement waits for a lock (the writer lock above all) before it fails as busy,
  // like SQLite's busy timeout; 0 waits for ever.
  int busy_timeout_ms = 0;
};

class PgConnection final : public sql::Connection {
public:
  // Connects to `url` (postgresql://… or a libpq connection string); throws sql::Error.
  PgConnection(const std::string& url, PgOptions options);
  ~PgConnection() override;

  sql::Engine engine() const override { return sql::Engine::postgresql; }
  int exec(std::string_view sql) override;
  int getChanges() const override;
  void begin(sql::TransactionKind kind) override;
  void commit() override;
  void rollback() override;
  std::unique_ptr<sql::Cursor> prepare(std::string_view sql) override;
  std::unique_ptr<sql::BulkLoad> bulk_load(const std::string& table, const std::vector<std::string>& columns) override;

private:
  void rollback_quietly() noexcept;
  // Ends a read begun without BEGIN (begin()); false when the transaction is a real one.
  bool end_unwrapped_read();

  Session session_;
  bool reads_need_transaction_ = true;  // the session's default isolation is stricter than READ COMMITTED
  bool unwrapped_read_ = false;         // a read transaction is open, run without BEGIN
};

}  // namespace vrathaus::postgresql
