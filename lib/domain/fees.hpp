#pragma once
// The permit fee schedule: date-ranged, because ordinances change fees. The fee in force on a
// period's first day applies to the whole period.
#include "domain/city.hpp"

#include <optional>

namespace vrathaus {

// The fee of the latest schedule entry starting on or before `day`; nullopt when the schedule
// starts later.
std::optional<std::int64_t> fee_in_force(const std::vector<FeePeriod>& schedule, const Date& day);

// Cents as a decimal euro amount with two digits ("30.70"): SEPA amounts and CtrlSum, exact.
std::string format_cents(std::int64_t cents);

}  // namespace vrathaus
