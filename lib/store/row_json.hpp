#pragma once
// The current row of a query as a JSON object keyed by column name (NULL → null, integers as
// numbers, everything else as text): for records shown as stored, like a charge or a refund.
#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

namespace vrathaus {

nlohmann::json row_json(sql::Statement& q);

}  // namespace vrathaus
