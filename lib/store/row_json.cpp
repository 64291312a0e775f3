#include "store/row_json.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

nlohmann::json row_json(sql::Statement& q) {
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < q.getColumnCount(); ++i) {
    auto c = q.getColumn(i);
    if (c.isNull()) out[q.getColumnName(i)] = nullptr;
    else if (c.isInteger()) out[q.getColumnName(i)] = c.getInt64();
    else out[q.getColumnName(i)] = c.getString();
  }
  return out;
}

}  // namespace vrathaus
