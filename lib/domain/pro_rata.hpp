#pragma once
// What a permit revoked early gives back under `city.permits.refund: pro_rata_months`: the full
// calendar months of its period that had not begun on the day of the revocation. The month the
// revocation falls in was used (the permit was valid in it), so it is never refunded.
#include "domain/permit_period.hpp"

#include <cstdint>

namespace vrathaus {

// The period's length in months counted by anniversaries of its first day (12 for a year).
int period_months(const PermitPeriod& period);

// Months of the period that begin after `revoked_on` (all of them when it is revoked on or before
// its first day, as a revocation on the first day ends it before it is used).
int unused_months(const PermitPeriod& period, const Date& revoked_on);

// charged × unused / months, rounded down to the cent (the city never pays back more than charged).
std::int64_t pro_rata_refund_cents(std::int64_t charged_cents, const PermitPeriod& period, const Date& revoked_on);

}  // namespace vrathaus
