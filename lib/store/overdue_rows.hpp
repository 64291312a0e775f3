#pragma once
// The dunning list: every overdue charge (store/overdue_sql.hpp) with the day it became overdue.
#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

// Each: id, account_id, permit_id, kind, amount_cents, due_on, status, return_reason,
// overdue_since, days_overdue; oldest debt first.
nlohmann::json overdue_charges(sql::Connection& db, const std::string& today, int grace_days);

}  // namespace vrathaus
