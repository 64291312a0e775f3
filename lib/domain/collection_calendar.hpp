#pragma once
// SEPA collections settle on TARGET2 business days: not Saturday or Sunday, New Year's Day,
// Good Friday, Easter Monday, 1 May, 25 and 26 December.
#include "core/date.hpp"

namespace vrathaus {

Date easter_sunday(int year);
bool is_target_business_day(const Date& day);
// The first TARGET2 business day after `day`.
Date next_target_business_day(const Date& day);

}  // namespace vrathaus
