#include "store/doctor_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

std::optional<std::string> last_audit_at(sql::Connection& db, const std::string& action) {
  sql::Statement q(db, "SELECT at FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1");
  q.bind(1, action);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace vrathaus
