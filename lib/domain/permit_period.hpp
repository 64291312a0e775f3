#pragma once
// The ONE place that decides permit validity periods. Validity is a pair of local calendar dates,
// both inclusive, never a timestamp.
#include "core/date.hpp"

#include <optional>

namespace vrathaus {

struct PermitPeriod {
  Date from;   // first valid day
  Date until;  // last valid day (inclusive)
  friend bool operator==(const PermitPeriod&, const PermitPeriod&) = default;
};

// The day `months` calendar months after `from`. A day the target month lacks rolls over to
// the first of the following month: the anniversary of 29 February in a common year is 1 March,
// and one month after 31 January is 1 March.
Date anniversary(const Date& from, int months);

// A period starting on `from` ends the day before its anniversary: 2026-03-15 + 12 months ends
// 2027-03-14; 2028-02-29 ends 2029-02-28; 2027-01-31 + 1 month ends 2027-02-28.
PermitPeriod period_starting(const Date& from, int months);

// A renewal starts the day after the old period ends, so periods never overlap or leave a gap;
// after a lapse (the old period ended before `renewal_day`) it starts on the renewal day.
PermitPeriod renewal_period(const PermitPeriod& old, const Date& renewal_day, int months);

// Whether a permit is valid on `day`: inside its period and not revoked on or before that day
// (a revocation ends the permit from the day it takes effect).
bool valid_on(const PermitPeriod& period, const std::optional<Date>& revoked_on, const Date& day);

// The status a permit shows on `today`: revoked, expired, upcoming (starts later) or active.
const char* permit_status_on(const PermitPeriod& period, const std::optional<Date>& revoked_on, const Date& today);

}  // namespace vrathaus
