#pragma once
// The import runs as a list: what each run of a file did, finished or not.
#include "store/sql/sql.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct ImportRunQuery {
  std::string actor;  // only this actor's runs; empty: everyone's
  std::string status;  // running or done; empty: both
  std::int64_t after_id = 0;
  std::optional<std::int64_t> limit;
};

// Newest last, as JSON objects ({"id","kind","file","sha256","actor","on_error","status","rows",…}).
nlohmann::json query_import_runs(sql::Connection& db, const ImportRunQuery& q);

}  // namespace vrathaus
