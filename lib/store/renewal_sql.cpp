#include "store/renewal_sql.hpp"

#include "store/overdue_sql.hpp"

#include "domain/fees.hpp"
#include "domain/permit_period.hpp"
#include "domain/zones.hpp"

#include "store/sql/sqlite_connection.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <string_view>

namespace vrathaus {
namespace {

const RenewalRules& rules_of(sqlite3_context* ctx) { return *static_cast<const RenewalRules*>(sqlite3_user_data(ctx)); }

std::string_view text(sqlite3_value* v) {
  auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p ? std::string_view(p, std::size_t(sqlite3_value_bytes(v))) : std::string_view();
}

void result_text(sqlite3_context* ctx, const std::string& s) {
  sqlite3_result_text(ctx, s.data(), int(s.size()), SQLITE_TRANSIENT);
}

PermitPeriod next_period(sqlite3_context* ctx, sqlite3_value** argv) {
  const auto& r = rules_of(ctx);
  auto from = Date::parse(text(argv[0])).value_or(r.today), until = Date::parse(text(argv[1])).value_or(r.today);
  return renewal_period({from, until}, r.today, r.months);
}

// vr_renewal_from(valid_from, valid_until) and vr_renewal_until(…): the next period.
void renewal_from(sqlite3_context* ctx, int, sqlite3_value** argv) { result_text(ctx, next_period(ctx, argv).from.str()); }
void renewal_until(sqlite3_context* ctx, int, sqlite3_value** argv) { result_text(ctx, next_period(ctx, argv).until.str()); }

// vr_renewal_fee(first_day): the fee in force then, NULL when none.
void renewal_fee(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto day = Date::parse(text(argv[0]));
  auto fee = day ? fee_in_force(rules_of(ctx).fees, *day) : std::nullopt;
  if (fee) sqlite3_result_int64(ctx, *fee);
  else sqlite3_result_null(ctx);
}

// vr_renewal_obstacle(account_id, account_status, account_tier, street, zone, mandate_id, first_day):
// why the permit cannot be renewed, NULL when it can.
void renewal_obstacle(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto& r = rules_of(ctx);
  auto account = sqlite3_value_int64(argv[0]);
  auto status = text(argv[1]), tier = text(argv[2]), zone = text(argv[4]);
  std::string why;
  if (status != "active") {
    why = fmt::format("account {} is {}", account, status);
  } else if (tier != "private") {
    why = fmt::format("account {} is no longer a private account ({})", account, tier);
  } else if (auto streets = r.zone_streets.find(std::string(zone)); streets == r.zone_streets.end()) {
    why = fmt::format("zone {} no longer exists", zone);
  } else if (sqlite3_value_type(argv[3]) == SQLITE_NULL || !streets->second.contains(street_key(text(argv[3])))) {
    why = fmt::format("the address of account {} is no longer in zone {}", account, zone);
  } else if (sqlite3_value_type(argv[5]) == SQLITE_NULL) {
    why = fmt::format("account {} has no usable SEPA mandate (revoked, lapsed or none)", account);
  } else if (auto day = Date::parse(text(argv[6])); !day || !fee_in_force(r.fees, *day)) {
    why = fmt::format("no permit fee is in force on {} (city.permits.fees)", text(argv[6]));
  }
  if (why.empty()) sqlite3_result_null(ctx);
  else result_text(ctx, why);
}

// Registers the functions with `rules` for one run and removes them afterwards, so no statement
// can reach the rules once they are gone.
class ScopedFunctions {
public:
  // The rules run as SQLite functions: this set-based renewal is the SQLite engine's.
  ScopedFunctions(sql::Connection& db, const RenewalRules& rules) : db_(sql::sqlite_of(db, "permits renew")) {
    auto* app = const_cast<RenewalRules*>(&rules);
    db_.createFunction("vr_renewal_from", 2, true, app, renewal_from);
    db_.createFunction("vr_renewal_until", 2, true, app, renewal_until);
    db_.createFunction("vr_renewal_fee", 1, true, app, renewal_fee);
    db_.createFunction("vr_renewal_obstacle", 7, true, app, renewal_obstacle);
  }
  ~ScopedFunctions() {
    for (auto [name, args] : {std::pair{"vr_renewal_from", 2}, std::pair{"vr_renewal_until", 2}, std::pair{"vr_renewal_fee", 1},
                              std::pair{"vr_renewal_obstacle", 7}})
      sqlite3_create_function_v2(db_.getHandle(), name, args, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
  }
  ScopedFunctions(const ScopedFunctions&) = delete;
  ScopedFunctions& operator=(const ScopedFunctions&) = delete;

private:
  SQLite::Database& db_;
};

}  // namespace

void run_renewal_sql(sql::Connection& db, const RenewalRules& rules, const std::function<void(RenewedRow&)>& renewed,
                     const std::function<void(const NotRenewedRow&)>& not_renewed) {
  ScopedFunctions functions(db, rules);
  db.exec("CREATE TEMP TABLE IF NOT EXISTS renewal_due (seq INTEGER PRIMARY KEY, permit_id INTEGER NOT NULL UNIQUE,"
          " account_id INTEGER NOT NULL, mandate_id INTEGER, reason TEXT, valid_from TEXT, valid_until TEXT, fee_cents INTEGER)");
  db.exec("DELETE FROM temp.renewal_due");

  // 1. The due permits, each with its decision: started, not yet renewed, auto-renew, ending
  //    before the cut-off; the mandate charges would use is the most recently signed usable one.
  sql::Statement due(
      db,
      "WITH due AS MATERIALIZED ("  // each domain function runs once per permit
      "  SELECT p.id, p.account_id, p.zone, p.valid_from, p.valid_until, a.status AS a_status, a.tier AS a_tier,"
      "         a.street AS a_street, vr_renewal_from(p.valid_from, p.valid_until) AS next_from,"
      "         vr_renewal_until(p.valid_from, p.valid_until) AS next_until,"
      "         (SELECT u.id FROM mandates u WHERE u.account_id = p.account_id AND " +
      usable_mandate_sql("u") + " ORDER BY u.signed_on DESC, u.id DESC LIMIT 1)"
      "           AS mandate_id"
      "    FROM permits p JOIN accounts a ON a.id = p.account_id"
      "   WHERE p.status = 'active' AND p.auto_renew = 1 AND p.valid_until < :cutoff AND p.valid_from <= :today"
      "     AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id))"
      " INSERT INTO temp.renewal_due(permit_id, account_id, mandate_id, reason, valid_from, valid_until, fee_cents)"
      " SELECT id, account_id, mandate_id, vr_renewal_obstacle(account_id, a_status, a_tier, a_street, zone, mandate_id, next_from),"
      "        next_from, next_until, vr_renewal_fee(next_from)"
      "   FROM due ORDER BY valid_until, id");
  due.bind(":today", rules.today.str());
  due.bind(":cutoff", rules.cutoff.str());
  bind_usable_mandate(due, rules.today);
  due.exec();

  // 1b. A permit whose charge (or the charge it was re-presented or charged a fee for) is overdue is
  //     not renewed: the city would otherwise keep issuing permits nobody pays for.
  //     The UPDATE leaves reason NULL where no charge is overdue.
  sql::Statement unpaid(
      db, std::string("UPDATE temp.renewal_due SET reason = (SELECT 'charge ' || c.id || ' is unpaid since ' || ") +
              kOverdueSince + " || CASE WHEN c.return_reason IS NULL THEN '' ELSE ' (returned: ' || c.return_reason || ')' END"
              " || ': settle it (charges mark-paid) before the permit is renewed'"
              " FROM charges p JOIN charges c ON (c.id = p.id OR c.origin = p.id)"
              " WHERE p.permit_id = renewal_due.permit_id AND p.kind = 'permit' AND " + kOverdueCharge +
              " ORDER BY c.id LIMIT 1) WHERE reason IS NULL");
  unpaid.bind(":today", rules.today.str());
  unpaid.bind(":grace", rules.unpaid_grace_days);
  bind_usable_mandate(unpaid, rules.today);
  unpaid.exec();

  // 2. The new periods, then one charge each (due after the pre-notification period, and not
  //    before the period starts).
  sql::Statement permits(
      db,
      "INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, renewed_from,"
      " created_by, created_at, updated_at)"
      " SELECT p.account_id, p.plate, p.zone, d.valid_from, d.valid_until, 'active', 1, d.fee_cents, p.id, :actor, :now, :now"
      "   FROM temp.renewal_due d JOIN permits p ON p.id = d.permit_id WHERE d.reason IS NULL ORDER BY d.seq");
  permits.bind(":actor", rules.actor);
  permits.bind(":now", rules.now);
  permits.exec();
  sql::Statement charges(
      db,
      "INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at)"
      " SELECT n.account_id, n.id, d.mandate_id, n.fee_cents, max(n.valid_from, :earliest),"
      "        CASE WHEN n.fee_cents > 0 THEN 'open' ELSE 'paid' END, :now"
      "   FROM temp.renewal_due d JOIN permits n ON n.renewed_from = d.permit_id WHERE d.reason IS NULL ORDER BY d.seq");
  charges.bind(":earliest", rules.earliest_due.str());
  charges.bind(":now", rules.now);
  charges.exec();

  // 3. What happened, for the report.
  sql::Statement done(
      db,
      "SELECT n.id, n.account_id, n.fee_cents, n.renewed_from, c.id, n.plate, n.zone, n.valid_from, n.valid_until,"
      "       m.reference, m.iban, c.due_on, c.status = 'open'"
      "  FROM temp.renewal_due d JOIN permits n ON n.renewed_from = d.permit_id JOIN charges c ON c.permit_id = n.id"
      "  JOIN mandates m ON m.id = c.mandate_id WHERE d.reason IS NULL ORDER BY d.seq");
  RenewedRow row;
  while (done.executeStep()) {
    row.id = done.getColumn(0).getInt64();
    row.account_id = done.getColumn(1).getInt64();
    row.fee_cents = done.getColumn(2).getInt64();
    row.renewed_from = done.getColumn(3).getInt64();
    row.charge_id = done.getColumn(4).getInt64();
    row.plate = done.getColumn(5).getString();
    row.zone = done.getColumn(6).getString();
    row.valid_from = done.getColumn(7).getString();
    row.valid_until = done.getColumn(8).getString();
    row.mandate_reference = done.getColumn(9).getString();
    row.mandate_iban = done.getColumn(10).getString();
    row.due_on = done.getColumn(11).getString();
    row.collect = done.getColumn(12).getInt() != 0;
    renewed(row);
  }
  sql::Statement refused(db, "SELECT permit_id, account_id, reason FROM temp.renewal_due WHERE reason IS NOT NULL ORDER BY seq");
  while (refused.executeStep())
    not_renewed({refused.getColumn(0).getInt64(), refused.getColumn(1).getInt64(), refused.getColumn(2).getString()});
  db.exec("DELETE FROM temp.renewal_due");
}

}  // namespace vrathaus
