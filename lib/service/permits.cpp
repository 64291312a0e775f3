#include "service/permits.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/fees.hpp"
#include "domain/permit_eligibility.hpp"
#include "domain/plate.hpp"
#include "domain/zones.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "service/mandates.hpp"
#include "service/refunds.hpp"
#include "store/permit_rows.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

std::string permit_object(std::int64_t id) { return "permit:" + std::to_string(id); }

const Zone& require_zone(const Context& ctx, const std::string& code) {
  if (auto* zone = find_zone(ctx.city.zones, code)) return *zone;
  std::vector<std::string> known;
  for (const auto& z : ctx.city.zones) known.push_back(z.code);
  if (known.empty()) fail_field("zone", "unknown zone '{}': no zones are configured (city.zones)", code);
  fail_field("zone", "unknown zone '{}' (known: {})", code, fmt::join(known, ", "));
}

std::int64_t parse_account_id(Context& ctx, const std::string& account) {
  return account.empty() ? 0 : find_account(ctx, account).id;
}

}  // namespace

ChargeRow permit_charge_row(const Context& ctx, const NewCharge& c) {
  ChargeRow row;
  row.account_id = c.account_id;
  row.permit_id = c.permit_id;
  row.mandate_id = c.mandate_id;
  row.amount_cents = c.amount_cents;
  auto earliest = ctx.today().add_days(ctx.city.sepa.prenotification_days);
  row.due_on = c.period_from < earliest ? earliest : c.period_from;
  // Nothing to collect: paid at the counter, or a fee of zero.
  row.status = !c.mandate_id || c.amount_cents == 0 ? "paid" : "open";
  row.created_at = ctx.now();
  return row;
}

std::int64_t create_charge(Context& ctx, const NewCharge& c) { return insert_charge(ctx.db(), permit_charge_row(ctx, c)); }

json issue_permit(Context& ctx, const PermitRequest& r) {
  auto plate = normalise_plate(r.plate, "plate");
  const auto& zone = require_zone(ctx, trim(r.zone));
  auto today = ctx.today();
  auto from = r.from.value_or(today);
  if (from < today) fail_field("from", "{} is in the past: a permit starts today or later", from.str());
  if (today.add_days(366) < from) fail_field("from", "{} is more than a year ahead", from.str());

  auto account = find_account(ctx, r.account);
  switch (PermitZones(ctx.city.zones).obstacle({account.status, account.tier, account.street}, zone.code)) {
    case PermitObstacle::none: break;
    case PermitObstacle::account_not_active:
      fail(ErrorKind::conflict, "account {} is {}: permits need an active account", account.id, account.status);
    case PermitObstacle::not_private:
      fail(ErrorKind::conflict, "account {} is a {} account: permits need a verified private account (upgrade it first)",
           account.id, account.tier);
    case PermitObstacle::zone_unknown:  // require_zone() found it above
    case PermitObstacle::address_outside_zone:
      fail(ErrorKind::conflict, "the address of account {} ({}) is not in zone {} ({})", account.id,
           account.street.value_or("no street"), zone.code, zone.name.empty() ? zone.code : zone.name);
  }

  std::optional<std::int64_t> mandate;
  if (!r.paid) {
    mandate = usable_mandate(ctx, account.id);
    if (!mandate)
      fail(ErrorKind::conflict,
           "account {} has no usable SEPA mandate (none, revoked or unused for 36 months): add one, or take payment at "
           "the counter (--paid)",
           account.id);
  }
  if (auto other = active_permit_for_plate(ctx.db(), plate, today))
    fail(ErrorKind::conflict, "the plate {} has an active permit already (permit {}, until {})", plate, other->first,
         other->second.str());
  if (auto held = permits_held(ctx.db(), account.id, today); held >= ctx.city.permits.max_per_account)
    fail(ErrorKind::conflict, "account {} holds {} permit(s), the most allowed (city.permits.max_per_account = {})",
         account.id, held, ctx.city.permits.max_per_account);

  PermitRow p;
  p.account_id = account.id;
  p.plate = plate;
  p.zone = zone.code;
  p.period = period_starting(from, ctx.city.permits.validity_months);
  p.auto_renew = r.auto_renew;
  auto fee = fee_in_force(ctx.city.permits.fees, from);
  if (!fee) fail(ErrorKind::config, "no permit fee is in force on {} (city.permits.fees)", from.str());
  p.fee_cents = *fee;
  p.created_by = ctx.actor.id;
  p.created_at = ctx.now();
  p.id = insert_permit(ctx.db(), p, p.created_at);
  create_charge(ctx, {account.id, p.id, mandate, p.fee_cents, from});

  json out = permit_json(p, today);
  out["charge"] = charge_json(*load_charge_of_permit(ctx.db(), p.id));
  audit_append(ctx, {"permits.issue", permit_object(p.id), nullptr, out, r.paid ? "paid at the counter" : ""});
  return out;
}

