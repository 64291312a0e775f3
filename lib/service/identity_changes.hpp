#pragma once
// Changing an authority account's identity fields takes two people, like the upgrade that
// verified them: the first staff member requests the change naming the second, who confirms it
// with their own identity the same day; only then does the account change.
#include "domain/account.hpp"
#include "domain/identity_change.hpp"
#include "service/context.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

// Records the change awaiting confirmation (fields already normalised); audited. The second staff
// member must be someone else, holding authority-accounts today.
IdentityChange request_identity_change(Context& ctx, const Account& account, const std::map<std::string, std::string>& fields,
                                       const std::string& reason, const std::string& second_staff);
// The second staff member confirms (certified and present today) and the account changes.
IdentityChange confirm_identity_change(Context& ctx, std::int64_t id);
// The second staff member refuses, with a reason; nothing changes.
IdentityChange reject_identity_change(Context& ctx, std::int64_t id, const std::string& reason);

// As of today: a change whose day has passed unconfirmed reads as expired.
IdentityChange find_identity_change(Context& ctx, std::int64_t id);  // not found → exit 3
std::vector<IdentityChange> list_identity_changes(Context& ctx, std::optional<std::int64_t> account_id,
                                                  const std::string& status);

}  // namespace vrathaus
