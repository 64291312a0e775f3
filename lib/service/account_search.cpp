#include "service/account_search.hpp"

namespace vrathaus {

std::vector<Account> find_accounts(Context& ctx, const AccountQuery& query) { return query_accounts(ctx.db(), query); }

std::int64_t count_found_accounts(Context& ctx, const AccountQuery& query) { return count_accounts(ctx.db(), query); }

}  // namespace vrathaus
