#pragma once
// Who may hold a resident parking permit for a zone: the one rule behind issuing a permit and
// renewing it. A permit needs an active, verified private account whose registered street lies in
// the permit's zone. The callers word the refusal for their audience; the decision is made here.
#include "domain/city.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace vrathaus {

enum class PermitObstacle {
  none,
  account_not_active,    // closed, suspended …
  not_private,           // not (or no longer) a verified private account
  zone_unknown,          // the zone is not (or no longer) configured
  address_outside_zone,  // no street on record, or one outside the zone
};

// The account as far as the rule needs it.
struct PermitHolder {
  std::string_view status, tier;
  std::optional<std::string_view> street;
};

// The city's zones with their streets in comparable form (domain/zones.hpp's street_key), made once
// so that deciding for 100,000 permits folds each street name once, not once per permit.
class PermitZones {
public:
  explicit PermitZones(const std::vector<Zone>& zones);

  // What keeps `holder` from a permit in zone `zone_code`; PermitObstacle::none when nothing does.
  PermitObstacle obstacle(const PermitHolder& holder, std::string_view zone_code) const;

private:
  std::map<std::string, std::set<std::string>, std::less<>> streets_;  // zone code → street keys
};

}  // namespace vrathaus
