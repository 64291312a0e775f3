#include "postgresql/pg_session.hpp"

#include "postgresql/pg_errors.hpp"
#include "store/pg_statement_kind.hpp"
#include "store/sql/error.hpp"

#include <fmt/format.h>

#include <pqxx/prepared_statement>

namespace vrathaus::postgresql {
namespace {

pqxx::connection connect(const std::string& url) {
  try {
    return pqxx::connection(url);
  } catch (...) {
    rethrow_as_sql_error();
  }
}

}  // namespace

Session::Session(const std::string& url) : connection_(connect(url)), work_(connection_) {}

const PreparedQuery& Session::prepared(std::string_view sql) {
  auto found = prepared_.find(sql);
  if (found != prepared_.end()) return *found->second;
  auto query = std::make_unique<PreparedQuery>(
      PreparedQuery{"vr" + std::to_string(prepared_.size() + 1), rewrite_placeholders(sql), statement_changes_rows(sql)});
  try {
    connection_.prepare(query->name, query->text.sql);
  } catch (...) {
    rethrow_as_sql_error();
  }
  return *prepared_.emplace(std::string(sql), std::move(query)).first->second;
}

void Session::check_may_run(bool is_change, std::string_view sql) const {
  // The same SQLSTATE and kind as PostgreSQL's own refusal inside BEGIN READ ONLY.
  if (refuse_changes_ && is_change)
    throw sql::Error(sql::ErrorKind::read_only, sql::ConstraintKind::none, "25006",
                     fmt::format("cannot change rows in a read-only transaction: {}", sql));
}

pqxx::result Session::run(const PreparedQuery& query, const std::vector<const char*>& parameters) {
  check_may_run(query.is_change, query.text.sql);
  try {
    return count_changes(work_.exec_prepared(query.name, pqxx::prepare::make_dynamic_params(parameters)),
                         query.is_change);
  } catch (...) {
    rethrow_as_sql_error();
  }
}

pqxx::result Session::run(const std::string& sql) {
  bool is_change = statement_changes_rows(sql);
  check_may_run(is_change, sql);
  try {
    return count_changes(work_.exec(sql), is_change);
  } catch (...) {
    rethrow_as_sql_error();
  }
}

pqxx::result Session::count_changes(pqxx::result result, bool is_change) {
  if (is_change) changes_ = static_cast<int>(result.affected_rows());
  return result;
}

}  // namespace vrathaus::postgresql
