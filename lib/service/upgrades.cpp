#include "service/upgrades.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "service/accounts.hpp"
#include "service/acting_staff.hpp"
#include "service/audit.hpp"
#include "service/own_accounts.hpp"
#include "service/permits.hpp"
#include "store/account_rows.hpp"
#include "store/upgrade_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

void require_reason(const std::string& reason, const std::string& what) {
  if (trim(reason).empty()) fail_field("reason", "is required to {}", what);
}

// After a downgrade the account is verified by its newest upgrade still in force; with none, a
// guest is unverified while a higher tier keeps how it was verified (e.g. by the IT provider).
void reverify_from_history(Context& ctx, Account& account) {
  std::optional<Upgrade> newest;
  for (auto& u : query_upgrades(ctx.db(), {"performed", account.id, 0, std::nullopt, ""})) newest = u;
  if (newest) {
    account.verified_at = newest->decided_at;
    account.verified_by = newest->staff;
    account.verification_method = newest->method;
    account.verified_office = newest->office;
  } else if (account.tier == "guest") {
    account.verified_at = account.verified_by = account.verification_method = account.verified_office = std::nullopt;
  }
  account.assurance = account.tier == "guest" ? "low" : assurance_for(account.verification_method.value_or(""));
}

}  // namespace

Upgrade find_upgrade(Context& ctx, std::int64_t id) {
  auto u = load_upgrade(ctx.db(), id);
  if (!u) fail(ErrorKind::not_found, "no upgrade {}", id);
  if (awaiting_has_lapsed(*u, ctx.today())) u->status = "expired";
  return *u;
}

std::vector<Upgrade> upgrades_as_of_today(Context& ctx, UpgradeQuery query) {
  query.today = ctx.today().str();
  auto rows = query_upgrades(ctx.db(), query);
  for (auto& u : rows)
    if (awaiting_has_lapsed(u, ctx.today())) u.status = "expired";
  return rows;
}

std::vector<Upgrade> upgrades_of_account(Context& ctx, std::int64_t account_id) {
  UpgradeQuery q;
  q.account_id = account_id;
  return upgrades_as_of_today(ctx, q);
}

Upgrade request_upgrade(Context& ctx, const std::string& account_ref, const std::string& tier_in) {
  auto tier = check_upgrade_target(tier_in);
  auto account = find_account(ctx, account_ref);
  if (account.status != "active") fail(ErrorKind::conflict, "account {} is {}: only active accounts are upgraded", account.id, account.status);
  if (tier_rank(tier) <= tier_rank(account.tier))
    fail(ErrorKind::conflict, "account {} is {} already: an upgrade must reach a higher tier than that", account.id, account.tier);
  if (auto pending = pending_upgrade(ctx.db(), account.id))
    fail(ErrorKind::conflict, "account {} has a pending upgrade request already (upgrade {} to {})", account.id,
         pending->id, pending->to_tier);
  expire_lapsed_upgrades(ctx.db(), ctx.today().str());
  if (auto waiting = awaiting_upgrade(ctx.db(), account.id))
    fail(ErrorKind::conflict, "account {} has upgrade {} awaiting confirmation already", account.id, waiting->id);
  Upgrade u;
  u.account_id = account.id;
  u.from_tier = account.tier;
  u.to_tier = tier;
  u.requested_at = ctx.now();
  u.requested_by = ctx.actor.id;
  u.id = insert_upgrade(ctx.db(), u);
  audit_append(ctx, {"upgrades.request", account_object(account.id), nullptr, json(u), ""});
  return u;
}

namespace {

// The second staff member refuses to confirm: the upgrade is closed, the account unchanged.
Upgrade refuse_confirmation(Context& ctx, Upgrade u, const std::string& reason) {
  if (!ctx.actor.is_staff || !u.second_staff || ctx.actor.id != *u.second_staff)
    fail(ErrorKind::forbidden, "only {} may reject upgrade {}, which awaits their confirmation; {} may not",
         u.second_staff.value_or("the second staff member"), u.id, ctx.actor.id);
  require_reason(reason, "reject an upgrade");
  auto before = u.status;
  u.status = "rejected";
  u.decided_at = ctx.now();
  u.reason = trim(reason);
  update_upgrade(ctx.db(), u);
  audit_append(ctx, {"upgrades.reject", account_object(u.account_id), {{"upgrade", u.id}, {"status", before}},
                     {{"upgrade", u.id}, {"status", u.status}, {"rejected_by", ctx.actor.id}}, *u.reason});
  return u;
}

}  // namespace

