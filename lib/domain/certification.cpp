#include "domain/certification.hpp"

namespace vrathaus {

bool valid_on(const CertificationPeriod& c, const Date& day) {
  return c.granted_on <= day && day <= c.valid_until && (!c.revoked_on || day < *c.revoked_on);
}

Date validity_end(const Date& granted_on, int months) {
  using namespace std::chrono;
  auto target = year_month{year{granted_on.year()}, month{granted_on.month()}} + std::chrono::months{months};
  auto last = year_month_day_last{target.year(), month_day_last{target.month()}};
  if (day{granted_on.day()} > last.day()) return Date(year_month_day{last});
  return Date(year_month_day{target.year(), target.month(), day{granted_on.day()}}).add_days(-1);
}

}  // namespace vrathaus
