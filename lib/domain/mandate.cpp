#include "domain/mandate.hpp"

#include "domain/permit_period.hpp"

namespace vrathaus {

Date mandate_lapses_on(const Date& last_use) { return anniversary(last_use, kMandateLapseMonths); }

bool mandate_usable_on(const Date& signed_on, const std::optional<Date>& last_used_on, const Date& day) {
  auto last = last_used_on && signed_on < *last_used_on ? *last_used_on : signed_on;
  return signed_on <= day && day < mandate_lapses_on(last);
}

const char* sequence_type(const std::optional<Date>& last_used_on) { return last_used_on ? "RCUR" : "FRST"; }

}  // namespace vrathaus
