// The training planner (domain/training_plan): the first gap below minimum + buffer, the fewest
// people to train before it, turnover inside the horizon, too few staff, a certification expiring
// the day after the training, overlapping absences and refreshers.
#include "domain/training_plan.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace vrathaus;
using coverage::StaffFacts;

namespace {

const Date kToday{2026, 11, 25};  // a Wednesday

CertificationPeriod cert(Date on, Date until) { return {"identity-check", on, until, {}}; }

StaffFacts person(const std::string& id, const std::string& office) { return {id, office, true, {}, {}}; }

StaffFacts certified(const std::string& id, const std::string& office, Date until = Date(2029, 1, 1)) {
  return {id, office, true, {cert(Date(2025, 1, 1), until)}, {}};
}

training::PlanRequest request(std::vector<coverage::OfficeRule> offices, std::vector<StaffFacts> staff) {
  training::PlanRequest r;
  r.facts.cert = "identity-check";
  r.facts.offices = std::move(offices);
  r.facts.staff = std::move(staff);
  r.today = kToday;
  r.horizon_days = 365;
  r.buffer = 0;
  r.lead_days = 14;
  r.refresh_days = 0;
  return r;
}

bool trains(const training::OfficePlan& o, const std::string& id) {
  return std::find(o.train.begin(), o.train.end(), id) != o.train.end();
}

}  // namespace

TEST_CASE("an office with nobody certified: train as many as the minimum, before the first gap") {
  auto r = request({{"hoerde", 2}}, {person("h.a", "hoerde"), person("h.b", "hoerde"), person("h.c", "hoerde")});
  auto plan = training::plan(r);
  REQUIRE(plan.offices.size() == 1);
  const auto& o = plan.offices[0];
  CHECK(o.first_gap == kToday);
  CHECK(o.present_on_first_gap == 0);
  CHECK(o.train.size() == 2);
  CHECK(o.train_by == kToday);  // the gap is today: train today
  CHECK(o.closable);
  CHECK(plan.closable());
}

TEST_CASE("a covered office needs nothing; the buffer asks for one more") {
  auto r = request({{"eving", 2}}, {certified("e.a", "eving"), certified("e.b", "eving"), person("e.c", "eving")});
  auto plan = training::plan(r);
  CHECK_FALSE(plan.offices[0].first_gap);
  CHECK(plan.offices[0].train.empty());
  r.buffer = 1;
  auto buffered = training::plan(r);
  CHECK(buffered.offices[0].first_gap == kToday);
  CHECK(buffered.offices[0].required == 3);
  CHECK(buffered.offices[0].train == std::vector<std::string>{"e.c"});
}

TEST_CASE("turnover inside the horizon: a departure opens the gap, trained before it with the lead time") {
  auto leaving = certified("b.old", "brackel");
  leaving.leaves_on = Date(2027, 3, 1);  // a Monday
  auto stays_short = person("b.short", "brackel");
  stays_short.leaves_on = Date(2027, 6, 1);  // leaves too, later
  auto r = request({{"brackel", 2}}, {certified("b.one", "brackel"), leaving, stays_short, person("b.long", "brackel")});
  auto plan = training::plan(r);
  const auto& o = plan.offices[0];
  CHECK(o.first_gap == Date(2027, 3, 1));
  CHECK(o.train_by == Date(2027, 2, 15));  // 14 days lead time
  // The one who stays longest, not the one who leaves in June.
  CHECK(o.train == std::vector<std::string>{"b.long"});
  CHECK(o.closable);
}

TEST_CASE("a transfer into the office counts from its day; one out of it opens a gap") {
  auto leaving = certified("m.away", "mengede");
  leaving.transfers = {{Date(2027, 1, 4), "mengede", "huckarde"}};
  auto r = request({{"mengede", 2}, {"huckarde", 1}},
                   {certified("m.stay", "mengede"), leaving, person("m.new", "mengede")});
  auto plan = training::plan(r);
  REQUIRE(plan.offices.size() == 2);
  const auto& huckarde = plan.offices[0];
  const auto& mengede = plan.offices[1];
  CHECK(huckarde.first_gap == kToday);  // until the transfer, huckarde has nobody
  CHECK_FALSE(huckarde.closable);        // and nobody to train there before it
  CHECK(mengede.first_gap == Date(2027, 1, 4));
  CHECK(mengede.train == std::vector<std::string>{"m.new"});
}

