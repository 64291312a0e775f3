#include "service/refunds.hpp"

#include "core/error.hpp"
#include "domain/collection_calendar.hpp"
#include "domain/pro_rata.hpp"
#include "service/audit.hpp"
#include "service/own_accounts.hpp"
#include "store/permit_rows.hpp"
#include "store/refund_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

const Creditor& city_account(const Context& ctx) {
  if (!ctx.city.sepa.creditor)
    fail(ErrorKind::config, "city.sepa.creditor is not configured: the credit-transfer file needs the city's name, IBAN and BIC");
  return *ctx.city.sepa.creditor;
}

std::string refund_file(Context& ctx, std::int64_t batch, std::string& xml) {
  return write_refund_file(ctx.db(), batch, city_account(ctx), [&](std::string_view chunk) { xml.append(chunk); });
}

// Books a refund of `amount` against `charge` and audits it; paid out at once when a reference is given.
json book_refund(Context& ctx, const RefundableCharge& charge, std::int64_t amount, const std::string& reason,
                 const std::optional<std::string>& paid_out_reference) {
  auto id = insert_refund(ctx.db(), {charge.id, charge.account_id, amount, reason, ctx.now(), ctx.actor.id, charge.iban});
  if (paid_out_reference) vrathaus::mark_refund_paid_out(ctx.db(), id, *paid_out_reference, ctx.now(), ctx.actor.id);
  auto refund = refund_json(ctx.db(), id);
  audit_append(ctx, {"charges.refund", fmt::format("charge:{}", charge.id), json{{"refunded_cents", charge.refunded_cents}},
                     refund, reason});
  return refund;
}

}  // namespace

json refund_charge(Context& ctx, const RefundRequest& r) {
  if (r.amount_cents <= 0) fail_field("amount", "{} cents: a refund is a positive amount", r.amount_cents);
  if (r.reason.empty()) fail_field("reason", "a refund needs a reason");
  if (r.paid_out_reference && r.paid_out_reference->empty())
    fail_field("paid_out", "the receipt or transfer reference of the payout is required");
  auto charge = refundable_charge(ctx.db(), r.charge_id);
  if (!charge) fail(ErrorKind::not_found, "no charge {}", r.charge_id);
  refuse_acting_on_own_account(ctx, charge->account_id, "refund a charge");
  if (charge->status != "paid" && charge->status != "exported")
    fail(ErrorKind::conflict, "charge {} is {}: only a paid or collected (exported) charge can be refunded", charge->id,
         charge->status);
  const auto left = charge->amount_cents - charge->refunded_cents;
  if (r.amount_cents > left)
    fail_field("amount", "{} cents is more than charge {} can still give back ({} of {} cents)", r.amount_cents, charge->id,
               left, charge->amount_cents);
  if (!charge->iban && !r.paid_out_reference)
    fail_field("paid_out", "no IBAN is known for charge {}: pay it out by hand and give --paid-out REFERENCE", charge->id);
  return book_refund(ctx, *charge, r.amount_cents, r.reason, r.paid_out_reference);
}

json mark_refund_paid_out(Context& ctx, std::int64_t refund_id, const std::string& reference) {
  if (reference.empty()) fail_field("reference", "the receipt or transfer reference of the payout is required");
  auto before = refund_json(ctx.db(), refund_id);
  if (before.is_null()) fail(ErrorKind::not_found, "no refund {}", refund_id);
  refuse_acting_on_own_account(ctx, before.at("account_id").get<std::int64_t>(), "pay out a refund");
  if (!vrathaus::mark_refund_paid_out(ctx.db(), refund_id, reference, ctx.now(), ctx.actor.id))
    fail(ErrorKind::conflict, "refund {} is {}: only a pending refund can be paid out by hand", refund_id,
         before["status"].get<std::string>());
  auto after = refund_json(ctx.db(), refund_id);
  audit_append(ctx, {"refunds.paid-out", fmt::format("refund:{}", refund_id), json{{"status", before["status"]}},
                     json{{"status", after["status"]}, {"paid_out_reference", reference}}, ""});
  return after;
}

json export_refunds(Context& ctx) {
  city_account(ctx);
  auto skipped = refunds_without_iban(ctx.db());
  auto execution = next_target_business_day(ctx.today());
  auto batch = create_refund_batch(ctx.db(), ctx.now(), ctx.actor.id, execution.str());
  if (!batch) return {{"batch", nullptr}, {"execution_date", execution.str()}, {"transactions", 0}, {"skipped", skipped}};
  std::string xml;
  set_refund_batch_sha(ctx.db(), *batch, refund_file(ctx, *batch, xml));
  auto out = refund_batch_json(ctx.db(), *batch);
  audit_append(ctx, {"payments.refunds.export", fmt::format("refund-batch:{}", *batch), nullptr, out, ""});
  out["skipped"] = skipped;
  out["xml"] = std::move(xml);
  return out;
}

json show_refund_batch(Context& ctx, std::int64_t batch) {
  auto out = refund_batch_json(ctx.db(), batch);
  if (out.is_null()) fail(ErrorKind::not_found, "no refund batch {}", batch);
  std::string xml;
  if (refund_file(ctx, batch, xml) != out["sha256"])
    fail(ErrorKind::internal, "refund batch {} no longer reproduces its file (SHA-256 differs): the store was changed", batch);
  out["xml"] = std::move(xml);
  return out;
}

json settle_revoked_permit(Context& ctx, std::int64_t permit_id) {
  if (ctx.city.permits.refund != "pro_rata_months") return nullptr;
  auto permit = load_permit(ctx.db(), permit_id);
  auto charge_id = permit_charge(ctx.db(), permit_id);
  if (!permit || !charge_id) return nullptr;
  auto charge = refundable_charge(ctx.db(), *charge_id);
  const auto today = ctx.today();
  const auto months = period_months(permit->period), unused = unused_months(permit->period, today);
  if (unused == 0 || !charge) return nullptr;
  const auto reason = fmt::format("permit {} revoked on {}: {} of {} months unused", permit_id, today.str(), unused, months);
  if (charge->status == "open") {
    // Not collected yet: it is lowered to the months used instead (a period not begun at all was
    // cancelled by the revocation already).
    auto due = charge->amount_cents - pro_rata_refund_cents(charge->amount_cents, permit->period, today);
    if (!lower_open_charge(ctx.db(), charge->id, due)) return nullptr;
    audit_append(ctx, {"charges.lower", fmt::format("charge:{}", charge->id), json{{"amount_cents", charge->amount_cents}},
                       json{{"amount_cents", due}}, reason});
    return {{"charge_id", charge->id}, {"lowered_to_cents", due}, {"reason", reason}};
  }
  if (charge->status != "paid" && charge->status != "exported") return nullptr;  // nothing came in
  auto amount = std::min(pro_rata_refund_cents(charge->amount_cents, permit->period, today),
                         charge->amount_cents - charge->refunded_cents);
  if (amount <= 0) return nullptr;
  auto refund = book_refund(ctx, *charge, amount, reason, std::nullopt);
  return {{"charge_id", charge->id}, {"refund_id", refund["id"]}, {"refund_cents", amount}, {"reason", reason}};
}

}  // namespace vrathaus
