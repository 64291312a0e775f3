// The annual renewal run. It runs in one write transaction (BEGIN IMMEDIATE, see api/execute.cpp):
// a second run started at the same moment waits for the first and then finds nothing due, and the
// unique index on permits.renewed_from refuses a second renewal of one permit whatever happens. A
// killed run leaves nothing behind. The rows are written set-based (store/renewal_sql.hpp) with the
// domain's own period and fee functions. The report is built member by member
// (core/json_object.hpp): for 100,000 renewals the JSON of renewed permits and pre-notifications
// cost more than the SQL that wrote them.
#include "core/error.hpp"
#include "core/json_object.hpp"
#include "domain/permit_period.hpp"
#include "domain/zones.hpp"
#include "service/audit.hpp"
#include "service/permits.hpp"
#include "store/renewal_sql.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// IBANs in notices show country, check digits and the last four characters only.
std::string masked_iban(const std::string& iban) {
  if (iban.size() < 8) return iban;
  return iban.substr(0, 4) + std::string(iban.size() - 8, '*') + iban.substr(iban.size() - 4);
}

}  // namespace

json renew_permits(Context& ctx, std::optional<Date> due_before) {
  RenewalRules rules;
  rules.today = ctx.today();
  rules.months = ctx.city.permits.validity_months;
  rules.cutoff = due_before.value_or(rules.today.add_days(ctx.city.permits.renew_window_days));
  // A later cut-off would reach renewals made today, and a second run would renew them again.
  auto latest = period_starting(rules.today, rules.months).until;
  if (latest < rules.cutoff)
    fail_field("due_before", "{} is more than one validity period ahead (at most {})", rules.cutoff.str(), latest.str());
  // Without the city's zones every permit would look like one whose zone no longer exists; that
  // is a missing configuration file, not a fact about the permits.
  if (ctx.city.zones.empty())
    fail(ErrorKind::config, "no parking zones are configured (city.zones): the renewal needs the city's configuration "
                            "file (`vrathaus config show` says which one is read)");
  rules.fees = ctx.city.permits.fees;
  for (const auto& zone : ctx.city.zones)
    for (const auto& street : zone.streets) rules.zone_streets[zone.code].insert(street_key(street));
  rules.earliest_due = rules.today.add_days(ctx.city.sepa.prenotification_days);
  rules.actor = ctx.actor.id;
  rules.now = ctx.now();
  rules.unpaid_grace_days = ctx.city.permits.unpaid_grace_days;

  json renewed = json::array(), not_renewed = json::array(), prenotifications = json::array();
  json audit_pairs = json::array();
  run_renewal_sql(
      ctx.db(), rules,
      [&](RenewedRow& r) {
        auto from = *Date::parse(r.valid_from), until = *Date::parse(r.valid_until);
        audit_pairs.push_back(json::array_t{r.renewed_from, r.id, r.charge_id});
        if (r.collect)
          prenotifications.push_back(JsonObject()
                                         .add("account_id", r.account_id)
                                         .add("amount_cents", r.fee_cents)
                                         .add("charge_id", r.charge_id)
                                         .add("due_on", std::move(r.due_on))
                                         .add("iban", masked_iban(r.mandate_iban))
                                         .add("mandate_reference", std::move(r.mandate_reference))
                                         .add("permit_id", r.id)
                                         .take());
        renewed.push_back(JsonObject()
                              .add("account_id", r.account_id)
                              .add("auto_renew", true)
                              .add("fee_cents", r.fee_cents)
                              .add("id", r.id)
                              .add("plate", std::move(r.plate))
                              .add("renewed_from", r.renewed_from)
                              .add("status", permit_status_on({from, until}, std::nullopt, rules.today))
                              .add("valid_from", std::move(r.valid_from))
                              .add("valid_until", std::move(r.valid_until))
                              .add("zone", std::move(r.zone))
                              .take());
      },
      [&](const NotRenewedRow& r) {
        not_renewed.push_back({{"permit_id", r.permit_id}, {"account_id", r.account_id}, {"reason", r.reason}});
      });

  auto charges_created = static_cast<std::int64_t>(audit_pairs.size());
  // One entry per run, like one per imported file: which permit was renewed by which, with
  // which charge, and what could not be renewed.
  if (!audit_pairs.empty() || !not_renewed.empty())
    audit_append(ctx, {"permits.renew", "permits/renewals", nullptr,
                       json{{"due_before", rules.cutoff.str()}, {"renewed", std::move(audit_pairs)},
                            {"not_renewed", not_renewed.size()}},
                       "renewed: [old permit, new permit, charge]"});
  json out{{"ok", not_renewed.empty()},
           {"due_before", rules.cutoff.str()},
           {"renewed", std::move(renewed)},
           {"not_renewed", std::move(not_renewed)},
           {"charges_created", charges_created},
           {"prenotifications", std::move(prenotifications)}};
  if (ctx.city.sepa.creditor) out["creditor_id"] = ctx.city.sepa.creditor->creditor_id;
  return out;
}

}  // namespace vrathaus
