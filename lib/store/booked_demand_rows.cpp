#include "store/booked_demand_rows.hpp"

#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

std::vector<BookedCount> load_booked_counts(sql::Connection& db, const Date& from, const Date& to, const std::string& office) {
  sql::Statement q(db,
                      "SELECT office, local_date, kind, count(*) FROM appointments"
                      " WHERE status IN ('booked', 'needs-rebooking') AND local_date BETWEEN ?1 AND ?2 AND (?3 = '' OR office = ?3)"
                      " GROUP BY local_date, office, kind ORDER BY local_date, office, kind");
  q.bind(1, from.str());
  q.bind(2, to.str());
  q.bind(3, office);
  std::vector<BookedCount> out;
  while (q.executeStep()) {
    auto day = Date::parse(q.getColumn(1).getString());
    if (!day) fail(ErrorKind::internal, "appointments: stored date '{}' is not a date", q.getColumn(1).getString());
    out.push_back({q.getColumn(0).getString(), *day, q.getColumn(2).getString(), q.getColumn(3).getInt()});
  }
  return out;
}

}  // namespace vrathaus
