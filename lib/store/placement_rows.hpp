#pragma once
// Reading and writing planned departures (staff.leaves_on) and transfers between offices; no
// rules here, only SQL with bound parameters.
#include "domain/placement.hpp"

#include "store/sql/sql.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct TransferRow {
  std::int64_t id = 0;
  std::string staff;
  Transfer transfer;
  std::string created_by, created_at;
};

// One person's transfers (every person's when `staff` is empty), by staff and day.
std::vector<TransferRow> load_transfers(sql::Connection& db, const std::string& staff = {});
void insert_transfer(sql::Connection& db, const TransferRow& row);

std::optional<Date> load_leaves_on(sql::Connection& db, const std::string& staff);
// Everyone with a planned departure.
std::map<std::string, Date> load_all_leaves_on(sql::Connection& db);
// nullopt: no departure planned (a reactivation cancels it).
void store_leaves_on(sql::Connection& db, const std::string& staff, const std::optional<Date>& day,
                     const std::string& updated_at);

// Where a staff member is by the rule of domain/placement.hpp: recorded office, active flag,
// departure and transfers. Unknown staff → nullopt.
std::optional<Placement> load_placement(sql::Connection& db, const std::string& staff);

}  // namespace vrathaus
