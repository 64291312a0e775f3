#pragma once
// Certifications as values: the one rule that decides whether a certification is valid on a day,
// and the default end of its validity. The store, the coverage report and the upgrade rules all use
// these.
#include "core/date.hpp"

#include <optional>
#include <string>

namespace vrathaus {

struct CertificationPeriod {
  std::string kind;
  Date granted_on;
  Date valid_until;                // the last day it is valid (inclusive)
  std::optional<Date> revoked_on;  // not valid from this day on
};

// Granted on or before `day`, valid until on or after it, and not revoked on or before it.
bool valid_on(const CertificationPeriod& c, const Date& day);

// The last valid day of a certification granted on `granted_on` for `months`: the day before
// its anniversary. An anniversary that does not exist (29 February, 31 January + 1 month) is the
// first of the following month, so the validity ends on the target month's last day — the same
// rule as permit periods.
Date validity_end(const Date& granted_on, int months);

}  // namespace vrathaus
