#pragma once
// One charge's whole story, and settling it without the bank file: cancelled before it is
// exported, or paid at the counter, by transfer or through the city's ePayment provider.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

// The charge with its settlement, return reason, what the export wrote, the bank's entries about
// it ("bank_returns") and the charges that follow from it ("follow_ups": re-presentation, fee).
nlohmann::json show_charge(Context& ctx, std::int64_t id);

// Only an open charge (not yet in a bank file) can be cancelled; a reason is required.
nlohmann::json cancel_charge(Context& ctx, std::int64_t id, const std::string& reason);

// method: cash, transfer or epayment; reference: the receipt, bank or provider reference. From
// open, returned or disputed; an exported charge is refused (the bank may still collect it).
nlohmann::json mark_charge_paid(Context& ctx, std::int64_t id, const std::string& method, const std::string& reference);

// The dunning list (store/overdue_sql.hpp): charges returned (and not re-presented), or open past
// due + city.permits.unpaid_grace_days with no mandate that can collect them; oldest debt first.
nlohmann::json list_overdue_charges(Context& ctx);

}  // namespace vrathaus
