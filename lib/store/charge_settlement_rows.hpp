#pragma once
// A charge settled without the bank file: cancelled before export, or paid at the counter, by
// transfer or through the ePayment provider. No rules here, only SQL with bound parameters.
#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace vrathaus {

// Everything recorded about one charge (settlement, return, what the export wrote), or null.
nlohmann::json charge_details(sql::Connection& db, std::int64_t id);

// Each changes the charge only from the statuses named and says whether it did.
bool cancel_open_charge(sql::Connection& db, std::int64_t id, const std::string& reason, const std::string& at,
                        const std::string& by);
// From open, returned or disputed (never while the bank may still collect it).
bool mark_charge_paid(sql::Connection& db, std::int64_t id, const std::string& method, const std::string& reference,
                      const std::string& at, const std::string& by);

}  // namespace vrathaus