TEST_CASE("an office with too few staff says so instead of suggesting the impossible") {
  auto r = request({{"lued", 3}}, {certified("l.a", "lued"), person("l.b", "lued")});
  auto plan = training::plan(r);
  const auto& o = plan.offices[0];
  CHECK_FALSE(o.closable);
  CHECK_FALSE(plan.closable());
  CHECK(o.train == std::vector<std::string>{"l.b"});  // still the best that can be done
  CHECK(o.first_short == kToday);
  CHECK(o.why.find("too few staff") != std::string::npos);
  CHECK(o.why.find("3 needed") != std::string::npos);
}

TEST_CASE("a certification expiring the day after the training is renewed by it") {
  // a's certification ends on 2027-01-18; the gap opens on 2027-01-19 (a Tuesday); training by
  // 2027-01-05 (lead time 14) — the training day is before the expiry, yet a must be trained.
  auto r = request({{"aplerbeck", 2}},
                   {certified("a.expiring", "aplerbeck", Date(2027, 1, 18)), certified("a.fine", "aplerbeck")});
  auto plan = training::plan(r);
  const auto& o = plan.offices[0];
  CHECK(o.first_gap == Date(2027, 1, 19));
  CHECK(o.train_by == Date(2027, 1, 5));
  CHECK(o.train == std::vector<std::string>{"a.expiring"});
  CHECK(o.closable);

  // With the training set for the day before the expiry, the certification runs out the day after.
  r.lead_days = 2;
  auto late = training::plan(r);
  CHECK(late.offices[0].train_by == Date(2027, 1, 17));
  CHECK(late.offices[0].train == std::vector<std::string>{"a.expiring"});
}

TEST_CASE("overlapping absences: the one absent least is trained, and the gap closes") {
  auto away_long = person("s.long", "scharnhorst");
  away_long.absences = {{0, Date(2027, 1, 4), Date(2027, 2, 26), "illness"}, {0, Date(2027, 2, 1), Date(2027, 3, 5), "holiday"}};
  auto away_short = person("s.short", "scharnhorst");
  away_short.absences = {{0, Date(2027, 1, 4), Date(2027, 1, 8), "holiday"}};
  auto certified_away = certified("s.cert", "scharnhorst");
  certified_away.absences = {{0, Date(2027, 1, 4), Date(2027, 1, 15), "holiday"}};
  auto r = request({{"scharnhorst", 2}}, {certified("s.one", "scharnhorst"), certified_away, away_long, away_short});
  auto plan = training::plan(r);
  const auto& o = plan.offices[0];
  CHECK(o.first_gap == Date(2027, 1, 4));
  // Training s.short covers 2027-01-11 … 01-15, not the first week when everyone but s.one is away.
  CHECK(trains(o, "s.short"));
  CHECK_FALSE(o.closable);  // 2027-01-04 … 01-08: only s.one can be there
  CHECK(o.first_short == Date(2027, 1, 4));
  CHECK(o.train.size() == 1);
}

TEST_CASE("refreshers: a certification expiring within refresh_days is in the plan before it opens a gap") {
  auto r = request({{"innenstadt", 1}},
                   {certified("i.soon", "innenstadt", Date(2027, 1, 10)), certified("i.later", "innenstadt")});
  r.refresh_days = 60;
  auto plan = training::plan(r);
  const auto& o = plan.offices[0];
  CHECK_FALSE(o.first_gap);  // i.later keeps the minimum of one
  CHECK(o.refresh == std::vector<std::string>{"i.soon"});
  CHECK(o.train == std::vector<std::string>{"i.soon"});
  CHECK(o.train_by == Date(2026, 12, 28));  // the day after the expiry minus the lead time
  r.refresh_days = 30;
  CHECK(training::plan(r).offices[0].train.empty());
}
