// The annual renewal run. It runs in one write transaction (BEGIN IMMEDIATE on SQLite, the writers'
// lock on PostgreSQL; see api/execute.cpp): a second run started at the same moment, on this or
// another instance, waits for the first and then finds nothing due, and the unique key on
// permits.renewed_from refuses a second renewal of one permit whatever happens. A killed run
// leaves nothing behind. Each permit is decided here with the rules `permits issue` uses
// (domain/permit_eligibility, renewal_period, fee_in_force, the charge of service/permits); the
// store reads the candidates in one query and writes the renewals in chunks. The report is built
// member by member (core/json_object.hpp): for 100,000 renewals the JSON of renewed permits and
// pre-notifications cost more than the SQL that wrote them.
#include "core/error.hpp"
#include "core/json_object.hpp"
#include "domain/fees.hpp"
#include "domain/permit_eligibility.hpp"
#include "domain/permit_period.hpp"
#include "service/audit.hpp"
#include "service/permits.hpp"
#include "store/overdue_rows.hpp"
#include "store/renewal_sql.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace vrathaus {
namespace {

using nlohmann::json;

// IBANs in notices show country, check digits and the last four characters only.
std::string masked_iban(const std::string& iban) {
  if (iban.size() < 8) return iban;
  return iban.substr(0, 4) + std::string(iban.size() - 8, '*') + iban.substr(iban.size() - 4);
}

// The first overdue charge (by id) of each permit's fee: such a permit is not renewed.
std::unordered_map<std::int64_t, OverdueCharge> unpaid_permits(Context& ctx) {
  std::unordered_map<std::int64_t, OverdueCharge> first;
  for (auto& c : overdue_charge_rows(ctx.db(), ctx.today(), ctx.city.permits.unpaid_grace_days)) {
    if (!c.debt_of_permit) continue;
    auto [at, inserted] = first.try_emplace(*c.debt_of_permit, c);
    if (!inserted && c.id < at->second.id) at->second = std::move(c);
  }
  return first;
}

// Why `c` cannot be renewed into `next`, empty when it can. The order of the checks is the order
// a clerk would explain them in: the account, its address, the mandate, the fee, an unpaid debt.
std::string renewal_obstacle(const RenewalCandidate& c, const PermitZones& zones, const std::optional<std::int64_t>& fee,
                             const PermitPeriod& next, const std::unordered_map<std::int64_t, OverdueCharge>& unpaid) {
  switch (zones.obstacle({c.account_status, c.account_tier, c.account_street}, c.zone)) {
    case PermitObstacle::none: break;
    case PermitObstacle::account_not_active: return fmt::format("account {} is {}", c.account_id, c.account_status);
    case PermitObstacle::not_private:
      return fmt::format("account {} is no longer a private account ({})", c.account_id, c.account_tier);
    case PermitObstacle::zone_unknown: return fmt::format("zone {} no longer exists", c.zone);
    case PermitObstacle::address_outside_zone:
      return fmt::format("the address of account {} is no longer in zone {}", c.account_id, c.zone);
  }
  if (!c.mandate_id) return fmt::format("account {} has no usable SEPA mandate (revoked, lapsed or none)", c.account_id);
  if (!fee) return fmt::format("no permit fee is in force on {} (city.permits.fees)", next.from.str());
  // The city would otherwise keep issuing permits nobody pays for.
  if (auto debt = unpaid.find(c.permit_id); debt != unpaid.end()) {
    const auto& d = debt->second;
    return fmt::format("charge {} is unpaid since {}{}: settle it (charges mark-paid) before the permit is renewed", d.id,
                       d.since.str(), d.return_reason ? fmt::format(" (returned: {})", *d.return_reason) : "");
  }
  return {};
}

}  // namespace

