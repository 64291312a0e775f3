#pragma once
// An account's statement: every charge, collection, return, payment, fee, refund and payout with a
// running balance (positive: the account owes the city; negative: the city owes the account).
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

// Lines {date, kind, charge_id, amount_cents, balance_cents, reference}, oldest first. With `from`,
// earlier lines are summed into one "opening" line; with `to`, later lines are left out.
nlohmann::json account_statement(Context& ctx, const std::string& account, std::optional<Date> from,
                                 std::optional<Date> to);

}  // namespace vrathaus
