#pragma once
// The dunning list: every overdue charge (store/overdue_sql.hpp) with the day it became overdue.
#include "core/date.hpp"

#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct OverdueCharge {
  std::int64_t id = 0, account_id = 0, amount_cents = 0;
  std::optional<std::int64_t> permit_id;
  // The permit whose fee this debt is: the permit's own charge, or one re-presenting it or
  // charging a fee for its return.
  std::optional<std::int64_t> debt_of_permit;
  std::string kind, status;
  Date due_on, since;
  std::optional<std::string> return_reason;
};

// Every charge overdue on `today` after `grace_days`, oldest debt first (since, then id).
std::vector<OverdueCharge> overdue_charge_rows(sql::Connection& db, const Date& today, int grace_days);

// Each: id, account_id, permit_id, kind, amount_cents, due_on, status, return_reason,
// overdue_since, days_overdue; oldest debt first.
nlohmann::json overdue_charges(sql::Connection& db, const std::string& today, int grace_days);

}  // namespace vrathaus
