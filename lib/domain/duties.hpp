#pragma once
// Separation of duties: the pure rules that keep one person from holding both ends of a
// trusted act (granting themselves rights, verifying their own identity, confirming their own
// work). No I/O here; the services ask these questions with the data they loaded.
#include "core/date.hpp"
#include "domain/account.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace vrathaus {

// How long a staff member who changed an account's identity fields may not upgrade it: long
// enough that renaming an account, upgrading it and renaming it back is not one afternoon's work.
inline constexpr long kIdentityChangeCoolingDays = 30;

// The service identities' roles: machines, not people. They are never combined with a human
// role on one staff record, or a person could act with a machine's powers (online-ID upgrades).
bool is_service_role(std::string_view role);

// Why this set of roles mixes a service role with a human role, or nullopt when it does not.
std::optional<std::string> mixed_roles_reason(const std::set<std::string>& roles);

// Whether `staff` changed the account's identity fields within the cooling period before `today`.
bool changed_identity_recently(const Account& account, const std::string& staff, const Date& today);

// Whether a person account is the staff member's own person: same birth date and the account's
// German-folded given and family names both among the words of the folded staff name
// ("Kruse, Sabine" and "Sabine Maria Kruse" are Sabine Kruse born on that day).
bool is_same_person(const Account& account, std::string_view staff_name, const std::optional<std::string>& staff_birth_date);

// Whether an absence starting on `from` has begun by `today` (it covers today or a past day):
// then it is a record of fact, no longer a plan its owner may withdraw.
inline bool absence_has_begun(const Date& from, const Date& today) { return from <= today; }

}  // namespace vrathaus
