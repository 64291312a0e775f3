#pragma once
// Who may run an operation: declared once, in the operation's table entry (Operation::access),
// checked in one place (check_access, called by execute() before the service runs, for the local
// backend and the server alike) and published from the same declaration (the OpenAPI extension
// x-vrathaus-access, docs/authorisation.md). Services keep only the rules that depend on data:
// certified and present on that day, not one's own account, four-eyes.
#include "domain/role.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vrathaus {

struct Operation;

// The sets of roles the declarations share.
inline constexpr RoleSet kCounterStaff{Role::clerk, Role::supervisor, Role::admin};  // serve citizens at the counter
inline constexpr RoleSet kCaseReaders = kCounterStaff | RoleSet{Role::auditor};     // read citizens' personal data
inline constexpr RoleSet kManagers{Role::supervisor, Role::admin};
inline constexpr RoleSet kAdmins{Role::admin};
inline constexpr RoleSet kAuditReaders{Role::auditor, Role::supervisor, Role::admin};
inline constexpr RoleSet kEveryRole = kCaseReaders | RoleSet{Role::importer, Role::portal};

// When a grant applies, decided on the call's parameters alone (never on stored data).
enum class Condition {
  always,
  own_record,  // `param` names the acting staff member's own record
  param_is,      // `param` equals `value`
  param_is_not,  // `param` is absent or other than `value`
  flag_unset,  // `param` is not set (a flag left false)
  login,       // `param` is a login (e-mail), not a numeric id: one account looked up by login
};

struct Grant {
  RoleSet roles;
  Condition when = Condition::always;
  std::string param{};
  std::string value{};
  bool local_admin = true;  // the trusted local administrator (local mode without --as) may use it
};

// Any identity acting on its own staff record, named by the parameter "id".
inline Grant own_staff_record() { return {.roles = kEveryRole, .when = Condition::own_record, .param = "id"}; }

struct Access {
  std::vector<Grant> grants{};   // the operation may run when any grant applies to the actor
  bool read_only_token = false;  // a read-only token may run it (only reads may declare so)
  std::string certification{};   // to be held on the day whatever the data (none so far)
  std::string note{};            // what the service still checks on the data, for the published matrix
};

// Throws forbidden (exit 6, HTTP 403) unless the declaration lets the actor run the operation
// with these parameters. A required certification is looked up in the store (ctx).
void check_access(const Operation& op, Context& ctx, const nlohmann::json& params);

// Whether the declaration alone lets the actor run it (no certification lookup).
bool declared_allowed(const Access& access, const Actor& actor, const nlohmann::json& params);

// The declaration as data, for the OpenAPI extension and the published matrix.
nlohmann::json access_json(const Operation& op);

// Throws internal when a declaration contradicts itself (a write open to read-only tokens, a
// condition without its parameter, no grant at all); run when the table is built.
void check_declaration(const Operation& op);

}  // namespace vrathaus
