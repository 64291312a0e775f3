#include "postgresql/pg_errors.hpp"

#include <pqxx/except>

#include <exception>
#include <string>

namespace vrathaus::postgresql {
namespace {

// PostgreSQL's messages span lines ("ERROR:  duplicate key …\nDETAIL:  Key (id)=(1) already
// exists.\n"); an error line must not. The lines are joined, without the "ERROR:" every one has.
std::string one_line(std::string_view message) {
  std::string line;
  while (!message.empty()) {
    auto end = message.find('\n');
    auto part = message.substr(0, end);
    message.remove_prefix(end == std::string_view::npos ? message.size() : end + 1);
    if (part.starts_with("ERROR:")) part.remove_prefix(6);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\r')) part.remove_suffix(1);
    if (part.empty()) continue;
    if (!line.empty()) line += "; ";
    line += part;
  }
  return line;
}

}  // namespace

sql::ErrorKind error_kind(std::string_view sqlstate) {
  if (sqlstate.starts_with("23")) return sql::ErrorKind::constraint;  // integrity constraint violation
  if (sqlstate == "40001" || sqlstate == "40P01") return sql::ErrorKind::serialization;
  // lock_not_available (lock_timeout ran out) and query_canceled (statement_timeout ran out).
  if (sqlstate == "55P03" || sqlstate == "57014") return sql::ErrorKind::busy;
  if (sqlstate == "25006" || sqlstate == "42501") return sql::ErrorKind::read_only;
  if (sqlstate == "53100") return sql::ErrorKind::disk_full;
  return sql::ErrorKind::other;
}

sql::ConstraintKind constraint_kind(std::string_view sqlstate) {
  if (sqlstate == "23505") return sql::ConstraintKind::unique;
  if (sqlstate == "23503") return sql::ConstraintKind::foreign_key;
  if (sqlstate == "23514") return sql::ConstraintKind::check;
  if (sqlstate == "23502") return sql::ConstraintKind::not_null;
  if (sqlstate.starts_with("23")) return sql::ConstraintKind::other;
  return sql::ConstraintKind::none;
}

void rethrow_as_sql_error() {
  try {
    throw;
  } catch (const sql::Error&) {
    throw;
  } catch (const pqxx::broken_connection& e) {
    throw sql::Error(sql::ErrorKind::other, sql::ConstraintKind::none, "08006",
                     "the connection to PostgreSQL was lost: " + one_line(e.what()));
  } catch (const pqxx::in_doubt_error& e) {
    throw sql::Error(sql::ErrorKind::other, sql::ConstraintKind::none, "08007",
                     "the connection to PostgreSQL was lost during a commit, which may or may not have happened: " +
                         one_line(e.what()));
  } catch (const pqxx::sql_error& e) {
    std::string state = e.sqlstate();
    throw sql::Error(error_kind(state), constraint_kind(state), state, one_line(e.what()));
  } catch (const std::exception& e) {
    throw sql::Error(sql::ErrorKind::other, "PostgreSQL: " + one_line(e.what()));
  }
}

}  // namespace vrathaus::postgresql
