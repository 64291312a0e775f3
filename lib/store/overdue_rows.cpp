#include "store/overdue_rows.hpp"

#include "store/overdue_sql.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

nlohmann::json overdue_charges(sql::Connection& db, const std::string& today, int grace_days) {
  sql::Statement q(db, std::string("SELECT c.id, c.account_id, c.permit_id, c.kind, c.amount_cents, c.due_on, c.status,"
                                      " c.return_reason, ") +
                              kOverdueSince + " AS since, CAST(julianday(:today) - julianday(" + kOverdueSince +
                              ") AS INTEGER) FROM charges c WHERE " + kOverdueCharge + " ORDER BY since, c.id");
  q.bind(":today", today);
  q.bind(":grace", grace_days);
  bind_usable_mandate(q, Date::parse_field(today, "today"));
  auto out = nlohmann::json::array();
  while (q.executeStep()) {
    auto nullable = [&](int i) { return q.getColumn(i).isNull() ? nlohmann::json(nullptr) : nlohmann::json(q.getColumn(i).getInt64()); };
    out.push_back({{"id", q.getColumn(0).getInt64()},
                   {"account_id", q.getColumn(1).getInt64()},
                   {"permit_id", nullable(2)},
                   {"kind", q.getColumn(3).getString()},
                   {"amount_cents", q.getColumn(4).getInt64()},
                   {"due_on", q.getColumn(5).getString()},
                   {"status", q.getColumn(6).getString()},
                   {"return_reason", q.getColumn(7).isNull() ? nlohmann::json(nullptr) : nlohmann::json(q.getColumn(7).getString())},
                   {"overdue_since", q.getColumn(8).getString()},
                   {"days_overdue", q.getColumn(9).getInt64()}});
  }
  return out;
}

}  // namespace vrathaus
