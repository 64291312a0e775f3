#pragma once
// Account use cases: create, show, list, search, update, suspend, reactivate, close, export.
#include "domain/account.hpp"
#include "domain/identity_change.hpp"
#include "service/context.hpp"

#include <map>
#include <optional>
#include <string>

namespace vrathaus {

using FieldValues = std::map<std::string, std::string>;  // JSON field name → new value ("" clears)

struct NewAccount {
  std::string login;
  FieldValues fields;
};

struct AccountChange {
  std::string account;  // id or login
  std::optional<std::string> login;
  FieldValues fields;
  std::string reason;
  std::optional<std::int64_t> if_version;  // optimistic lock (If-Match)
  std::optional<std::string> second_staff{};  // authority account's identity fields: who confirms
};

// An update applies at once, except a change of an authority account's identity fields, which
// waits for its second staff member (then `awaiting` says so and `account` is unchanged).
struct AccountUpdated {
  Account account;
  std::optional<IdentityChange> awaiting;
};

struct AccountCreated {
  Account account;
  std::vector<std::string> warnings;
};

// Validates one field by its JSON name and returns the normalised value.
std::string normalise_account_field(const Context& ctx, const std::string& field, const std::string& value);

Account find_account(Context& ctx, const std::string& id_or_login);  // not found → exit 3
AccountCreated create_account(Context& ctx, const NewAccount& input);
// Identity fields (verified_account_fields) of a verified account change only by a staff member
// certified today for what verified it (certification_to_verify of its tier), with a reason;
// whoever changes them is recorded (identity_changed_at/by) and may not upgrade it for 30 days.
AccountUpdated update_account(Context& ctx, const AccountChange& change);
// Writes confirmed identity fields (already normalised), recording who changed them; audited.
Account write_identity_fields(Context& ctx, Account account, const FieldValues& fields, const std::string& reason,
                              const std::string& changed_by);
Account suspend_account(Context& ctx, const std::string& account, const std::string& reason);
Account reactivate_account(Context& ctx, const std::string& account, const std::string& reason);
Account close_account(Context& ctx, const std::string& account, const std::string& reason, bool erase);
// Everything held about one account (GDPR art. 15).
nlohmann::json export_account(Context& ctx, const std::string& account);

// Whether the actor may change a verified account's locked identity fields: an active staff
// member holding `cert` today.
bool may_change_verified_fields(Context& ctx, const std::string& cert);
// Reasons an account's personal data cannot be erased yet (permits, open charges).
std::vector<std::string> erasure_blockers(Context& ctx, std::int64_t account_id);

std::string account_object(std::int64_t id);  // "account:42", the audit object name

}  // namespace vrathaus
