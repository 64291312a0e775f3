#include "domain/identity_change.hpp"

#include "core/error.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace vrathaus {

void to_json(nlohmann::json& j, const IdentityChange& c) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::json { return v ? nlohmann::json(*v) : nullptr; };
  j = nlohmann::json{{"id", c.id},
                     {"account_id", c.account_id},
                     {"fields", c.fields},
                     {"reason", c.reason},
                     {"status", c.status},
                     {"requested_by", c.requested_by},
                     {"requested_at", c.requested_at},
                     {"second_staff", c.second_staff},
                     {"awaiting_until", c.awaiting_until},
                     {"decided_at", opt(c.decided_at)},
                     {"decided_by", opt(c.decided_by)}};
}

const std::vector<std::string>& identity_change_statuses() {
  static const std::vector<std::string> s{"awaiting-confirmation", "confirmed", "rejected", "expired"};
  return s;
}

void check_identity_change_status(std::string_view status, std::string_view field) {
  const auto& known = identity_change_statuses();
  if (std::find(known.begin(), known.end(), status) == known.end())
    fail_field(field, "'{}' is not an identity change status ({})", status, fmt::join(known, ", "));
}

}  // namespace vrathaus
