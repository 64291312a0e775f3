#pragma once
// The audit object a refused operation is recorded under: the same domain object its success
// would name ("account:42", "staff:p.wagner", "token:3f9c…"), so that `audit list --object
// account:42` shows every attempt on account 42, refused ones included.
#include "api/operation.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

// The first "{placeholder}" of the operation's path names the object: "/accounts/{id}/upgrades"
// with id 42 → "account:42", "/payments/exports/{batch}" → "batch:7". An account given by login
// is named by its number when it exists. Paths without a placeholder name their collection
// ("accounts", "permits/renewals").
std::string audit_object_of(Context& ctx, const Operation& op, const nlohmann::json& params);

}  // namespace vrathaus
