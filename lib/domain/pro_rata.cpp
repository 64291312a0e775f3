#include "domain/pro_rata.hpp"

namespace vrathaus {
namespace {

// The number of anniversaries of `from` on or before `day`, i.e. the index of the month `day`
// falls in, counted from 1 (day == from is in month 1).
int months_begun(const Date& from, const Date& day) {
  int k = 0;
  while (anniversary(from, k) <= day) ++k;
  return k;
}

}  // namespace

int period_months(const PermitPeriod& period) { return months_begun(period.from, period.until); }

int unused_months(const PermitPeriod& period, const Date& revoked_on) {
  const int months = period_months(period);
  if (revoked_on <= period.from) return months;  // not begun: revoking on its first day ends it unused
  const int used = months_begun(period.from, revoked_on);
  return used >= months ? 0 : months - used;
}

std::int64_t pro_rata_refund_cents(std::int64_t charged_cents, const PermitPeriod& period, const Date& revoked_on) {
  const int months = period_months(period);
  if (months <= 0 || charged_cents <= 0) return 0;
  return charged_cents * unused_months(period, revoked_on) / months;
}

}  // namespace vrathaus
