// The coverage computation (domain/coverage): weekends, holidays, absences, expiry, revocation,
// inactive staff, the horizon, and "where can I go?".
#include "domain/coverage.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace vrathaus;
using coverage::Request;
using coverage::StaffFacts;
using coverage::Why;

namespace {

// 2026-12-07 is a Monday.
const Date kMonday{2026, 12, 7};

CertificationPeriod cert(Date on, Date until, std::optional<Date> revoked = {}) {
  return {"identity-check", on, until, revoked};
}

StaffFacts certified(const std::string& id, const std::string& office, Date until = Date(2028, 1, 1)) {
  return {id, office, true, {cert(Date(2025, 1, 1), until)}, {}};
}

Request request(Date from, Date to) {
  Request r;
  r.cert = "identity-check";
  r.from = from;
  r.to = to;
  r.horizon_days = 0;
  return r;
}

const coverage::Gap* gap_at(const coverage::Report& report, const std::string& office, const Date& day) {
  for (const auto& g : report.gaps)
    if (g.office == office && g.date == day) return &g;
  return nullptr;
}

}  // namespace

TEST_CASE("weekends are not opening days and never gaps") {
  auto r = request(kMonday.add_days(-3), kMonday);  // Friday … Monday
  r.offices = {{"hoerde", 2}};
  auto report = coverage::compute(r);
  CHECK(report.office_days == 2);
  REQUIRE(report.gaps.size() == 2);
  CHECK(report.gaps[0].date == kMonday.add_days(-3));
  CHECK(report.gaps[1].date == kMonday);
  CHECK(report.gaps[0].present == 0);
  CHECK(report.gaps[0].required == 2);
  CHECK(report.gaps[0].missing.empty());  // nobody was ever certified: nobody is "missing"
  CHECK_FALSE(report.ok());

  auto weekend = request(kMonday.add_days(-2), kMonday.add_days(-1));
  weekend.offices = {{"hoerde", 2}};
  auto quiet = coverage::compute(weekend);
  CHECK(quiet.ok());
  CHECK(quiet.office_days == 0);
}

TEST_CASE("configured holidays are not gaps") {
  auto r = request(Date(2026, 12, 24), Date(2026, 12, 28));  // Thu … Mon
  r.holidays = {Date(2026, 12, 25), Date(2026, 12, 26)};
  r.offices = {{"brackel", 2}};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 2);
  CHECK(report.gaps[0].date == Date(2026, 12, 24));
  CHECK(report.gaps[1].date == Date(2026, 12, 28));
}

TEST_CASE("an office at its minimum has no gap; a minimum of 0 never has one") {
  auto r = request(kMonday, kMonday.add_days(4));
  r.offices = {{"innenstadt", 2}, {"archiv", 0}};
  r.staff = {certified("a", "innenstadt"), certified("b", "innenstadt")};
  auto report = coverage::compute(r);
  CHECK(report.ok());
  CHECK(report.office_days == 10);
}

TEST_CASE("an absent certified person is missing as absent, with the reason") {
  auto r = request(kMonday, kMonday.add_days(1));
  r.offices = {{"brackel", 2}};
  auto only = certified("b.krause", "brackel");
  only.absences = {{1, kMonday, kMonday, "holiday"}};
  r.staff = {only, {"h.new", "brackel", true, {}, {}}};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 2);
  const auto* monday = gap_at(report, "brackel", kMonday);
  REQUIRE(monday);
  CHECK(monday->present == 0);
  REQUIRE(monday->missing.size() == 1);
  CHECK(monday->missing[0].staff == "b.krause");
  CHECK(monday->missing[0].why == Why::absent);
  CHECK(monday->missing[0].absence_reason == "holiday");
  CHECK(monday->missing[0].absent_until == kMonday);
  const auto* tuesday = gap_at(report, "brackel", kMonday.add_days(1));
  REQUIRE(tuesday);
  CHECK(tuesday->present == 1);
  CHECK(tuesday->present_staff == std::vector<std::string>{"b.krause"});
  CHECK(tuesday->missing.empty());
}

