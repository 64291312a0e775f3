#include "domain/return_policy.hpp"

#include <algorithm>

namespace vrathaus {

ReturnAction return_action(const ReturnPolicy& policy, std::string_view code) {
  auto in = [code](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), code) != list.end(); };
  if (in(policy.revoke_mandate)) return ReturnAction::revoke_mandate;
  if (in(policy.re_present)) return ReturnAction::re_present;
  if (in(policy.dispute)) return ReturnAction::dispute;
  return ReturnAction::returned;
}

}  // namespace vrathaus
