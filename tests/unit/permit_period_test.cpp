#include "domain/fees.hpp"
#include "domain/permit_period.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

PermitPeriod p(Date from, Date until) { return {from, until}; }

}  // namespace

TEST_CASE("A period ends the day before its anniversary") {
  CHECK(period_starting(Date(2026, 3, 15), 12) == p(Date(2026, 3, 15), Date(2027, 3, 14)));
  CHECK(period_starting(Date(2026, 1, 1), 12) == p(Date(2026, 1, 1), Date(2026, 12, 31)));
  // 31 December: ends 30 December next year.
  CHECK(period_starting(Date(2026, 12, 31), 12) == p(Date(2026, 12, 31), Date(2027, 12, 30)));
  // 28 February: ends 27 February, also in a leap year.
  CHECK(period_starting(Date(2027, 2, 28), 12) == p(Date(2027, 2, 28), Date(2028, 2, 27)));
  CHECK(period_starting(Date(2028, 2, 28), 12) == p(Date(2028, 2, 28), Date(2029, 2, 27)));
  // 29 February: the anniversary in a common year is 1 March, so it ends 28 February.
  CHECK(period_starting(Date(2028, 2, 29), 12) == p(Date(2028, 2, 29), Date(2029, 2, 28)));
  CHECK(anniversary(Date(2028, 2, 29), 12) == Date(2029, 3, 1));
  CHECK(period_starting(Date(2028, 2, 29), 48) == p(Date(2028, 2, 29), Date(2032, 2, 28)));
  // 31 January for one month ends 28 (29) February.
  CHECK(period_starting(Date(2027, 1, 31), 1) == p(Date(2027, 1, 31), Date(2027, 2, 28)));
  CHECK(period_starting(Date(2028, 1, 31), 1) == p(Date(2028, 1, 31), Date(2028, 2, 29)));
  CHECK(period_starting(Date(2026, 1, 31), 12) == p(Date(2026, 1, 31), Date(2027, 1, 30)));
  CHECK(period_starting(Date(2026, 3, 31), 1) == p(Date(2026, 3, 31), Date(2026, 4, 30)));
}

TEST_CASE("Renewals start the day after the old period, or on the renewal day after a lapse") {
  auto old = period_starting(Date(2028, 2, 29), 12);  // ends 2029-02-28
  CHECK(renewal_period(old, Date(2029, 2, 1), 12) == p(Date(2029, 3, 1), Date(2030, 2, 28)));
  auto dec = period_starting(Date(2026, 12, 31), 12);  // ends 2027-12-30
  CHECK(renewal_period(dec, Date(2027, 12, 1), 12) == p(Date(2027, 12, 31), Date(2028, 12, 30)));
  auto jan = period_starting(Date(2027, 1, 31), 1);  // ends 2027-02-28
  CHECK(renewal_period(jan, Date(2027, 2, 20), 1) == p(Date(2027, 3, 1), Date(2027, 3, 31)));
  // The renewal on the last valid day still continues without a gap.
  CHECK(renewal_period(dec, Date(2027, 12, 30), 12).from == Date(2027, 12, 31));
  // After a lapse: from the renewal day.
  CHECK(renewal_period(dec, Date(2028, 1, 10), 12) == p(Date(2028, 1, 10), Date(2029, 1, 9)));
  CHECK(renewal_period(p(Date(2027, 2, 28), Date(2028, 2, 27)), Date(2028, 2, 29), 12) ==
        p(Date(2028, 2, 29), Date(2029, 2, 28)));
}

TEST_CASE("Valid on day X: inclusive dates, revocation ends it from that day") {
  auto period = p(Date(2026, 12, 31), Date(2027, 12, 30));
  CHECK_FALSE(valid_on(period, std::nullopt, Date(2026, 12, 30)));
  CHECK(valid_on(period, std::nullopt, Date(2026, 12, 31)));
  CHECK(valid_on(period, std::nullopt, Date(2027, 12, 30)));
  CHECK_FALSE(valid_on(period, std::nullopt, Date(2027, 12, 31)));
  CHECK(valid_on(period, Date(2027, 6, 1), Date(2027, 5, 31)));
  CHECK_FALSE(valid_on(period, Date(2027, 6, 1), Date(2027, 6, 1)));
  CHECK(std::string(permit_status_on(period, std::nullopt, Date(2026, 12, 1))) == "upcoming");
  CHECK(std::string(permit_status_on(period, std::nullopt, Date(2027, 1, 1))) == "active");
  CHECK(std::string(permit_status_on(period, std::nullopt, Date(2028, 1, 1))) == "expired");
  CHECK(std::string(permit_status_on(period, Date(2027, 1, 1), Date(2027, 1, 1))) == "revoked");
}

TEST_CASE("The fee in force on the first day applies") {
  std::vector<FeePeriod> fees{{Date(2020, 1, 1), 3070}, {Date(2027, 1, 1), 12000}};
  CHECK(fee_in_force(fees, Date(2019, 12, 31)) == std::nullopt);
  CHECK(fee_in_force(fees, Date(2020, 1, 1)) == 3070);
  CHECK(fee_in_force(fees, Date(2026, 12, 31)) == 3070);
  CHECK(fee_in_force(fees, Date(2027, 1, 1)) == 12000);
  CHECK(format_cents(3070) == "30.70");
  CHECK(format_cents(5) == "0.05");
  CHECK(format_cents(307000000) == "3070000.00");
}