Upgrade reject_upgrade(Context& ctx, std::int64_t id, const std::string& reason) {
  auto u = find_upgrade(ctx, id);
  if (u.status == "awaiting-confirmation") return refuse_confirmation(ctx, u, reason);
  // A request is decided by a certified staff member, whichever way it goes.
  require_actor_certified(ctx, "identity-check", "reject upgrades");
  require_reason(reason, "reject an upgrade");
  if (u.status != "pending") fail(ErrorKind::conflict, "upgrade {} is {}, not pending", u.id, u.status);
  auto account = find_account(ctx, std::to_string(u.account_id));
  refuse_own_account(ctx, ctx.actor.id, account, "decide on an upgrade");
  auto before = u;
  u.status = "rejected";
  u.staff = ctx.actor.id;
  u.decided_at = ctx.now();
  u.reason = trim(reason);
  update_upgrade(ctx.db(), u);
  audit_append(ctx, {"upgrades.reject", account_object(u.account_id), {{"upgrade", u.id}, {"status", before.status}},
                     {{"upgrade", u.id}, {"status", u.status}}, *u.reason});
  return u;
}

namespace {

// A parking permit needs a private account: one downgraded below it keeps none. Each is ended
// by the ordinary revocation (which also ends a renewal issued in advance and settles charges).
std::vector<std::int64_t> end_permits_below_private(Context& ctx, const Account& account, const std::string& reason) {
  std::vector<std::int64_t> ended;
  if (tier_rank(account.tier) >= tier_rank("private")) return ended;
  auto why = fmt::format("account downgraded to {}: {}", account.tier, reason);
  for (const char* status : {"active", "upcoming"}) {
    PermitListFilter of_account;
    of_account.account = std::to_string(account.id);
    of_account.status = status;
    for (const auto& permit : list_permits(ctx, of_account)) {
      auto id = permit["id"].get<std::int64_t>();
      if (std::find(ended.begin(), ended.end(), id) != ended.end()) continue;  // a renewal ended with its permit
      auto revocation = revoke_permit(ctx, id, why);  // kept: a loop over a temporary's member would dangle
      for (const auto& r : revocation["revoked"]) ended.push_back(r.get<std::int64_t>());
    }
  }
  return ended;
}

}  // namespace

Downgraded downgrade_account(Context& ctx, const std::string& account_ref, const std::string& tier,
                             const std::string& reason) {
  require_reason(reason, "downgrade an account");
  int target = tier_rank(tier);
  auto account = find_account(ctx, account_ref);
  if (account.status == "closed") fail(ErrorKind::conflict, "account {} is closed", account.id);
  if (target >= tier_rank(account.tier))
    fail(ErrorKind::conflict, "account {} is {}: a downgrade must reach a lower tier", account.id, account.tier);

  Downgraded out;
  auto now = ctx.now();
  for (auto& u : query_upgrades(ctx.db(), {"performed", account.id, 0, std::nullopt, ""})) {
    if (tier_rank(u.to_tier) <= target) continue;
    u.status = "revoked";
    u.revoked_at = now;
    u.revoked_by = ctx.actor.id;
    u.reason = trim(reason);
    update_upgrade(ctx.db(), u);
    out.revoked.push_back(u.id);
  }
  auto before = account;
  account.tier = tier;
  reverify_from_history(ctx, account);
  account.updated_at = now;
  update_account_row(ctx.db(), account);
  ++account.version;

  auto verification = [](const Account& x) {
    json j = x;
    return json{{"tier", x.tier}, {"assurance", x.assurance}, {"verified_at", j["verified_at"]},
                {"verified_by", j["verified_by"]}, {"verification_method", j["verification_method"]},
                {"verified_office", j["verified_office"]}};
  };
  json b = verification(before), a = verification(account);
  a["revoked_upgrades"] = out.revoked;
  out.permits_ended = end_permits_below_private(ctx, account, trim(reason));
  if (!out.permits_ended.empty()) a["permits_ended"] = out.permits_ended;
  audit_append(ctx, {"upgrades.downgrade", account_object(account.id), b, a, trim(reason)});
  out.account = account;
  return out;
}

}  // namespace vrathaus
