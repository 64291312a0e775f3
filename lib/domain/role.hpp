#pragma once
// The roles a staff record or service identity holds. The one place where a role's name is spelled:
// everything else names a role by this enum.
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace vrathaus {

enum class Role { clerk, supervisor, admin, auditor, importer, portal };

inline constexpr std::array<Role, 6> kAllRoles{Role::clerk,   Role::supervisor, Role::admin,
                                               Role::auditor, Role::importer,   Role::portal};

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);  // nullopt for a name that is no role
// A machine's identity (the portal, the IT provider's importer), never a person's.
bool is_service_role(Role role);

// A set of roles as a bit mask: small enough to be a compile-time constant in the declarations.
class RoleSet {
public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  constexpr bool contains(Role r) const { return (bits_ & bit(r)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr RoleSet operator|(RoleSet other) const { return from_bits(bits_ | other.bits_); }
  constexpr bool operator==(const RoleSet&) const = default;

private:
  static constexpr unsigned bit(Role r) { return 1u << static_cast<unsigned>(r); }
  static constexpr RoleSet from_bits(unsigned bits) {
    RoleSet s;
    s.bits_ = bits;
    return s;
  }
  unsigned bits_ = 0;
};

}  // namespace vrathaus
