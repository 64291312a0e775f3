#include "domain/role.hpp"

namespace vrathaus {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::clerk: return "clerk";
    case Role::supervisor: return "supervisor";
    case Role::admin: return "admin";
    case Role::auditor: return "auditor";
    case Role::importer: return "importer";
    case Role::portal: return "portal";
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kAllRoles)
    if (role_name(r) == name) return r;
  return std::nullopt;
}

bool is_service_role(Role role) { return role == Role::importer || role == Role::portal; }

}  // namespace vrathaus
