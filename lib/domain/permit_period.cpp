#include "domain/permit_period.hpp"

namespace vrathaus {

Date anniversary(const Date& from, int months) {
  using namespace std::chrono;
  auto ym = year_month{year{from.year()}, month{from.month()}} + std::chrono::months{months};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}};
  if (day{from.day()} <= last.day()) return Date(year_month_day{ym.year(), ym.month(), day{from.day()}});
  return Date(year_month_day{sys_days{last} + days{1}});
}

PermitPeriod period_starting(const Date& from, int months) { return {from, anniversary(from, months).add_days(-1)}; }

PermitPeriod renewal_period(const PermitPeriod& old, const Date& renewal_day, int months) {
  auto next = old.until.add_days(1);
  return period_starting(next < renewal_day ? renewal_day : next, months);
}

bool valid_on(const PermitPeriod& period, const std::optional<Date>& revoked_on, const Date& day) {
  if (revoked_on && *revoked_on <= day) return false;
  return period.from <= day && day <= period.until;
}

const char* permit_status_on(const PermitPeriod& period, const std::optional<Date>& revoked_on, const Date& today) {
  if (revoked_on && *revoked_on <= today) return "revoked";
  if (period.until < today) return "expired";
  if (today < period.from) return "upcoming";
  return "active";
}

}  // namespace vrathaus