TEST_CASE("expired and revoked certifications are missing with why") {
  auto r = request(kMonday, kMonday.add_days(2));
  r.offices = {{"eving", 2}};
  r.staff = {
      {"old", "eving", true, {cert(Date(2019, 5, 1), kMonday.add_days(-10))}, {}},
      {"revoked", "eving", true, {cert(Date(2025, 5, 1), Date(2027, 4, 30), kMonday.add_days(1))}, {}},
  };
  auto report = coverage::compute(r);
  const auto* monday = gap_at(report, "eving", kMonday);
  REQUIRE(monday);
  CHECK(monday->present == 1);  // revoked from Tuesday on: still valid on Monday
  REQUIRE(monday->missing.size() == 1);
  CHECK(monday->missing[0].why == Why::expired);
  CHECK(monday->missing[0].valid_until == kMonday.add_days(-10));

  const auto* tuesday = gap_at(report, "eving", kMonday.add_days(1));
  REQUIRE(tuesday);
  CHECK(tuesday->present == 0);
  REQUIRE(tuesday->missing.size() == 2);
  CHECK(tuesday->missing[0].staff == "old");
  CHECK(tuesday->missing[1].staff == "revoked");
  CHECK(tuesday->missing[1].why == Why::revoked);
  CHECK(tuesday->missing[1].revoked_on == kMonday.add_days(1));
}

TEST_CASE("a revoked renewal does not hide a still valid earlier certification") {
  auto r = request(kMonday, kMonday);
  r.offices = {{"mengede", 1}};
  r.staff = {{"x", "mengede", true,
              {cert(Date(2025, 6, 1), Date(2027, 5, 31)), cert(Date(2026, 6, 1), Date(2028, 5, 31), Date(2026, 7, 1))},
              {}}};
  CHECK(coverage::compute(r).ok());
}

TEST_CASE("inactive staff with a valid certification are missing as inactive; without one, not at all") {
  auto r = request(kMonday, kMonday);
  r.offices = {{"huckarde", 2}};
  auto gone = certified("gone", "huckarde");
  gone.active = false;
  auto long_gone = StaffFacts{"long.gone", "huckarde", false, {cert(Date(2015, 1, 1), Date(2016, 12, 31))}, {}};
  r.staff = {gone, long_gone, certified("here", "huckarde")};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 1);
  CHECK(report.gaps[0].present == 1);
  REQUIRE(report.gaps[0].missing.size() == 1);
  CHECK(report.gaps[0].missing[0].staff == "gone");
  CHECK(report.gaps[0].missing[0].why == Why::inactive);
}

TEST_CASE("staff of other offices and service identities do not count") {
  auto r = request(kMonday, kMonday);
  r.offices = {{"aplerbeck", 1}};
  r.staff = {certified("elsewhere", "brackel"), certified("portal", "")};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 1);
  CHECK(report.gaps[0].missing.empty());
}

