#pragma once
// A change of an authority account's identity fields waiting for a second staff member: the
// same four-eyes as the authority upgrade that verified those fields. No I/O here.
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace vrathaus {

// awaiting-confirmation → confirmed | rejected | expired (its day passed unconfirmed).
struct IdentityChange {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::map<std::string, std::string> fields;  // JSON field name → new value ("" clears)
  std::string reason;
  std::string status = "awaiting-confirmation";
  std::string requested_by, requested_at;
  std::string second_staff;
  std::string awaiting_until;  // YYYY-MM-DD
  std::optional<std::string> decided_at, decided_by;
};

void to_json(nlohmann::json& j, const IdentityChange& c);

const std::vector<std::string>& identity_change_statuses();
void check_identity_change_status(std::string_view status, std::string_view field = "status");

// Awaiting confirmation, but its day has passed: it counts as expired.
inline bool identity_change_has_lapsed(const IdentityChange& c, const Date& today) {
  return c.status == "awaiting-confirmation" && c.awaiting_until < today.str();
}

}  // namespace vrathaus
