#pragma once
// Granting and revoking certifications. Only an admin or supervisor certifies or revokes.
#include "service/appointment_keeping.hpp"
#include "service/context.hpp"
#include "store/presence_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

// The certification kinds the city's config knows (city.certifications); another is exit 5.
void check_certification_kind(const CityConfig& city, const std::string& kind, std::string_view field = "cert");

struct NewCertification {
  std::string staff;
  std::string kind;
  std::optional<Date> on;           // default: today
  std::optional<Date> valid_until;  // default: from city.certifications.KIND.validity_months
  std::string trainer;              // optional staff id
};

CertificationRow certify_staff(Context& ctx, const NewCertification& input);
// Revokes every current (not expired, not revoked) certification of `kind`: from today on it no
// longer counts. The rows stay, marked. None current → exit 4. The person's upcoming
// appointments move to another certified clerk or need rebooking (service/appointment_keeping).
struct CertificationRevoked {
  std::vector<CertificationRow> revoked;
  std::vector<AppointmentMoved> moved;
};
CertificationRevoked revoke_certification(Context& ctx, const std::string& staff, const std::string& kind,
                                          const std::string& reason);

// A staff member's certification as JSON, with its status on `today`: valid, expired, revoked or
// pending (granted for a later day).
nlohmann::json certification_json(const CertificationRow& row, const Date& today);

}  // namespace vrathaus
