#pragma once
// One connection to PostgreSQL and what belongs to it: the prepared statements, each prepared once
// per connection and reused by every Statement with the same text, and the one libpqxx
// "nontransaction" every query goes through. Transactions are explicit BEGIN/COMMIT/ROLLBACK
// statements (pg_connection.cpp), so they nest with nothing of libpqxx's own bookkeeping.
#include "store/pg_placeholders.hpp"

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus::postgresql {

struct PreparedQuery {
  std::string name;      // the server-side prepared statement's name
  PgStatementText text;  // the statement with $N placeholders, and its named parameters
  bool is_change;        // an INSERT, UPDATE, DELETE or MERGE, whatever its form (store/pg_statement_kind.hpp)
};

class Session {
public:
  // Connects with a libpq connection string or URL; throws sql::Error when it cannot.
  explicit Session(const std::string& url);

  // The prepared statement for `sql` (with SQLite's placeholders), prepared on first use.
  const PreparedQuery& prepared(std::string_view sql);
  // Runs it with the parameters in PostgreSQL's text format (nullptr for NULL).
  pqxx::result run(const PreparedQuery& query, const std::vector<const char*>& parameters);
  // Runs statements without parameters (several may be separated by semicolons); when the
  // first is a change, the rows the last one changed count as changes.
  pqxx::result run(const std::string& sql);
  // Rows changed by the latest INSERT, UPDATE, DELETE or MERGE.
  int changes() const { return changes_; }
  // While set, a statement that changes rows is refused (sql::ErrorKind::read_only) before it is
  // sent: a read transaction run without BEGIN READ ONLY (pg_connection.cpp) stays read-only.
  void refuse_changes(bool refuse) { refuse_changes_ = refuse; }
  // The libpqxx transaction every statement runs through: COPY streams (pg_bulk_load.cpp) need it.
  pqxx::transaction_base& work() { return work_; }

private:
  pqxx::connection connection_;
  pqxx::nontransaction work_;
  std::map<std::string, std::unique_ptr<PreparedQuery>, std::less<>> prepared_;
  int changes_ = 0;
  bool refuse_changes_ = false;

  void check_may_run(bool is_change, std::string_view sql) const;

  pqxx::result count_changes(pqxx::result result, bool is_change);
};

}  // namespace vrathaus::postgresql
