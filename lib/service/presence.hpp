#pragma once
// Who can act on a given day: certifications valid that day and absences. The coverage report,
// "where can I be upgraded" and the upgrade rules all ask these same two questions.
#include "core/date.hpp"
#include "service/context.hpp"

#include <string>

namespace vrathaus {

// The staff member holds a certification of `kind` granted on or before `day`, valid until on or
// after `day`, and not revoked on or before `day` (a revocation counts from its day on; the
// rule is domain/certification.hpp valid_on, the same the coverage report uses). Does not look at
// the active flag or absences: ask is_absent, and staff_actor refuses inactive staff.
bool holds_certification(Context& ctx, const std::string& staff, const std::string& kind, const Date& day);

// The staff member has a whole-day absence (holiday, illness, training) covering `day`.
bool is_absent(Context& ctx, const std::string& staff, const Date& day);

}  // namespace vrathaus
