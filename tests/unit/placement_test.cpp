// Who belongs to which office on which day (domain/placement), and the coverage report taking
// planned departures and transfers into account.
#include "domain/coverage.hpp"
#include "domain/placement.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

const Date kMonday{2026, 12, 7};

coverage::StaffFacts certified(const std::string& id, const std::string& office) {
  return {id, office, true, {{"identity-check", Date(2025, 1, 1), Date(2028, 1, 1), {}}}, {}};
}

}  // namespace

TEST_CASE("without planned changes a person is in the recorded office every day") {
  Placement p{"brackel", true, {}, {}};
  auto s = stints(p, kMonday, kMonday.add_days(30));
  REQUIRE(s.size() == 1);
  CHECK(s[0].office == "brackel");
  CHECK(s[0].counts);
  CHECK(counts_in(p, "brackel", kMonday));
  CHECK_FALSE(counts_in(p, "hoerde", kMonday));
}

TEST_CASE("a planned transfer: the old office until the day before, the new one from the day") {
  Placement p{"brackel", true, {}, {{kMonday.add_days(10), "brackel", "hoerde"}}};
  auto s = stints(p, kMonday, kMonday.add_days(30));
  REQUIRE(s.size() == 2);
  CHECK(s[0].office == "brackel");
  CHECK(s[0].to == kMonday.add_days(9));
  CHECK(s[1].office == "hoerde");
  CHECK(s[1].from == kMonday.add_days(10));
  CHECK(counts_in(p, "brackel", kMonday.add_days(9)));
  CHECK(counts_in(p, "hoerde", kMonday.add_days(10)));
  // Looking at a window after the move only: the new office throughout.
  CHECK(stints(p, kMonday.add_days(20), kMonday.add_days(25)).front().office == "hoerde");
}

TEST_CASE("a transfer already applied to the record reads the same before and after it") {
  // The record says hoerde (the move has happened); before the move the person was in brackel.
  Placement p{"hoerde", true, {}, {{kMonday, "brackel", "hoerde"}}};
  CHECK(stint_on(p, kMonday.add_days(-1)).office == "brackel");
  CHECK(stint_on(p, kMonday).office == "hoerde");
}

TEST_CASE("a planned departure: counted until the day before, gone from the day on") {
  Placement p{"eving", true, kMonday.add_days(5), {}};
  auto s = stints(p, kMonday, kMonday.add_days(10));
  REQUIRE(s.size() == 2);
  CHECK(s[0].counts);
  CHECK(s[0].to == kMonday.add_days(4));
  CHECK_FALSE(s[1].counts);
  CHECK(s[1].office == "eving");
  CHECK(counts_in(p, "eving", kMonday.add_days(4)));
  CHECK_FALSE(counts_in(p, "eving", kMonday.add_days(5)));
  Placement gone{"eving", false, {}, {}};
  CHECK_FALSE(counts_in(gone, "eving", kMonday));
}

TEST_CASE("a transfer then a departure: each office sees its part") {
  Placement p{"brackel", true, kMonday.add_days(20), {{kMonday.add_days(10), "brackel", "hoerde"}}};
  auto s = stints(p, kMonday, kMonday.add_days(30));
  REQUIRE(s.size() == 3);
  CHECK((s[0].office == "brackel" && s[0].counts));
  CHECK((s[1].office == "hoerde" && s[1].counts && s[1].to == kMonday.add_days(19)));
  CHECK((s[2].office == "hoerde" && !s[2].counts));
}

TEST_CASE("coverage counts a transferred person in the old office before and the new one after") {
  coverage::Request r;
  r.cert = "identity-check";
  r.from = kMonday;
  r.to = kMonday.add_days(11);  // two working weeks
  r.horizon_days = 0;
  r.offices = {{"brackel", 1}, {"hoerde", 1}};
  auto mover = certified("m.yilmaz", "brackel");
  mover.transfers = {{kMonday.add_days(7), "brackel", "hoerde"}};  // the second Monday
  r.staff = {mover};
  auto report = coverage::compute(r);
  // Week one: hoerde short; week two: brackel short.
  REQUIRE(report.gaps.size() == 10);
  for (const auto& g : report.gaps) CHECK(g.office == (g.date < kMonday.add_days(7) ? "hoerde" : "brackel"));
}

TEST_CASE("coverage: a planned departure leaves the office short from that day, the person missing as inactive") {
  coverage::Request r;
  r.cert = "identity-check";
  r.from = kMonday;
  r.to = kMonday.add_days(4);
  r.horizon_days = 0;
  r.offices = {{"eving", 1}};
  auto leaving = certified("j.becker", "eving");
  leaving.leaves_on = kMonday.add_days(3);  // Thursday
  r.staff = {leaving};
  auto report = coverage::compute(r);
  REQUIRE(report.gaps.size() == 2);
  CHECK(report.gaps[0].date == kMonday.add_days(3));
  REQUIRE(report.gaps[0].missing.size() == 1);
  CHECK(report.gaps[0].missing[0].why == coverage::Why::inactive);
}
