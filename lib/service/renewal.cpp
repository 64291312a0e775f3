// The annual renewal run (domain.md "Annual renewal is a cron job"). It runs in one write
// transaction (BEGIN IMMEDIATE, see api/execute.cpp): a second run started at the same moment
// waits for the first and then finds nothing due, and the unique index on permits.renewed_from
// refuses a second renewal of one permit whatever happens. A killed run leaves nothing behind.
#include "core/error.hpp"
#include "domain/fees.hpp"
#include "domain/zones.hpp"
#include "service/audit.hpp"
#include "service/permits.hpp"
#include "store/permit_rows.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace vrathaus {
namespace {

using nlohmann::json;

struct DuePermit {
  PermitRow permit;
  std::string account_status, account_tier;
  std::optional<std::string> street;
  std::optional<std::int64_t> mandate_id;
  std::string mandate_reference, mandate_iban;
};

// Started, not yet renewed, auto-renew permits ending before the cut-off, with what deciding
// their renewal needs: the account and the mandate charges would use. Read whole before any
// insert, because SQLite must not see the table change under a running query.
std::vector<DuePermit> due_permits(Context& ctx, const Date& cutoff) {
  SQLite::Statement q(
      ctx.db(),
      "SELECT p.id, p.account_id, p.plate, p.zone, p.valid_from, p.valid_until, a.status, a.tier, a.street,"
      "       m.id, m.reference, m.iban"
      "  FROM permits p JOIN accounts a ON a.id = p.account_id"
      "  LEFT JOIN mandates m ON m.id = (SELECT u.id FROM mandates u WHERE u.account_id = p.account_id"
      "       AND u.status = 'active' AND vr_mandate_usable(u.signed_on, u.last_used_on, :today)"
      "       ORDER BY u.signed_on DESC, u.id DESC LIMIT 1)"
      " WHERE p.status = 'active' AND p.auto_renew = 1 AND p.valid_until < :cutoff AND p.valid_from <= :today"
      "   AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id)"
      " ORDER BY p.id");
  q.bind(":today", ctx.today().str());
  q.bind(":cutoff", cutoff.str());
  std::vector<DuePermit> out;
  while (q.executeStep()) {
    DuePermit d;
    d.permit.id = q.getColumn(0).getInt64();
    d.permit.account_id = q.getColumn(1).getInt64();
    d.permit.plate = q.getColumn(2).getString();
    d.permit.zone = q.getColumn(3).getString();
    d.permit.period = {*Date::parse(q.getColumn(4).getString()), *Date::parse(q.getColumn(5).getString())};
    d.account_status = q.getColumn(6).getString();
    d.account_tier = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) d.street = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) {
      d.mandate_id = q.getColumn(9).getInt64();
      d.mandate_reference = q.getColumn(10).getString();
      d.mandate_iban = q.getColumn(11).getString();
    }
    out.push_back(std::move(d));
  }
  return out;
}

// Why a due permit cannot be renewed, or "" when it can.
std::string obstacle(const DuePermit& d, const std::map<std::string, std::set<std::string>>& zone_streets) {
  const auto account = d.permit.account_id;
  if (d.account_status != "active") return fmt::format("account {} is {}", account, d.account_status);
  if (d.account_tier != "private") return fmt::format("account {} is no longer a private account ({})", account, d.account_tier);
  auto zone = zone_streets.find(d.permit.zone);
  if (zone == zone_streets.end()) return fmt::format("zone {} no longer exists", d.permit.zone);
  if (!d.street || !zone->second.contains(street_key(*d.street)))
    return fmt::format("the address of account {} is no longer in zone {}", account, d.permit.zone);
  if (!d.mandate_id) return fmt::format("account {} has no usable SEPA mandate (revoked, lapsed or none)", account);
  return "";
}

// IBANs in notices show country, check digits and the last four characters only.
std::string masked_iban(const std::string& iban) {
  if (iban.size() < 8) return iban;
  return iban.substr(0, 4) + std::string(iban.size() - 8, '*') + iban.substr(iban.size() - 4);
}

}  // namespace

