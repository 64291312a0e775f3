#pragma once
// Finding accounts: listing by tier, status and office, and searching by name (German-aware),
// login, customer number or plate. A page at a time, by id.
#include "service/context.hpp"
#include "store/account_rows.hpp"

#include <cstdint>
#include <vector>

namespace vrathaus {

std::vector<Account> find_accounts(Context& ctx, const AccountQuery& query);
// How many accounts match, whatever the page.
std::int64_t count_found_accounts(Context& ctx, const AccountQuery& query);

}  // namespace vrathaus