json renew_permits(Context& ctx, std::optional<Date> due_before) {
  auto today = ctx.today();
  auto months = ctx.city.permits.validity_months;
  auto cutoff = due_before.value_or(today.add_days(ctx.city.permits.renew_window_days));
  // A later cut-off would reach renewals made today, and a second run would renew them again.
  auto latest = period_starting(today, months).until;
  if (latest < cutoff)
    fail_field("due_before", "{} is more than one validity period ahead (at most {})", cutoff.str(), latest.str());
  // Without the city's zones every permit would look like one whose zone no longer exists; that
  // is a missing configuration file, not a fact about the permits.
  if (ctx.city.zones.empty())
    fail(ErrorKind::config, "no parking zones are configured (city.zones): the renewal needs the city's configuration "
                            "file (`vrathaus config show` says which one is read)");
  PermitZones zones(ctx.city.zones);
  auto now = ctx.now();
  auto unpaid = unpaid_permits(ctx);

  auto candidates = renewal_candidates(ctx.db(), today, cutoff);
  std::vector<Renewal> renewals;
  renewals.reserve(candidates.size());
  std::vector<const RenewalCandidate*> renewing;  // beside `renewals`, for the report
  renewing.reserve(candidates.size());
  json not_renewed = json::array();
  for (const auto& c : candidates) {
    auto next = renewal_period(c.period, today, months);
    auto fee = fee_in_force(ctx.city.permits.fees, next.from);
    if (auto why = renewal_obstacle(c, zones, fee, next, unpaid); !why.empty()) {
      not_renewed.push_back({{"permit_id", c.permit_id}, {"account_id", c.account_id}, {"reason", std::move(why)}});
      continue;
    }
    auto& r = renewals.emplace_back();
    r.permit.account_id = c.account_id;
    r.permit.plate = c.plate;
    r.permit.zone = c.zone;
    r.permit.period = next;
    r.permit.fee_cents = *fee;
    r.permit.renewed_from = c.permit_id;
    r.permit.created_by = ctx.actor.id;
    r.permit.created_at = now;
    r.charge = permit_charge_row(ctx, {c.account_id, 0, c.mandate_id, *fee, next.from});
    r.charge.created_at = now;
    renewing.push_back(&c);
  }
  insert_renewals(ctx.db(), renewals);

  json renewed = json::array(), prenotifications = json::array(), audit_pairs = json::array();
  for (std::size_t i = 0; i < renewals.size(); ++i) {
    auto& r = renewals[i];
    if (!r.permit.id) continue;  // renewed meanwhile by another run
    const auto& c = *renewing[i];
    audit_pairs.push_back(json::array_t{c.permit_id, r.permit.id, r.charge.id});
    if (r.charge.status == "open")
      prenotifications.push_back(JsonObject()
                                     .add("account_id", c.account_id)
                                     .add("amount_cents", r.charge.amount_cents)
                                     .add("charge_id", r.charge.id)
                                     .add("due_on", r.charge.due_on.str())
                                     .add("iban", masked_iban(c.mandate_iban))
                                     .add("mandate_reference", c.mandate_reference)
                                     .add("permit_id", r.permit.id)
                                     .take());
    renewed.push_back(JsonObject()
                          .add("account_id", c.account_id)
                          .add("auto_renew", true)
                          .add("fee_cents", r.permit.fee_cents)
                          .add("id", r.permit.id)
                          .add("plate", std::move(r.permit.plate))
                          .add("renewed_from", c.permit_id)
                          .add("status", permit_status_on(r.permit.period, std::nullopt, today))
                          .add("valid_from", r.permit.period.from.str())
                          .add("valid_until", r.permit.period.until.str())
                          .add("zone", std::move(r.permit.zone))
                          .take());
  }

  auto charges_created = static_cast<std::int64_t>(audit_pairs.size());
  // One entry per run, like one per imported file: which permit was renewed by which, with
  // which charge, and what could not be renewed.
  if (!audit_pairs.empty() || !not_renewed.empty())
    audit_append(ctx, {"permits.renew", "permits/renewals", nullptr,
                       json{{"due_before", cutoff.str()}, {"renewed", std::move(audit_pairs)},
                            {"not_renewed", not_renewed.size()}},
                       "renewed: [old permit, new permit, charge]"});
  json out{{"ok", not_renewed.empty()},
           {"due_before", cutoff.str()},
           {"renewed", std::move(renewed)},
           {"not_renewed", std::move(not_renewed)},
           {"charges_created", charges_created},
           {"prenotifications", std::move(prenotifications)}};
  if (ctx.city.sepa.creditor) out["creditor_id"] = ctx.city.sepa.creditor->creditor_id;
  return out;
}

}  // namespace vrathaus
