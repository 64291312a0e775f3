#include "domain/mandate.hpp"

#include "domain/permit_period.hpp"

namespace vrathaus {

Date mandate_lapses_on(const Date& last_use) { return anniversary(last_use, kMandateLapseMonths); }

bool mandate_usable_on(const Date& signed_on, const std::optional<Date>& last_used_on, const Date& day) {
  auto last = last_used_on && signed_on < *last_used_on ? *last_used_on : signed_on;
  return signed_on <= day && day < mandate_lapses_on(last);
}

Date mandate_fresh_since(const Date& day) {
  // mandate_lapses_on() never moves earlier as the last use moves later (a day past the end of the
  // target month rolls over), so the last uses that still reach `day` are exactly those from one
  // first day on. Calendar arithmetic puts it within a few days of the same date 36 months back:
  // start just before that and step to the first day whose lapse comes after `day`.
  auto first = day.add_months_clamped(-kMandateLapseMonths).add_days(-4);
  while (mandate_lapses_on(first) <= day) first = first.add_days(1);
  return first;
}

const char* sequence_type(const std::optional<Date>& last_used_on) { return last_used_on ? "RCUR" : "FRST"; }

}  // namespace vrathaus
