#include "domain/permit_eligibility.hpp"

#include "domain/zones.hpp"

namespace vrathaus {

PermitZones::PermitZones(const std::vector<Zone>& zones) {
  for (const auto& zone : zones) {
    auto& keys = streets_[zone.code];
    for (const auto& street : zone.streets) keys.insert(street_key(street));
  }
}

PermitObstacle PermitZones::obstacle(const PermitHolder& holder, std::string_view zone_code) const {
  if (holder.status != "active") return PermitObstacle::account_not_active;
  if (holder.tier != "private") return PermitObstacle::not_private;
  auto zone = streets_.find(zone_code);
  if (zone == streets_.end()) return PermitObstacle::zone_unknown;
  if (!holder.street) return PermitObstacle::address_outside_zone;
  // An empty key (a street of blanks and dots) matches no street, as street_in_zone() decides.
  auto key = street_key(*holder.street);
  if (key.empty() || !zone->second.contains(key)) return PermitObstacle::address_outside_zone;
  return PermitObstacle::none;
}

}  // namespace vrathaus
