#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("dates parse strictly and do calendar arithmetic") {
  CHECK(Date::parse("2028-02-29") == Date(2028, 2, 29));
  CHECK_FALSE(Date::parse("2027-02-29"));
  CHECK_FALSE(Date::parse("2026-1-05"));
  CHECK_FALSE(Date::parse("2026-01-05 "));
  CHECK_FALSE(Date::parse("１９８４-01-01"));
  CHECK(Date(2026, 1, 31).add_months_clamped(1) == Date(2026, 2, 28));
  CHECK(Date(2028, 1, 31).add_months_clamped(1) == Date(2028, 2, 29));
  CHECK(Date(2026, 12, 31).add_days(1) == Date(2027, 1, 1));
  CHECK(Date(2026, 11, 23).iso_weekday() == 1);  // a Monday
  CHECK(Date(2026, 11, 29).iso_weekday() == 7);
  CHECK(Date(2026, 11, 25).days_until(Date(2026, 12, 25)) == 30);
  CHECK_THROWS_AS(Date::parse_field("soon", "from"), Error);
}

TEST_CASE("dates print as YYYY-MM-DD and parse back") {
  CHECK(Date(2026, 1, 5).str() == "2026-01-05");
  CHECK(Date(1900, 12, 31).str() == "1900-12-31");
  CHECK(Date(9999, 10, 1).str() == "9999-10-01");
  CHECK(Date(812, 3, 4).str() == "0812-03-04");
  CHECK(Date(10000, 1, 1).str() == "10000-01-01");
  for (Date d(2027, 12, 20); d < Date(2028, 3, 10); d = d.add_days(1)) CHECK(Date::parse(d.str()) == d);
}

TEST_CASE("today is the Berlin calendar day, across daylight-saving changes") {
  auto berlin = [](const char* utc) { return fixed_clock(parse_instant(utc), "Europe/Berlin")->today(); };
  CHECK(berlin("2026-11-25T22:59:59Z") == Date(2026, 11, 25));  // 23:59:59 CET
  CHECK(berlin("2026-11-25T23:00:00Z") == Date(2026, 11, 26));  // midnight CET
  CHECK(berlin("2026-07-01T21:59:59Z") == Date(2026, 7, 1));    // 23:59:59 CEST
  CHECK(berlin("2026-07-01T22:00:00Z") == Date(2026, 7, 2));
  CHECK(berlin("2026-12-31T23:30:00Z") == Date(2027, 1, 1));
  CHECK(fixed_clock(parse_instant("2026-12-31T23:30:00Z"), "UTC")->today() == Date(2026, 12, 31));
  CHECK(format_rfc3339(parse_instant("2026-03-29T01:00:00Z")) == "2026-03-29T01:00:00Z");
  CHECK_THROWS_AS(parse_instant("2026-11-25 09:00"), Error);
}
