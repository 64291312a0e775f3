#include "service/charges.hpp"

#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/own_accounts.hpp"
#include "store/charge_settlement_rows.hpp"
#include "store/overdue_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

json load(Context& ctx, std::int64_t id) {
  auto charge = charge_details(ctx.db(), id);
  if (charge.is_null()) fail(ErrorKind::not_found, "no charge {}", id);
  return charge;
}

std::string object(std::int64_t id) { return "charge:" + std::to_string(id); }

}  // namespace

json show_charge(Context& ctx, std::int64_t id) {
  return load(ctx, id);
}

json cancel_charge(Context& ctx, std::int64_t id, const std::string& reason) {
  if (reason.empty()) fail_field("reason", "a cancelled charge needs a reason");
  auto before = load(ctx, id);
  refuse_acting_on_own_account(ctx, before.at("account_id").get<std::int64_t>(), "cancel a charge");
  if (!vrathaus::cancel_open_charge(ctx.db(), id, reason, ctx.now(), ctx.actor.id))
    fail(ErrorKind::conflict, "charge {} is {}: only an open charge, not yet in a bank file, can be cancelled", id,
         before["status"].get<std::string>());
  auto after = load(ctx, id);
  audit_append(ctx, {"charges.cancel", object(id), json{{"status", before["status"]}},
                     json{{"status", "cancelled"}, {"cancel_reason", reason}}, reason});
  return after;
}

json mark_charge_paid(Context& ctx, std::int64_t id, const std::string& method, const std::string& reference) {
  if (method != "cash" && method != "transfer" && method != "epayment")
    fail_field("method", "'{}': choose cash, transfer or epayment", method);
  if (reference.empty()) fail_field("reference", "the receipt, bank or ePayment reference is required");
  auto before = load(ctx, id);
  refuse_acting_on_own_account(ctx, before.at("account_id").get<std::int64_t>(), "mark paid a charge");
  if (!vrathaus::mark_charge_paid(ctx.db(), id, method, reference, ctx.now(), ctx.actor.id))
    fail(ErrorKind::conflict, "charge {} is {}: only an open, returned or disputed charge can be marked paid{}", id,
         before["status"].get<std::string>(),
         before["status"] == "exported" ? " (it is in a bank file and may still be collected)" : "");
  auto after = load(ctx, id);
  audit_append(ctx, {"charges.mark-paid", object(id), json{{"status", before["status"]}},
                     json{{"status", "paid"}, {"paid_method", method}, {"paid_reference", reference}}, ""});
  return after;
}

json list_overdue_charges(Context& ctx) {
  return overdue_charges(ctx.db(), ctx.today().str(), ctx.city.permits.unpaid_grace_days);
}

}  // namespace vrathaus
