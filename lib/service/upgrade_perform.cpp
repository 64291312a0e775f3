// Performing an upgrade: the document check at an office counter, or the eID online function
// through the portal. The order of the checks is deliberate: who acts (exit 6) before what is
// acted on (3, 4), before the evidence (5), so a refusal names the most fundamental problem.
#include "service/upgrades.hpp"

#include "core/error.hpp"
#include "domain/validate.hpp"
#include "service/accounts.hpp"
#include "service/acting_staff.hpp"
#include "service/appointment_keeping.hpp"
#include "service/audit.hpp"
#include "service/document_key.hpp"
#include "service/offices.hpp"
#include "service/own_accounts.hpp"
#include "service/staff.hpp"
#include "store/account_rows.hpp"
#include "store/upgrade_rows.hpp"

#include <fmt/ranges.h>

namespace vrathaus {
namespace {

using nlohmann::json;

void check_account_can_reach(const Account& account, const std::string& tier) {
  if (account.status != "active")
    fail(ErrorKind::conflict, "account {} is {}: only active accounts are upgraded", account.id, account.status);
  if (tier_rank(tier) <= tier_rank(account.tier))
    fail(ErrorKind::conflict, "account {} is {} already: an upgrade must reach a higher tier", account.id, account.tier);
}

// What the identity check verifies must be on the account before it is locked.
void check_account_fields(const Account& account, const std::string& tier) {
  if (tier == "private") {
    if (account.is_organisation())
      fail(ErrorKind::conflict, "account {} is an organisation: a private account is a person's", account.id);
    for (auto [field, value] : {std::pair{"given_name", &account.given_name}, std::pair{"family_name", &account.family_name},
                                std::pair{"birth_date", &account.birth_date}})
      if (!*value)
        fail(ErrorKind::conflict, "account {} has no {}: record it (accounts update) before the identity check", account.id, field);
  }
  if (tier == "business" && !account.is_organisation())
    fail(ErrorKind::conflict, "account {} is a person's: a business account needs the company name first", account.id);
}

// The pending request this performs, if any; one for another tier must be rejected first.
std::optional<Upgrade> matching_request(Context& ctx, const Account& account, const std::string& tier) {
  auto pending = pending_upgrade(ctx.db(), account.id);
  if (pending && pending->to_tier != tier)
    fail(ErrorKind::conflict, "account {} has a pending request for {} (upgrade {}): perform that or reject it first",
         account.id, pending->to_tier, pending->id);
  return pending;
}

void refuse_given(const std::optional<std::string>& value, const char* field, const char* method) {
  if (value) fail_field(field, "is not used with --method {}", method);
}

// The upgrade as recorded (its JSON carries no hashes), without the empty fields.
json recorded_upgrade(const Upgrade& u) {
  json upgrade = json::object(), recorded = u;
  for (auto& [key, value] : recorded.items())
    if (!value.is_null()) upgrade[key] = value;
  return upgrade;
}

// An account has at most one upgrade awaiting its second staff member; one whose day has passed
// is marked expired first, so it no longer stands in the way.
void refuse_awaiting(Context& ctx, const Account& account) {
  expire_lapsed_upgrades(ctx.db(), ctx.today().str());
  if (auto waiting = awaiting_upgrade(ctx.db(), account.id))
    fail(ErrorKind::conflict, "account {} has upgrade {} awaiting confirmation by {} today: confirm or reject that first",
         account.id, waiting->id, waiting->second_staff.value_or("?"));
}

// Four-eyes: the first staff member's part is recorded, the account stays as it is until the
// second staff member confirms with their own identity the same day (confirm_upgrade).
UpgradeDone await_confirmation(Context& ctx, const Account& account, Upgrade u, std::optional<Upgrade> request,
                               std::vector<std::string> warnings, json audit_extra) {
  auto now = ctx.now();
  u.account_id = account.id;
  u.from_tier = account.tier;
  u.status = "awaiting-confirmation";
  u.awaiting_until = ctx.today().str();
  if (request) {
    u.id = request->id;
    u.requested_at = request->requested_at;
    u.requested_by = request->requested_by;
    update_upgrade(ctx.db(), u);
  } else {
    u.requested_at = now;
    u.requested_by = ctx.actor.id;
    u.id = insert_upgrade(ctx.db(), u);
  }
  json after{{"upgrade", recorded_upgrade(u)}};
  for (auto& [key, value] : audit_extra.items()) after[key] = value;
  audit_append(ctx, {"upgrades.perform", account_object(account.id), nullptr, after, ""});
  warnings.push_back(fmt::format("upgrade {} awaits confirmation by {} today (vrathaus upgrades confirm {}); the account "
                                 "stays {} until then",
                                 u.id, u.second_staff.value_or("?"), u.id, account.tier));
  return {u, std::move(warnings), std::nullopt};
}

// Writes the upgrade and the verified account, and audits both in one entry.
UpgradeDone complete(Context& ctx, Account account, Upgrade u, std::optional<Upgrade> request,
                     std::vector<std::string> warnings, json audit_extra, const char* action = "upgrades.perform") {
  auto now = ctx.now();
  u.account_id = account.id;
  u.from_tier = account.tier;
  u.status = "performed";
  u.decided_at = now;
  if (request) {
    u.id = request->id;
    u.requested_at = request->requested_at;
    u.requested_by = request->requested_by;
    update_upgrade(ctx.db(), u);
  } else {
    u.requested_at = now;  // acting directly at the counter: requested and decided at once
    u.requested_by = ctx.actor.id;
    u.id = insert_upgrade(ctx.db(), u);
  }

  auto before = account;
  account.tier = u.to_tier;
  if (u.register_court) account.register_court = u.register_court;
  if (u.register_no) account.register_no = u.register_no;
  account.verified_at = now;
  account.verified_by = u.staff;
  account.verification_method = u.method;
  account.verified_office = u.office;
  account.assurance = assurance_for(*u.method);
  account.updated_at = now;
  update_account_row(ctx.db(), account);

  json b = json::object(), a = json::object(), jb = before, ja = account;
  for (auto& [key, value] : ja.items()) {
    if (key == "updated_at" || key == "version" || jb[key] == value) continue;
    b[key] = jb[key];
    a[key] = value;
  }
  a["upgrade"] = recorded_upgrade(u);
  for (auto& [key, value] : audit_extra.items()) a[key] = value;
  audit_append(ctx, {action, account_object(account.id), b, a, ""});
  return {u, std::move(warnings), std::nullopt};
}

// Staff help out at other offices (that is what the coverage rule is for), so an upgrade recorded
// at an office that is not the clerk's own is allowed; but a mistyped --office would put the
// check at the wrong counter unnoticed: it is said, and kept in the upgrade's audit entry.
void warn_other_office(Context& ctx, const std::string& office, std::vector<std::string>& warnings, json& extra) {
  auto staff = load_staff(ctx.db(), ctx.actor.id);
  if (!staff || staff->office.empty() || staff->office == office) return;
  warnings.push_back(fmt::format("the upgrade is recorded at office {}, but {} belongs to office {}: check --office",
                                 office, staff->id, staff->office));
  extra["other_office"] = {{"office", office}, {"staff_office", staff->office}};
}

UpgradeDone perform_in_person(Context& ctx, const PerformUpgrade& in, const std::string& tier) {
  // Who acts: a certified, present clerk — never the anonymous local administrator.
  require_actor_certified(ctx, "identity-check", "perform upgrades");
  if (tier == "authority") require_actor_certified(ctx, "authority-accounts", "perform authority upgrades");

  auto account = find_account(ctx, in.account);
  check_account_can_reach(account, tier);
  check_account_fields(account, tier);
  refuse_own_account(ctx, ctx.actor.id, account, "perform an upgrade");
  refuse_recent_identity_change(ctx, ctx.actor.id, account, "upgrade it");
  refuse_awaiting(ctx, account);
  auto request = matching_request(ctx, account, tier);

  // Four-eyes for authority accounts: a second, different staff member, equally certified, who
  // confirms with their own identity before anything changes (confirm_upgrade).
  std::optional<std::string> second;
  if (tier == "authority") {
    if (!in.second_staff || in.second_staff->empty())
      fail_field("second_staff", "is required for an authority upgrade (four-eyes: a second certified staff member)");
    if (*in.second_staff == ctx.actor.id)
      fail(ErrorKind::forbidden, "four-eyes: the second staff member must be someone other than {}", ctx.actor.id);
    require_staff_certified(ctx, *in.second_staff, "authority-accounts", "the second staff member " + *in.second_staff);
    refuse_own_account(ctx, *in.second_staff, account, "co-sign an upgrade");
    refuse_recent_identity_change(ctx, *in.second_staff, account, "co-sign an upgrade of it");
    second = in.second_staff;
  } else if (in.second_staff) {
    fail_field("second_staff", "is only used for authority upgrades");
  }

  // The evidence: an accepted, unexpired document, the office, register evidence for business.
  if (!in.office) fail_field("office", "is required: the office where the document was checked");
  auto office = find_office(ctx, *in.office).code;
  if (!in.document_type) fail_field("document_type", "is required (id-card, passport or residence-permit)");
  auto doc_type = check_document_type(*in.document_type);
  if (!in.document_number) fail_field("document_number", "is required");
  auto number = normalise_document_number(*in.document_number);
  auto country = check_country_code(in.document_country.value_or("DE"));
  if (!in.document_expiry) fail_field("document_expiry", "is required (YYYY-MM-DD)");
  check_document_not_expired(*in.document_expiry, ctx.today());

  Upgrade u;
  u.to_tier = tier;
  if (tier == "business") {
    auto court = in.register_court ? in.register_court : account.register_court;
    auto reg_no = in.register_no ? in.register_no : account.register_no;
    if (!court) fail_field("register_court", "is required for a business upgrade (register evidence)");
    if (!reg_no) fail_field("register_no", "is required for a business upgrade (register evidence)");
    u.register_court = validate_text(*court, "register_court", 120);
    u.register_no = validate_register_no(*reg_no);
  } else {
    refuse_given(in.register_court, "register_court", "other than a business upgrade");
    refuse_given(in.register_no, "register_no", "other than a business upgrade");
  }

  u.method = "in-person";
  u.office = office;
  u.staff = ctx.actor.id;
  u.second_staff = second;
  u.document_type = doc_type;
  u.document_hash = document_number_hash(document_key(ctx), country, number);
  u.document_expiry = in.document_expiry->str();
  u.document_country = country;

  // Reuse of one document for two accounts is not forbidden (a person may hold a private and an
  // authority account) but the clerk must look twice.
  std::vector<std::string> warnings;
  json extra = json::object();
  if (auto others = accounts_with_document(ctx.db(), *u.document_hash, account.id); !others.empty()) {
    warnings.push_back(fmt::format("this {} was already used to verify account {}: make sure it is the same person",
                                   doc_type, fmt::join(others, ", ")));
    extra["document_also_verified"] = others;
  }
  warn_other_office(ctx, office, warnings, extra);
  auto done = second ? await_confirmation(ctx, account, u, request, std::move(warnings), extra)
                     : complete(ctx, account, u, request, std::move(warnings), extra);
  done.appointment = fulfil_appointment(ctx, account.id, office, done.upgrade.id, in.appointment);
  return done;
}

UpgradeDone perform_online_id(Context& ctx, const PerformUpgrade& in, const std::string& tier) {
  // Only the portal's service identity relays the eID result (declared with upgrades.perform).
  if (tier != "private") fail_field("tier", "an online-ID upgrade reaches private only");
  refuse_given(in.office, "office", "online-id");
  refuse_given(in.document_type, "document_type", "online-id");
  refuse_given(in.document_number, "document_number", "online-id");
  refuse_given(in.document_country, "document_country", "online-id");
  if (in.document_expiry) fail_field("document_expiry", "is not used with --method online-id");
  refuse_given(in.second_staff, "second_staff", "online-id");
  refuse_given(in.register_court, "register_court", "online-id");
  refuse_given(in.register_no, "register_no", "online-id");
  if (!in.eid_pseudonym) fail_field("eid_pseudonym", "is required for an online-ID upgrade");
  auto pseudonym = check_eid_pseudonym(*in.eid_pseudonym);

  auto account = find_account(ctx, in.account);
  check_account_can_reach(account, tier);
  check_account_fields(account, tier);
  auto hash = eid_pseudonym_hash(document_key(ctx), pseudonym);
  if (auto bound = eid_account(ctx.db(), hash); bound && *bound != account.id)
    fail(ErrorKind::conflict, "this eID already verified another account ({}): one eID verifies one account", *bound);
  refuse_awaiting(ctx, account);
  auto request = matching_request(ctx, account, tier);

  Upgrade u;
  u.to_tier = tier;
  u.method = "online-id";
  u.staff = ctx.actor.id;
  u.eid_pseudonym_hash = hash;
  bind_eid(ctx.db(), hash, account.id, ctx.now());
  return complete(ctx, account, u, request, {}, json::object());
}

}  // namespace

UpgradeDone perform_upgrade(Context& ctx, const PerformUpgrade& in) {
  auto method = check_upgrade_method(in.method);
  auto tier = check_upgrade_target(in.tier);
  if (method == "online-id") return perform_online_id(ctx, in, tier);
  return perform_in_person(ctx, in, tier);
}

UpgradeDone confirm_upgrade(Context& ctx, std::int64_t id) {
  auto u = find_upgrade(ctx, id);
  if (u.status != "awaiting-confirmation")
    fail(ErrorKind::conflict, "upgrade {} is {}, not awaiting confirmation{}", u.id, u.status,
         u.status == "expired" ? ": its day has passed; perform it again" : "");
  // The second staff member confirms with their own identity: nobody confirms for them, the
  // first staff member least of all.
  if (!ctx.actor.is_staff || !u.second_staff || ctx.actor.id != *u.second_staff)
    fail(ErrorKind::forbidden, "only {} may confirm upgrade {} (four-eyes: {} performed it); {} may not",
         u.second_staff.value_or("the second staff member"), u.id, u.staff.value_or("?"), ctx.actor.id);
  require_actor_certified(ctx, "authority-accounts", "confirm authority upgrades");

  auto account = find_account(ctx, std::to_string(u.account_id));
  check_account_can_reach(account, u.to_tier);
  check_account_fields(account, u.to_tier);
  refuse_own_account(ctx, ctx.actor.id, account, "confirm an upgrade");
  // Neither of the two may have rewritten the identity in the meantime.
  refuse_recent_identity_change(ctx, ctx.actor.id, account, "confirm an upgrade of it");
  if (u.staff) refuse_recent_identity_change(ctx, *u.staff, account, "have an upgrade of it confirmed");
  u.confirmed_at = ctx.now();
  return complete(ctx, account, u, u, {}, json::object(), "upgrades.confirm");
}

}  // namespace vrathaus
