#pragma once
// The record of import runs (who imported which file, how far it got), for `import runs`.
#include "service/context.hpp"
#include "store/import_run_rows.hpp"

#include <nlohmann/json.hpp>

namespace vrathaus {

// A page of runs, newest last, as JSON objects.
nlohmann::json list_import_runs(Context& ctx, const ImportRunQuery& query);

}  // namespace vrathaus
