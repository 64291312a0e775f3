#pragma once
// The engine's own checks of a store for `db check`. SQLite checks its file's pages and every
// foreign key itself (PRAGMA integrity_check, foreign_key_check). PostgreSQL keeps its own pages
// (checksums, amcheck are the DBA's tools), so there only the foreign keys are checked, by
// queries; `checked_by_engine` names what ran so the output can say so.
#include "store/sql/sql.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct ForeignKeyProblem {
  std::string table;
  std::optional<std::int64_t> rowid;  // SQLite's row; PostgreSQL rows have no stable number
  std::string parent;
};

struct EngineChecks {
  std::vector<std::string> integrity;  // problems found in the database's pages, if checked
  std::vector<ForeignKeyProblem> foreign_keys;
  std::vector<std::string> checked;    // what ran, in words
  std::vector<std::string> not_checked;  // what this engine leaves to its own tools
};

EngineChecks run_engine_checks(sql::Connection& db);

}  // namespace vrathaus