json show_permit(Context& ctx, std::int64_t id) {
  auto p = load_permit(ctx.db(), id);
  if (!p) fail(ErrorKind::not_found, "no permit {}", id);
  json out = permit_json(*p, ctx.today());
  auto renewal = renewal_of(ctx.db(), id);
  out["renewed_by"] = renewal ? json(*renewal) : json(nullptr);
  if (auto charge = load_charge_of_permit(ctx.db(), id)) out["charge"] = charge_json(*charge);
  return out;
}

json list_permits(Context& ctx, const PermitListFilter& f) {
  static const std::vector<std::string> statuses{"active", "upcoming", "expired", "revoked"};
  if (!f.status.empty() && std::find(statuses.begin(), statuses.end(), f.status) == statuses.end())
    fail_field("status", "'{}' is not a permit status (active, upcoming, expired, revoked)", f.status);
  PermitQuery q;
  q.account_id = parse_account_id(ctx, f.account);
  q.status = f.status;
  q.expiring_before = f.expiring_before;
  q.today = ctx.today();
  q.after_id = f.after_id;
  q.limit = f.limit;
  json items = json::array();
  for (const auto& p : query_permits(ctx.db(), q)) items.push_back(permit_json(p, q.today));
  return items;
}

json account_permit_data(Context& ctx, std::int64_t account_id) {
  PermitQuery pq;
  pq.account_id = account_id;
  pq.today = ctx.today();
  json permits = json::array(), charges = json::array();
  for (const auto& p : query_permits(ctx.db(), pq)) permits.push_back(permit_json(p, pq.today));
  ChargeQuery cq;
  cq.account_id = account_id;
  for (const auto& c : query_charges(ctx.db(), cq)) charges.push_back(charge_json(c));
  return {{"permits", permits}, {"mandates", list_mandates(ctx, account_id, 0, std::nullopt)}, {"charges", charges}};
}

json revoke_permit(Context& ctx, std::int64_t id, const std::string& reason) {
  auto why = trim(reason);
  if (why.empty()) fail_field("reason", "is required to revoke a permit");
  auto permit = load_permit(ctx.db(), id);
  if (!permit) fail(ErrorKind::not_found, "no permit {}", id);
  if (permit->status == "revoked") fail(ErrorKind::conflict, "permit {} is revoked already", id);
  auto today = ctx.today();
  json revoked = json::array(), cancelled = json::array();
  // The permit and a renewal of it that was issued in advance end together.
  for (std::optional<std::int64_t> next = id; next; next = renewal_of(ctx.db(), *next)) {
    auto p = load_permit(ctx.db(), *next);
    if (!p || p->status == "revoked") continue;
    mark_permit_revoked(ctx.db(), *next, today, why, ctx.now());
    revoked.push_back(*next);
    // A period that has not begun is not charged; one in use keeps its charge.
    if (today <= p->period.from)
      for (auto charge : cancel_open_charges_of_permit(ctx.db(), *next)) cancelled.push_back(charge);
  }
  // Every path that revokes comes through here, so each gets the city's refund rule.
  json refunds = json::array();
  for (const auto& permit_id : revoked)
    if (auto settled = settle_revoked_permit(ctx, permit_id.get<std::int64_t>()); !settled.is_null())
      refunds.push_back(std::move(settled));
  auto out = show_permit(ctx, id);
  audit_append(ctx, {"permits.revoke", permit_object(id), json{{"status", permit_json(*permit, today)["status"]}},
                     json{{"status", out["status"]}, {"revoked", revoked}, {"charges_cancelled", cancelled},
                          {"refunds", refunds}}, why});
  out["revoked"] = revoked;
  out["charges_cancelled"] = cancelled;
  out["refunds"] = refunds;
  return out;
}

}  // namespace vrathaus
