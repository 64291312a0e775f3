#pragma once
// The renewal run as set-based SQL. The decisions stay in the domain functions: the new period
// (renewal_period), the fee (fee_in_force) and what keeps a permit from renewal are registered as
// SQL functions for the duration of one run, so the rows are chosen, checked and written by a few
// INSERT … SELECT statements instead of one statement per permit.
#include "core/date.hpp"
#include "domain/city.hpp"

#include "store/sql/sql.hpp"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace vrathaus {

struct RenewalRules {
  Date today;
  Date cutoff;
  int months = 12;
  std::vector<FeePeriod> fees;
  std::map<std::string, std::set<std::string>> zone_streets;  // zone code → street keys
  Date earliest_due;                                          // today + pre-notification days
  std::string actor, now;
  int unpaid_grace_days = 14;  // a permit whose charge is overdue after these days is not renewed
};

struct RenewedRow {
  std::int64_t id, account_id, fee_cents, renewed_from, charge_id;
  std::string plate, zone, valid_from, valid_until, mandate_reference, mandate_iban, due_on;
  bool collect;
};

struct NotRenewedRow {
  std::int64_t permit_id, account_id;
  std::string reason;
};

// Runs the renewal inside the caller's transaction; calls `renewed` and `not_renewed` for each
// row in a stable order (the old permits' end date, then id). `renewed` may move the row's strings
// out: each row is read afresh.
void run_renewal_sql(sql::Connection& db, const RenewalRules& rules, const std::function<void(RenewedRow&)>& renewed,
                     const std::function<void(const NotRenewedRow&)>& not_renewed);

}  // namespace vrathaus
