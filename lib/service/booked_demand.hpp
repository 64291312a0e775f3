#pragma once
// Booked demand for the coverage report and the training plan: per office-day with open
// appointments of a kind that needs the certification, the bookings against the time the
// certified clerks present can serve (their duty within the opening hours), judged by
// domain/booked_demand. Bookings are read in one query; without bookings nothing is flagged, so
// a store without appointments gets the results it always had.
#include "domain/booked_demand.hpp"
#include "domain/coverage.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vrathaus {

struct DemandRisk {
  demand::OfficeDayLoad load;
  demand::Reason reason = demand::Reason::none;
};

// The flagged office-days in [from, to] of the offices in `facts` (the facts of the coverage
// computation: the same people count as present), by day, then office.
std::vector<DemandRisk> booked_demand_risks(Context& ctx, const coverage::Request& facts, const Date& from, const Date& to);

// {office, date, booked, booked_minutes, capacity_minutes, present, required, reason}
nlohmann::json demand_risk_json(const DemandRisk& risk);

// (office, date) → the risk, for marking gap rows and days.
std::map<std::pair<std::string, Date>, const DemandRisk*> demand_by_day(const std::vector<DemandRisk>& risks);

// office → its flagged days, each with the certified people wanted then (those present plus
// one), for the training plan.
std::map<std::string, std::map<Date, int>> demand_days_by_office(const std::vector<DemandRisk>& risks);

}  // namespace vrathaus
