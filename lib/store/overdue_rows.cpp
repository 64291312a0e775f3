#include "store/overdue_rows.hpp"

#include "core/error.hpp"
#include "domain/overdue.hpp"
#include "store/overdue_sql.hpp"

#include "store/sql/sql.hpp"

#include <algorithm>

namespace vrathaus {
namespace {

std::optional<std::string> opt_text(sql::Statement& q, int i) {
  if (q.getColumn(i).isNull()) return std::nullopt;
  return q.getColumn(i).getString();
}

std::optional<std::int64_t> opt_int(sql::Statement& q, int i) {
  if (q.getColumn(i).isNull()) return std::nullopt;
  return q.getColumn(i).getInt64();
}

Date stored_date(sql::Statement& q, int i) {
  auto day = Date::parse(q.getColumn(i).getStringView());
  if (!day) fail(ErrorKind::internal, "charge {} has a malformed date '{}'", q.getColumn(0).getInt64(), q.getColumn(i).getString());
  return *day;
}

}  // namespace

std::vector<OverdueCharge> overdue_charge_rows(sql::Connection& db, const Date& today, int grace_days) {
  // The permit charge a debt belongs to: the charge itself, or the one a re-presentation or a
  // return fee names as its origin.
  sql::Statement q(db, "SELECT c.id, c.account_id, c.permit_id, c.kind, c.amount_cents, c.due_on, c.status,"
                                   " c.return_reason, c.returned_on, p.permit_id FROM charges c"
                                   " LEFT JOIN charges p ON p.id = coalesce(c.origin, c.id) AND p.kind = 'permit'"
                                   " WHERE " +
                           kOverdueCharge + " ORDER BY c.id");
  q.bind(":grace_cutoff", overdue_grace_cutoff(today, grace_days).str());
  bind_usable_mandate(q, today);
  std::vector<OverdueCharge> out;
  while (q.executeStep()) {
    OverdueCharge c;
    c.id = q.getColumn(0).getInt64();
    c.account_id = q.getColumn(1).getInt64();
    c.permit_id = opt_int(q, 2);
    c.kind = q.getColumn(3).getString();
    c.amount_cents = q.getColumn(4).getInt64();
    c.due_on = stored_date(q, 5);
    c.status = q.getColumn(6).getString();
    c.return_reason = opt_text(q, 7);
    std::optional<Date> returned_on;
    if (!q.getColumn(8).isNull()) returned_on = stored_date(q, 8);
    c.since = overdue_since(c.status == "open", c.due_on, returned_on, grace_days);
    c.debt_of_permit = opt_int(q, 9);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.since < b.since; });
  return out;
}

nlohmann::json overdue_charges(sql::Connection& db, const std::string& today, int grace_days) {
  auto day = Date::parse(today);
  if (!day) fail(ErrorKind::internal, "'{}' is not a day", today);
  auto out = nlohmann::json::array();
  for (auto& c : overdue_charge_rows(db, *day, grace_days))
    out.push_back({{"id", c.id},
                   {"account_id", c.account_id},
                   {"permit_id", c.permit_id ? nlohmann::json(*c.permit_id) : nlohmann::json(nullptr)},
                   {"kind", c.kind},
                   {"amount_cents", c.amount_cents},
                   {"due_on", c.due_on.str()},
                   {"status", c.status},
                   {"return_reason", c.return_reason ? nlohmann::json(*c.return_reason) : nlohmann::json(nullptr)},
                   {"overdue_since", c.since.str()},
                   {"days_overdue", c.since.days_until(*day)}});
  return out;
}

}  // namespace vrathaus
