// Booked demand (domain/booked_demand): bookings against what the certified clerks present can
// serve, the busy-at-minimum share, whole slots within duty times, and the training plan
// wanting one more person on such days.
#include "domain/booked_demand.hpp"
#include "domain/training_plan.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;
using demand::OfficeDayLoad;
using demand::Reason;

namespace {

const Date kDay{2026, 12, 10};  // a Thursday

OfficeDayLoad load(int booked, int capacity_minutes, int present, int minimum) {
  return {"brackel", kDay, booked, booked * 15, capacity_minutes, present, minimum};
}

}  // namespace

TEST_CASE("no bookings, no risk; bookings within what the clerks can serve above the minimum are fine") {
  CHECK(demand::assess(load(0, 0, 0, 2), 75) == Reason::none);
  CHECK(demand::assess(load(30, 3 * 480, 3, 2), 75) == Reason::none);
  CHECK(demand::assess(load(96, 3 * 480, 3, 2), 75) == Reason::none);  // full, but served, above the minimum
}

TEST_CASE("more bookings than the clerks present can serve is overbooked, at any staffing") {
  CHECK(demand::assess(load(33, 480, 1, 1), 75) == Reason::overbooked);  // 495 minutes, one clerk of 480
  CHECK(demand::assess(load(1, 0, 0, 2), 75) == Reason::overbooked);     // nobody there at all
  CHECK(demand::reason_name(Reason::overbooked) == "overbooked");
}

TEST_CASE("exactly at the minimum, bookings above the share of the capacity are a risk; at the share they are not") {
  // One clerk, minimum one, 8 hours = 32 slots; 75 % of them is 24.
  CHECK(demand::assess(load(24, 480, 1, 1), 75) == Reason::none);
  CHECK(demand::assess(load(25, 480, 1, 1), 75) == Reason::busy_at_minimum);
  CHECK(demand::reason_name(Reason::busy_at_minimum) == "busy-at-minimum");
  // The same bookings with one more person present than the minimum: no risk.
  CHECK(demand::assess(load(25, 960, 2, 1), 75) == Reason::none);
  // A lower share flags earlier.
  CHECK(demand::assess(load(9, 480, 1, 1), 25) == Reason::busy_at_minimum);
}

TEST_CASE("a clerk serves the whole slots of the grid within their duty") {
  TimeRange opening{480, 960};  // 08:00-16:00
  CHECK(demand::serving_minutes(opening, std::nullopt, 15) == 480);
  CHECK(demand::serving_minutes(opening, TimeRange{480, 720}, 15) == 240);  // part-time to 12:00
  CHECK(demand::serving_minutes(opening, TimeRange{490, 720}, 15) == 225);  // 08:10: the first slot is cut
  CHECK(demand::serving_minutes(opening, TimeRange{1000, 1100}, 15) == 0);  // on duty only after closing
  CHECK(demand::serving_minutes(opening, std::nullopt, 0) == 0);
}

TEST_CASE("the training plan wants one more certified person on a day of booked demand") {
  training::PlanRequest r;
  r.facts.cert = "identity-check";
  r.facts.offices = {{"brackel", 1}};
  CertificationPeriod valid{"identity-check", Date(2025, 1, 1), Date(2029, 1, 1), {}};
  r.facts.staff = {{"b.krause", "brackel", true, {valid}, {}}, {"b.neu", "brackel", true, {}, {}}};
  r.today = Date(2026, 11, 25);
  r.horizon_days = 60;
  r.buffer = 0;
  r.lead_days = 7;
  r.refresh_days = 0;

  auto without = training::plan(r);
  CHECK_FALSE(without.offices[0].first_gap);  // one certified, minimum one: covered
  CHECK(without.offices[0].train.empty());
  CHECK(without.offices[0].demand_days == 0);

  r.demand_days["brackel"][kDay] = 2;  // one present, bookings want one more
  auto with = training::plan(r);
  const auto& o = with.offices[0];
  CHECK(o.first_gap == kDay);
  CHECK(o.present_on_first_gap == 1);
  REQUIRE(o.train.size() == 1);
  CHECK(o.train[0] == "b.neu");
  CHECK(o.train_by == kDay.add_days(-7));
  CHECK(o.closable);  // the minimum itself was met all along
  CHECK(o.demand_days == 1);
  CHECK(o.why.find("many bookings want one more") != std::string::npos);
}
