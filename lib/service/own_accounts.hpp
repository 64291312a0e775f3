#pragma once
// Staff members' own portal accounts. Nobody performs (or decides on) an upgrade of their own
// account; an account counts as a staff member's own when
//  - it is linked to the staff record (`vrathaus staff link-account`), the authoritative way, or
//  - it is a person account whose German-folded name equals the staff member's folded name
//    ("Sabine Kruse" = "SABINE KRUSE"), a safety net for links nobody made. A namesake is then
//    served by a colleague; the refusal says why;
//  - or it carries the staff record's birth date and its given and family names are among the
//    words of the staff member's folded name ("Kruse, Sabine Maria").
#include "domain/account.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

// Why `account` is the staff member's own, or nullopt.
std::optional<std::string> own_account_reason(Context& ctx, const std::string& staff, const Account& account);

// Throws forbidden (exit 6) when the account is the staff member's own.
void refuse_own_account(Context& ctx, const std::string& staff, const Account& account, const std::string& action);

// The same for the acting staff member and an account named by its number: nobody settles,
// cancels or refunds a charge of their own account (a clerk marking their own permit paid in cash).
// A service identity or the local administrator has no own account.
void refuse_acting_on_own_account(Context& ctx, std::int64_t account_id, const std::string& action);

// Throws forbidden (exit 6) when the staff member changed the account's identity fields within
// the last 30 days: renaming an account to someone else's name, upgrading it and renaming it
// back would otherwise verify one's own person.
void refuse_recent_identity_change(Context& ctx, const std::string& staff, const Account& account, const std::string& action);

// Each returns {"staff": id, "accounts": [ids]}. Anyone may declare their own account; linking
// others' and unlinking (with a reason, never one's own) need supervisor or admin. Audited.
nlohmann::json link_own_account(Context& ctx, const std::string& staff, const std::string& account);
nlohmann::json unlink_own_account(Context& ctx, const std::string& staff, const std::string& account,
                                  const std::string& reason);
nlohmann::json own_accounts(Context& ctx, const std::string& staff);

}  // namespace vrathaus
