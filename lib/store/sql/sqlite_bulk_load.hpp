#pragma once
// Bulk loading on SQLite: one INSERT prepared for the load and run per row. SQLite is in-process,
// so a statement per row costs no round trip; what makes a load fast there is one transaction
// around it, which the caller holds.
#include "store/sql/connection.hpp"

#include <memory>
#include <string>
#include <vector>

namespace vrathaus::sql {

std::unique_ptr<BulkLoad> sqlite_bulk_load(Connection& db, const std::string& table,
                                           const std::vector<std::string>& columns);

// `INSERT INTO table(c1, c2, …) VALUES (?, ?, …)`: also the statement PostgreSQL's tests compare with.
std::string bulk_insert_sql(const std::string& table, const std::vector<std::string>& columns);

}  // namespace vrathaus::sql
