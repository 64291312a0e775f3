// Benchmark: `training plan` for 10 offices × 1,000 staff each × 365 days, target under 100 ms.
// Prints the median of several runs of the pure planner (domain/training_plan). The city: in each
// office about 5 % certified (some expiring during the year: refreshers and gaps), 2 % leaving and
// 2 % moving to another office during the year, everyone with five absences of 1–14 days.
#include "domain/training_plan.hpp"
#include "median.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace vrathaus;

namespace {

constexpr int kOffices = 10, kStaffPerOffice = 1000, kRuns = 11;
const Date kToday{2026, 11, 25};

training::PlanRequest generate() {
  std::mt19937 rng(20261125);
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
  auto day_in = [&](Date from, int days) { return from.add_days(std::uniform_int_distribution<>(0, days - 1)(rng)); };

  training::PlanRequest r;
  r.facts.cert = "identity-check";
  r.today = kToday;
  r.horizon_days = 365;
  r.buffer = 1;
  r.lead_days = 14;
  r.refresh_days = 60;
  r.facts.holidays = {Date(2026, 12, 25), Date(2026, 12, 26), Date(2027, 1, 1), Date(2027, 3, 26), Date(2027, 3, 29),
                      Date(2027, 5, 1),   Date(2027, 5, 6),   Date(2027, 5, 17), Date(2027, 5, 27), Date(2027, 10, 3),
                      Date(2027, 11, 1)};
  for (int o = 0; o < kOffices; ++o) r.facts.offices.push_back({"office-" + std::to_string(o), o == 0 ? 4 : 2});
  for (int i = 0; i < kOffices * kStaffPerOffice; ++i) {
    coverage::StaffFacts s;
    s.id = "staff-" + std::to_string(10000 + i);
    s.office = r.facts.offices[std::size_t(i % kOffices)].code;
    if (chance(0.05)) {
      auto granted = day_in(Date(2024, 12, 1), 720);
      s.certifications.push_back({r.facts.cert, granted, validity_end(granted, 24), std::nullopt});
    }
    if (chance(0.02)) s.leaves_on = day_in(kToday, 365);
    if (chance(0.02))
      s.transfers.push_back({day_in(kToday, 365), s.office, r.facts.offices[std::size_t((i + 1) % kOffices)].code});
    for (int a = 0; a < 5; ++a) {
      auto from = day_in(kToday, 360);
      s.absences.push_back({a + 1, from, from.add_days(std::uniform_int_distribution<>(0, 13)(rng)), "holiday"});
    }
    r.facts.staff.push_back(std::move(s));
  }
  return r;
}

}  // namespace

int main() {
  auto request = generate();
  std::printf("training plan benchmark: %d offices x %d staff x %d days, buffer %d, refreshers within %d days\n", kOffices,
              kStaffPerOffice, request.horizon_days, request.buffer, request.refresh_days);
  training::Plan plan;
  double pure = bench::median_ms(kRuns, [&] { plan = training::plan(request); });
  std::size_t train = 0, open = 0;
  for (const auto& o : plan.offices) train += o.train.size(), open += o.closable ? 0 : 1;
  std::printf("  domain/training_plan plan (pure): median %8.2f ms of %d runs  -> %zu to train, %zu offices not closable\n",
              pure, kRuns, train, open);
  std::printf("  target: under 100 ms -> %s\n", pure < 100 ? "met" : "NOT met");
  return 0;
}