TEST_CASE("a certification expiring inside the horizon is reported with the gaps it opens") {
  auto r = request(kMonday, kMonday);
  r.horizon_days = 30;
  r.offices = {{"scharnhorst", 2}, {"innenstadt", 1}};
  auto expiring = certified("leaving", "scharnhorst", kMonday.add_days(10));  // last valid: Thursday next week
  auto renewed = StaffFacts{"renewed", "scharnhorst", true,
                            {cert(Date(2024, 12, 18), kMonday.add_days(10)), cert(kMonday.add_days(-5), Date(2028, 12, 1))},
                            {}};
  auto later = certified("later", "innenstadt", kMonday.add_days(31));  // beyond the horizon
  auto away = certified("away", "innenstadt", kMonday.add_days(3));     // expires; absent afterwards
  away.absences = {{1, kMonday.add_days(4), kMonday.add_days(40), "illness"}};
  r.staff = {expiring, renewed, later, away};
  auto report = coverage::compute(r);
  CHECK(report.ok());
  CHECK(report.horizon_until == kMonday.add_days(30));
  REQUIRE(report.expiring.size() == 2);
  CHECK(report.expiring[0].staff == "away");
  CHECK(report.expiring[0].gaps.empty());  // would not have been there anyway
  const auto& e = report.expiring[1];
  CHECK(e.staff == "leaving");
  CHECK(e.office == "scharnhorst");
  CHECK(e.cert == "identity-check");
  CHECK(e.valid_until == kMonday.add_days(10));
  REQUIRE_FALSE(e.gaps.empty());
  CHECK(e.gaps.front().date == kMonday.add_days(11));  // the Friday after
  CHECK(e.gaps.front().present == 1);
  CHECK(e.gaps.front().required == 2);
  // Opening days from that Friday to the horizon's end (Wednesday four weeks on): 14.
  CHECK(e.gaps.size() == 14);
  for (const auto& g : e.gaps) CHECK(g.date.iso_weekday() <= 5);
}

TEST_CASE("gaps come out by date, then office") {
  auto r = request(kMonday, kMonday.add_days(1));
  r.offices = {{"b", 1}, {"a", 1}};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 4);
  CHECK(report.gaps[0].office == "a");
  CHECK(report.gaps[1].office == "b");
  CHECK(report.gaps[2].date == kMonday.add_days(1));
}

TEST_CASE("where can I go: offices with someone certified present, most staffed first") {
  auto r = request(kMonday, kMonday);
  r.offices = {{"innenstadt", 4}, {"hoerde", 2}, {"brackel", 2}, {"eving", 2}};
  for (auto id : {"i1", "i2", "i3", "i4"}) r.staff.push_back(certified(id, "innenstadt"));
  auto krause = certified("b.krause", "brackel");
  krause.absences = {{1, kMonday, kMonday.add_days(4), "holiday"}};
  r.staff.push_back(krause);
  r.staff.push_back(certified("e1", "eving"));
  auto offices = coverage::available_offices(r, kMonday);
  REQUIRE(offices.size() == 2);
  CHECK(offices[0].office == "innenstadt");
  CHECK(offices[0].present.size() == 4);
  CHECK(offices[1].office == "eving");
  CHECK(coverage::available_offices(r, kMonday.add_days(5)).empty());  // Saturday
  r.holidays = {kMonday};
  CHECK(coverage::available_offices(r, kMonday).empty());
}

TEST_CASE("the day-by-day counts hold every day of the range per office, none on closed days") {
  auto r = request(kMonday.add_days(-3), kMonday.add_days(1));  // Friday … Tuesday
  r.holidays = {kMonday.add_days(1)};
  r.offices = {{"innenstadt", 1}, {"brackel", 2}};
  r.staff = {certified("b.krause", "brackel"), certified("p.brandt", "brackel"), certified("s.kruse", "innenstadt")};
  r.staff[1].absences = {{1, kMonday, kMonday, "illness"}};
  auto report = coverage::compute(r);
  REQUIRE(report.days.size() == 2);
  CHECK(report.days[0].office == "brackel");  // by code, like the gaps
  CHECK(report.days[0].required == 2);
  using Counts = std::vector<std::optional<int>>;
  CHECK(report.days[0].present == Counts{2, std::nullopt, std::nullopt, 1, std::nullopt});
  CHECK(report.days[1].office == "innenstadt");
  CHECK(report.days[1].present == Counts{1, std::nullopt, std::nullopt, 1, std::nullopt});
  REQUIRE(report.gaps.size() == 1);  // the one day below the minimum, and the same count
  CHECK(report.gaps[0].date == kMonday);
  CHECK(report.gaps[0].present == *report.days[0].present[3]);
}
