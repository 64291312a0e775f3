#pragma once
// An account's money movements, in the order they happened: what each charge, collection, return,
// payment, refund and payout did to what the account owes the city.
#include "store/sql/sql.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vrathaus {

struct StatementLine {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // charge, fee, collection, return, payment, refund, payout
  std::int64_t charge_id = 0;
  std::int64_t amount_cents = 0;  // signed: positive raises what the account owes
  std::string reference;
};

// Every line of the account, oldest first (same day: the order the kinds happen in, then charge).
std::vector<StatementLine> statement_lines(sql::Connection& db, std::int64_t account_id);

}  // namespace vrathaus
