#include "service/import_runs.hpp"

namespace vrathaus {

nlohmann::json list_import_runs(Context& ctx, const ImportRunQuery& query) { return query_import_runs(ctx.db(), query); }

}  // namespace vrathaus
