#include "service/statement.hpp"

#include "core/error.hpp"
#include "service/accounts.hpp"
#include "store/statement_rows.hpp"

namespace vrathaus {

using nlohmann::json;

json account_statement(Context& ctx, const std::string& account, std::optional<Date> from, std::optional<Date> to) {
  if (from && to && *to < *from) fail_field("to", "{} is before --from {}", to->str(), from->str());
  const auto account_id = find_account(ctx, account).id;
  const auto first = from ? from->str() : std::string(), last = to ? to->str() : std::string();
  json lines = json::array();
  std::int64_t balance = 0;
  bool opened = !from;
  // The balance carried into the period, so the running balance stays the account's own.
  auto open_period = [&] {
    lines.push_back({{"date", first}, {"kind", "opening"}, {"charge_id", nullptr}, {"amount_cents", 0},
                     {"balance_cents", balance}, {"reference", "balance before " + first}});
    opened = true;
  };
  for (const auto& l : statement_lines(ctx.db(), account_id)) {
    if (to && l.date > last) break;
    if (!opened && l.date >= first) open_period();
    balance += l.amount_cents;
    if (opened)
      lines.push_back({{"date", l.date}, {"kind", l.kind}, {"charge_id", l.charge_id}, {"amount_cents", l.amount_cents},
                       {"balance_cents", balance}, {"reference", l.reference}});
  }
  if (!opened) open_period();
  return lines;
}

}  // namespace vrathaus
