#include "service/booked_demand.hpp"

#include "store/appointment_rows.hpp"
#include "store/booked_demand_rows.hpp"

#include <algorithm>
#include <unordered_map>

namespace vrathaus {
namespace {

// The kinds served by people holding `cert`, and the shortest slot among them: a clerk's time
// is counted in whole slots of that length.
struct DemandKinds {
  std::map<std::string, int> slot_minutes;  // kind → its slot length
  int shortest = 0;
};

DemandKinds kinds_needing(const CityConfig& city, const std::string& cert) {
  DemandKinds out;
  for (const auto& [name, kind] : city.appointments.kinds) {
    if (kind.cert != cert) continue;
    out.slot_minutes[name] = kind.slot_minutes;
    out.shortest = out.shortest == 0 ? kind.slot_minutes : std::min(out.shortest, kind.slot_minutes);
  }
  return out;
}

}  // namespace

std::vector<DemandRisk> booked_demand_risks(Context& ctx, const coverage::Request& facts, const Date& from, const Date& to) {
  std::vector<DemandRisk> out;
  auto kinds = kinds_needing(ctx.city, facts.cert);
  if (kinds.slot_minutes.empty() || to < from) return out;
  std::map<std::string, int> minimum;
  for (const auto& o : facts.offices) minimum[o.code] = o.required;
  const std::string only = facts.offices.size() == 1 ? facts.offices.front().code : std::string();

  // One office-day per (date, office), summing the kinds; the query orders by day, then office.
  std::vector<demand::OfficeDayLoad> loads;
  for (const auto& c : load_booked_counts(ctx.db(), from, to, only)) {
    auto kind = kinds.slot_minutes.find(c.kind);
    if (kind == kinds.slot_minutes.end() || !minimum.contains(c.office)) continue;
    if (loads.empty() || loads.back().office != c.office || loads.back().date != c.date)
      loads.push_back({c.office, c.date, 0, 0, 0, 0, minimum[c.office]});
    loads.back().booked += c.booked;
    loads.back().booked_minutes += c.booked * kind->second;
  }

  // Who is present: the coverage rule for that day; their time: duty times of that weekday.
  std::unordered_map<unsigned, std::map<std::string, std::optional<TimeRange>>> duty_by_weekday;
  std::optional<Date> presence_day;
  std::vector<coverage::Availability> presence;
  for (auto& load : loads) {
    if (presence_day != load.date) presence = coverage::available_offices(facts, load.date), presence_day = load.date;
    auto weekday = load.date.iso_weekday();
    const auto& opening = ctx.city.appointments.schedule_of(load.office).on(weekday);
    auto here = std::find_if(presence.begin(), presence.end(), [&](const auto& a) { return a.office == load.office; });
    if (here != presence.end() && opening) {
      auto duty = duty_by_weekday.find(weekday);
      if (duty == duty_by_weekday.end()) duty = duty_by_weekday.emplace(weekday, load_duty_on(ctx.db(), weekday)).first;
      load.present = int(here->present.size());
      for (const auto& id : here->present) {
        auto own = duty->second.find(id);
        if (own != duty->second.end() && !own->second) continue;  // off that weekday
        load.capacity_minutes += demand::serving_minutes(*opening, own == duty->second.end() ? std::nullopt : own->second,
                                                         kinds.shortest);
      }
    }
    auto reason = demand::assess(load, ctx.city.appointments.busy_at_minimum_percent);
    if (reason != demand::Reason::none) out.push_back({std::move(load), reason});
  }
  return out;
}

nlohmann::json demand_risk_json(const DemandRisk& r) {
  return {{"office", r.load.office},
          {"date", r.load.date.str()},
          {"booked", r.load.booked},
          {"booked_minutes", r.load.booked_minutes},
          {"capacity_minutes", r.load.capacity_minutes},
          {"present", r.load.present},
          {"required", r.load.minimum},
          {"reason", std::string(demand::reason_name(r.reason))}};
}

std::map<std::pair<std::string, Date>, const DemandRisk*> demand_by_day(const std::vector<DemandRisk>& risks) {
  std::map<std::pair<std::string, Date>, const DemandRisk*> out;
  for (const auto& r : risks) out[{r.load.office, r.load.date}] = &r;
  return out;
}

std::map<std::string, std::map<Date, int>> demand_days_by_office(const std::vector<DemandRisk>& risks) {
  std::map<std::string, std::map<Date, int>> out;
  for (const auto& r : risks) out[r.load.office][r.load.date] = r.load.present + 1;
  return out;
}

}  // namespace vrathaus
