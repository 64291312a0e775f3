#include "service/accounts.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/folding.hpp"
#include "domain/validate.hpp"
#include "service/appointments.hpp"
#include "service/audit.hpp"
#include "service/permits.hpp"
#include "service/presence.hpp"
#include "service/staff.hpp"
#include "service/identity_changes.hpp"
#include "service/upgrades.hpp"
#include "store/account_rows.hpp"
#include "store/upgrade_rows.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

namespace vrathaus {
namespace {

using nlohmann::json;

bool is_locked_field(const std::string& field) {
  const auto& locked = verified_account_fields();
  return std::find(locked.begin(), locked.end(), field) != locked.end();
}

void require_reason(const std::string& reason, const std::string& what) {
  if (trim(reason).empty()) fail_field("reason", "is required to {}", what);
}

// Only the fields that differ, as {"before": {...}, "after": {...}}, so audit entries stay small.
std::pair<json, json> diff(const Account& before, const Account& after) {
  json b = before, a = after, db = json::object(), da = json::object();
  for (auto& [key, value] : a.items()) {
    if (key == "updated_at" || key == "version") continue;
    if (b[key] != value) db[key] = b[key], da[key] = value;
  }
  return {db, da};
}

void check_person_or_organisation(const Account& a) {
  bool person = a.given_name || a.family_name;
  if (person && a.company_name) fail_field("company_name", "an account is a person or an organisation, not both");
  if (!person && !a.company_name)
    fail_field("family_name", "an account needs given and family name, or a company name");
  if (person && (!a.given_name || !a.family_name)) fail_field(a.given_name ? "family_name" : "given_name", "is required");
}

Account& save(Context& ctx, Account& a) {
  a.updated_at = ctx.now();
  update_account_row(ctx.db(), a);
  ++a.version;
  return a;
}

Account change_status(Context& ctx, const std::string& id, const std::string& reason, const std::string& action,
                      const std::string& from, const std::string& to) {
  require_reason(reason, action + " an account");
  auto account = find_account(ctx, id);
  if (account.status != from) fail(ErrorKind::conflict, "account {} is {}, not {}", account.id, account.status, from);
  auto before = account;
  account.status = to;
  save(ctx, account);
  auto [b, a] = diff(before, account);
  audit_append(ctx, {"accounts." + action, account_object(account.id), b, a, reason});
  return account;
}

}  // namespace

std::string account_object(std::int64_t id) { return "account:" + std::to_string(id); }

std::string normalise_account_field(const Context& ctx, const std::string& field, const std::string& value) {
  if (field == "birth_date") return validate_birth_date(value, ctx.today(), field).str();
  if (field == "postal_code") return validate_postal_code(value, field);
  if (field == "house_no") return validate_house_no(value, field);
  if (field == "phone") return validate_phone(value, field);
  if (field == "register_no") return validate_register_no(value, field);
  if (field == "vat_id") return validate_vat_id(value, field);
  if (field == "login") return validate_email(value, field);
  const auto& editable = editable_account_fields();
  if (std::find(editable.begin(), editable.end(), field) == editable.end() && field != "customer_no")
    fail_field(field, "is not an account field");
  return validate_text(value, field, 200);
}

Account find_account(Context& ctx, const std::string& id_or_login) {
  std::optional<Account> found;
  if (is_account_id(id_or_login))
    found = load_account(ctx.db(), std::stoll(id_or_login));
  else
    found = load_account_by_login(ctx.db(), id_or_login);
  // Business customers are known by their customer number (SH-0000002) at the counter.
  if (!found) found = load_account_by_customer_no(ctx.db(), to_upper_ascii(trim(id_or_login)));
  if (!found) fail(ErrorKind::not_found, "no account {} (by number, login or customer number)", id_or_login);
  return *found;
}

AccountCreated create_account(Context& ctx, const NewAccount& input) {
  Account a;
  a.login = validate_email(input.login, "login");
  for (const auto& [field, value] : input.fields) {
    if (value.empty()) continue;
    auto* slot = account_field(a, field);
    if (!slot || field == "customer_no") fail_field(field, "is not an account field");
    *slot = normalise_account_field(ctx, field, value);
  }
  check_person_or_organisation(a);
  if (load_account_by_login(ctx.db(), a.login)) fail(ErrorKind::conflict, "the login {} exists already", a.login);

  AccountCreated result;
  if (a.birth_date)
    for (auto other : find_same_person(ctx.db(), a.folded_name(), *a.birth_date, 0))
      result.warnings.push_back(fmt::format("account {} has the same name and birth date: is this the same person?", other));
  a.created_at = a.updated_at = ctx.now();
  a.id = insert_account(ctx.db(), a);
  audit_append(ctx, {"accounts.create", account_object(a.id), nullptr, json(a), ""});
  result.account = a;
  return result;
}

bool may_change_verified_fields(Context& ctx, const std::string& cert) {
  // Verified identity data is what a certified clerk checked against a document: only a staff
  // member certified for that check today may change it (not the anonymous local administrator).
  // Absence is not checked here: correcting a record is not an act at the counter.
  if (!ctx.actor.is_staff) return false;
  auto member = load_staff(ctx.db(), ctx.actor.id);
  return member && member->active && holds_certification(ctx, ctx.actor.id, cert, ctx.today());
}

AccountUpdated update_account(Context& ctx, const AccountChange& change) {
  auto account = find_account(ctx, change.account);
  if (change.if_version && *change.if_version != account.version)
    fail(ErrorKind::stale, "account {} was changed meanwhile (version {}, you edited {}): show it again and retry",
         account.id, account.version, *change.if_version);
  if (account.status == "closed") fail(ErrorKind::conflict, "account {} is closed", account.id);
  auto before = account;
  if (change.login) {
    auto login = validate_email(*change.login, "login");
    auto other = load_account_by_login(ctx.db(), login);
    if (other && other->id != account.id) fail(ErrorKind::conflict, "the login {} exists already", login);
    account.login = login;
  }
  for (const auto& [field, value] : change.fields) {
    auto* slot = account_field(account, field);
    if (!slot || field == "customer_no") fail_field(field, "is not an account field");
    *slot = value.empty() ? std::nullopt : std::optional(normalise_account_field(ctx, field, value));
  }
  auto [b, a] = diff(before, account);
  if (a.empty()) return {account, std::nullopt};  // nothing changes: no write, no audit entry
  FieldValues identity;
  for (auto& [field, value] : a.items())
    if (is_locked_field(field)) identity[field] = value.is_null() ? "" : value.get<std::string>();
  if (identity.empty()) {
    if (change.second_staff) fail_field("second_staff", "is only used to change an authority account's identity fields");
    check_person_or_organisation(account);
    save(ctx, account);
    audit_append(ctx, {"accounts.update", account_object(account.id), b, a, change.reason});
    return {account, std::nullopt};
  }

  if (account.verified_at) {
    const std::string cert = certification_to_verify(account.tier);
    if (!may_change_verified_fields(ctx, cert))
      fail(ErrorKind::forbidden,
           "{} of account {} ({}) is verified: only a staff member certified for {} today may change it",
           identity.begin()->first, account.id, account.tier, cert);
    require_reason(change.reason, "change verified data");
  }
  // An upgrade awaiting its second staff member verifies the identity as it was performed.
  if (auto waiting = awaiting_upgrade(ctx.db(), account.id); waiting && !awaiting_has_lapsed(*waiting, ctx.today()))
    fail(ErrorKind::conflict, "account {} has upgrade {} awaiting confirmation: its identity fields stay until that is decided",
         account.id, waiting->id);
  check_person_or_organisation(account);
  if (account.tier == "authority") {
    if (identity.size() != a.size())
      fail_field("second_staff", "an authority account's identity fields change on their own (they need a second "
                                 "staff member's confirmation); change the other fields separately");
    return {before, request_identity_change(ctx, before, identity, change.reason, change.second_staff.value_or(""))};
  }
  if (change.second_staff) fail_field("second_staff", "is only used to change an authority account's identity fields");
  account.identity_changed_at = ctx.now();
  account.identity_changed_by = ctx.actor.id;
  save(ctx, account);
  auto [bi, ai] = diff(before, account);
  audit_append(ctx, {"accounts.update", account_object(account.id), bi, ai, change.reason});
  return {account, std::nullopt};
}

Account write_identity_fields(Context& ctx, Account account, const FieldValues& fields, const std::string& reason,
                              const std::string& changed_by) {
  auto before = account;
  for (const auto& [field, value] : fields) {
    auto* slot = account_field(account, field);
    if (!slot || !is_locked_field(field)) fail_field(field, "is not an identity field");
    *slot = value.empty() ? std::nullopt : std::optional(value);
  }
  check_person_or_organisation(account);
  account.identity_changed_at = ctx.now();
  account.identity_changed_by = changed_by;
  save(ctx, account);
  auto [b, a] = diff(before, account);
  audit_append(ctx, {"accounts.update", account_object(account.id), b, a, reason});
  return account;
}

Account suspend_account(Context& ctx, const std::string& account, const std::string& reason) {
  return change_status(ctx, account, reason, "suspend", "active", "suspended");
}

Account reactivate_account(Context& ctx, const std::string& account, const std::string& reason) {
  return change_status(ctx, account, reason, "reactivate", "suspended", "active");
}

std::vector<std::string> erasure_blockers(Context& ctx, std::int64_t account_id) {
  std::vector<std::string> blockers;
  if (auto n = count_active_permits(ctx.db(), account_id, ctx.today().str()))
    blockers.push_back(fmt::format("{} active parking permit(s)", n));
  if (auto n = count_open_charges(ctx.db(), account_id)) blockers.push_back(fmt::format("{} open charge(s)", n));
  return blockers;
}

Account close_account(Context& ctx, const std::string& id, const std::string& reason, bool erase) {
  require_reason(reason, "close an account");
  auto account = find_account(ctx, id);
  if (account.status == "closed" && (!erase || account.erased_at))
    fail(ErrorKind::conflict, "account {} is closed already", account.id);
  auto before = account;
  account.status = "closed";
  if (erase) {
    auto blockers = erasure_blockers(ctx, account.id);
    if (!blockers.empty())
      fail(ErrorKind::conflict, "account {} cannot be erased yet: {}", account.id, fmt::join(blockers, ", "));
    for (const auto& field : editable_account_fields()) *account_field(account, field) = std::nullopt;
    account.login = "erased-" + std::to_string(account.id) + "@erased.invalid";
    account.erased_at = ctx.now();
    erase_upgrade_evidence(ctx.db(), account.id);
  }
  save(ctx, account);
  // The audit entry records which fields were erased, never their values (GDPR art. 17).
  json b{{"status", before.status}}, a{{"status", account.status}};
  if (erase) a["erased_fields"] = editable_account_fields(), a["erased_at"] = *account.erased_at;
  audit_append(ctx, {erase ? "accounts.erase" : "accounts.close", account_object(account.id), b, a, reason});
  // Nobody is to be served for a closed account: its open appointments free their slots.
  cancel_open_appointments_of(ctx, account.id, "account closed");
  return account;
}

nlohmann::json export_account(Context& ctx, const std::string& id) {
  auto account = find_account(ctx, id);
  AuditFilter filter;
  filter.object = account_object(account.id);
  json upgrades = json::array();
  for (const auto& u : upgrades_of_account(ctx, account.id)) upgrades.push_back(u);
  json out{{"account", account}, {"upgrades", upgrades}, {"audit", audit_list(ctx, filter)}, {"exported_at", ctx.now()}};
  out.update(account_permit_data(ctx, account.id));  // permits, mandates, charges
  return out;
}

}  // namespace vrathaus