json renew_permits(Context& ctx, std::optional<Date> due_before) {
  require_role(ctx, {"supervisor", "admin"}, "run the permit renewal");
  const auto today = ctx.today();
  const auto months = ctx.city.permits.validity_months;
  auto cutoff = due_before.value_or(today.add_days(ctx.city.permits.renew_window_days));
  // A later cut-off would reach renewals made today, and a second run would renew them again.
  auto latest = period_starting(today, months).until;
  if (latest < cutoff)
    fail_field("due_before", "{} is more than one validity period ahead (at most {})", cutoff.str(), latest.str());

  std::map<std::string, std::set<std::string>> zone_streets;
  for (const auto& zone : ctx.city.zones)
    for (const auto& street : zone.streets) zone_streets[zone.code].insert(street_key(street));

  SQLite::Statement insert_permit(
      ctx.db(),
      "INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, renewed_from,"
      " created_by, created_at, updated_at) VALUES (?1,?2,?3,?4,?5,'active',1,?6,?7,?8,?9,?9)");
  SQLite::Statement insert_charge(
      ctx.db(),
      "INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at)"
      " VALUES (?,?,?,?,?,?,?)");
  const auto now = ctx.now();
  const auto earliest_due = today.add_days(ctx.city.sepa.prenotification_days);

  json renewed = json::array(), not_renewed = json::array(), prenotifications = json::array();
  json audit_pairs = json::array();
  std::int64_t charges_created = 0;
  for (auto& d : due_permits(ctx, cutoff)) {
    auto why = obstacle(d, zone_streets);
    PermitRow next;
    next.period = renewal_period(d.permit.period, today, months);
    auto fee = fee_in_force(ctx.city.permits.fees, next.period.from);
    if (why.empty() && !fee) why = fmt::format("no permit fee is in force on {} (city.permits.fees)", next.period.from.str());
    if (!why.empty()) {
      not_renewed.push_back({{"permit_id", d.permit.id}, {"account_id", d.permit.account_id}, {"reason", why}});
      continue;
    }
    next.account_id = d.permit.account_id;
    next.plate = d.permit.plate;
    next.zone = d.permit.zone;
    next.fee_cents = *fee;
    next.renewed_from = d.permit.id;
    next.created_by = ctx.actor.id;
    next.created_at = now;
    insert_permit.bind(1, next.account_id);
    insert_permit.bind(2, next.plate);
    insert_permit.bind(3, next.zone);
    insert_permit.bind(4, next.period.from.str());
    insert_permit.bind(5, next.period.until.str());
    insert_permit.bind(6, next.fee_cents);
    insert_permit.bind(7, d.permit.id);
    insert_permit.bind(8, next.created_by);
    insert_permit.bind(9, now);
    insert_permit.exec();
    insert_permit.reset();
    next.id = ctx.db().getLastInsertRowid();

    auto due_on = next.period.from < earliest_due ? earliest_due : next.period.from;
    bool collect = next.fee_cents > 0;
    insert_charge.bind(1, next.account_id);
    insert_charge.bind(2, next.id);
    insert_charge.bind(3, *d.mandate_id);
    insert_charge.bind(4, next.fee_cents);
    insert_charge.bind(5, due_on.str());
    insert_charge.bind(6, collect ? "open" : "paid");
    insert_charge.bind(7, now);
    insert_charge.exec();
    insert_charge.reset();
    auto charge_id = ctx.db().getLastInsertRowid();
    ++charges_created;

    renewed.push_back(permit_json(next, today));
    audit_pairs.push_back({d.permit.id, next.id, charge_id});
    if (collect)
      prenotifications.push_back({{"charge_id", charge_id},
                                  {"account_id", next.account_id},
                                  {"permit_id", next.id},
                                  {"mandate_reference", d.mandate_reference},
                                  {"iban", masked_iban(d.mandate_iban)},
                                  {"amount_cents", next.fee_cents},
                                  {"due_on", due_on.str()}});
  }

  // One entry per run, like one per imported file: which permit was renewed by which, with
  // which charge, and what could not be renewed.
  if (!audit_pairs.empty() || !not_renewed.empty())
    audit_append(ctx, {"permits.renew", "permits/renewals", nullptr,
                       json{{"due_before", cutoff.str()},
                            {"renewed", audit_pairs},
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
