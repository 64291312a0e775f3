#include "service/coverage.hpp"

#include "core/error.hpp"
#include "service/booked_demand.hpp"
#include "service/certifications.hpp"
#include "service/offices.hpp"
#include "store/placement_rows.hpp"
#include "store/presence_rows.hpp"
#include "store/staff_rows.hpp"
#include "store/training_rows.hpp"


#include <string_view>
#include <unordered_map>

namespace vrathaus {
namespace {

using nlohmann::json;

json missing_json(const coverage::Missing& m) {
  json j{{"staff", m.staff}, {"why", std::string(coverage::why_name(m.why))}};
  if (!m.absence_reason.empty()) j["reason"] = m.absence_reason;
  if (m.absent_until) j["absent_until"] = m.absent_until->str();
  if (m.valid_until) j["valid_until"] = m.valid_until->str();
  if (m.revoked_on) j["revoked_on"] = m.revoked_on->str();
  return j;
}

json gap_json(const coverage::Gap& g) {
  json missing = json::array();
  for (const auto& m : g.missing) missing.push_back(missing_json(m));
  return {{"office", g.office},   {"date", g.date.str()},         {"present", g.present},
          {"required", g.required}, {"present_staff", g.present_staff}, {"missing", std::move(missing)}};
}

json expiring_json(const coverage::Expiring& e) {
  json gaps = json::array();
  for (const auto& g : e.gaps) gaps.push_back({{"date", g.date.str()}, {"present", g.present}, {"required", g.required}});
  return {{"staff", e.staff}, {"cert", e.cert}, {"valid_until", e.valid_until.str()}, {"office", e.office}, {"gaps", std::move(gaps)}};
}

// Per office the count of every day, so that a reader can draw each day without repeating the rules.
// An office with booked-demand risks also gets "demand": the reason of each day, or null.
json daily_json(Context& ctx, const coverage::Report& report, const std::vector<DemandRisk>& risks) {
  std::unordered_map<std::string, std::string> names;
  for (const auto& o : list_offices(ctx)) names[o.code] = o.name;
  auto risk_on = demand_by_day(risks);
  json out = json::array();
  for (const auto& d : report.days) {
    json present = json::array(), demand = json::array();
    bool any_demand = false;
    for (std::size_t i = 0; i < d.present.size(); ++i) {
      present.push_back(d.present[i] ? json(*d.present[i]) : json(nullptr));
      auto risk = risk_on.find({d.office, report.from.add_days(long(i))});
      any_demand = any_demand || risk != risk_on.end();
      demand.push_back(risk == risk_on.end() ? json(nullptr) : json(demand::reason_name(risk->second->reason)));
    }
    json row{{"office", d.office}, {"name", names[d.office]}, {"required", d.required}, {"present", std::move(present)}};
    if (any_demand) row["demand"] = std::move(demand);
    out.push_back(std::move(row));
  }
  return out;
}

// The training sessions planned in the period for this certification, so that a reader can mark
// them beside the days they are meant to fill; office null: open to every office.
json planned_sessions(Context& ctx, const std::string& cert, const Date& from, const Date& to) {
  json out = json::array();
  for (const auto& s : load_sessions(ctx.db(), cert, from)) {
    if (to < s.date) break;  // by date
    if (s.status != "planned") continue;
    out.push_back({{"id", s.id},
                   {"date", s.date.str()},
                   {"office", s.office.empty() ? json(nullptr) : json(s.office)},
                   {"trainer", s.trainer},
                   {"enrolled", s.enrolments.size()},
                   {"capacity", s.capacity}});
  }
  return out;
}

// Staff ids to their place in the facts, found with the store's text as it is read: no string is
// built for each of the tens of thousands of rows looked up.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
using StaffIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

json holidays_between(const std::set<Date>& holidays, const Date& from, const Date& to) {
  json out = json::array();
  for (auto it = holidays.lower_bound(from); it != holidays.end() && *it <= to; ++it) out.push_back(it->str());
  return out;
}

}  // namespace

coverage::Request load_coverage_facts(Context& ctx, const std::string& cert, const std::string& office, const Date& from,
                                      const Date& to) {
  coverage::Request r;
  r.cert = cert;
  r.from = from;
  r.to = to;
  r.holidays = ctx.city.holidays;
  if (!office.empty()) {
    auto o = find_office(ctx, office);
    r.offices.push_back({o.code, o.min_certified});
  } else {
    for (const auto& o : list_offices(ctx)) r.offices.push_back({o.code, o.min_certified});
  }
  StaffIndex index;
  // Staff of the office, and those who move into or out of it.
  for (auto& row : staff_placements(ctx.db(), office)) {
    coverage::StaffFacts s{std::move(row.id), std::move(row.office), row.active, {}, {}};
    if (row.leaves_on) s.leaves_on = Date::parse(*row.leaves_on);
    s.roles = std::move(row.roles);
    index.emplace(s.id, r.staff.size());
    r.staff.push_back(std::move(s));
  }
  for (auto& row : load_transfers(ctx.db()))
    if (auto it = index.find(row.staff); it != index.end()) r.staff[it->second].transfers.push_back(std::move(row.transfer));
  for (auto& row : load_certifications_of_kind(ctx.db(), cert))
    if (auto it = index.find(row.staff); it != index.end()) r.staff[it->second].certifications.push_back(std::move(row.period));
  // Absences come by day, not by person (tens of thousands for a large city): gathered first, then
  // handed out with one allocation per person.
  std::vector<std::pair<std::size_t, AbsencePeriod>> absences;
  std::vector<std::size_t> per_person(r.staff.size());
  for_each_absence_between(ctx.db(), from, to, [&](std::string_view staff, AbsencePeriod&& period) {
    if (auto it = index.find(staff); it != index.end()) absences.emplace_back(it->second, std::move(period)), ++per_person[it->second];
  });
  for (std::size_t i = 0; i < per_person.size(); ++i) r.staff[i].absences.reserve(per_person[i]);
  for (auto& [i, period] : absences) r.staff[i].absences.push_back(std::move(period));
  return r;
}

json coverage_report(Context& ctx, const CoverageQuery& query) {
  check_certification_kind(ctx.city, query.cert);
  Date from = query.from.value_or(ctx.today());
  Date to = query.to.value_or(from.add_days(kDefaultCoverageDays - 1));
  if (to < from) fail_field("to", "{} is before from ({})", to.str(), from.str());
  if (from.days_until(to) >= kMaxCoverageDays) fail_field("to", "a report spans at most {} days", kMaxCoverageDays);
  int horizon = query.horizon_days.value_or(kDefaultHorizonDays);
  if (horizon < 0 || horizon > kMaxCoverageDays) fail_field("horizon", "must be between 0 and {} days", kMaxCoverageDays);

  auto last = std::max(to, from.add_days(horizon));
  auto request = load_coverage_facts(ctx, query.cert, query.office, from, last);
  request.to = to;
  request.horizon_days = horizon;
  auto report = coverage::compute(request);
  auto risks = booked_demand_risks(ctx, request, report.from, report.to);
  auto risk_on = demand_by_day(risks);

  json gaps = json::array(), expiring = json::array(), demand = json::array();
  for (const auto& g : report.gaps) {
    gaps.push_back(gap_json(g));
    // A gap day that is also overbooked says so: its bookings cannot all be served.
    if (auto risk = risk_on.find({g.office, g.date}); risk != risk_on.end())
      gaps.back()["demand"] = demand::reason_name(risk->second->reason);
  }
  for (const auto& r : risks) demand.push_back(demand_risk_json(r));
  for (const auto& e : report.expiring) expiring.push_back(expiring_json(e));
  json out{{"from", report.from.str()},
           {"to", report.to.str()},
           {"cert", report.cert},
           {"office", query.office.empty() ? json(nullptr) : json(query.office)},
           {"horizon_days", report.horizon_days},
           {"horizon_until", report.horizon_until.str()},
           {"office_days", report.office_days},
           {"ok", report.ok()},
           {"gaps", std::move(gaps)},
           {"expiring", std::move(expiring)},
           {"demand", std::move(demand)}};
  if (query.daily) {
    out["city"] = ctx.city.name.empty() ? json(nullptr) : json(ctx.city.name);
    out["holidays"] = holidays_between(ctx.city.holidays, report.from, report.to);
    out["daily"] = daily_json(ctx, report, risks);
    out["sessions"] = planned_sessions(ctx, report.cert, report.from, report.to);
  }
  return out;
}

json available_offices(Context& ctx, const Date& day, const std::string& cert) {
  check_certification_kind(ctx.city, cert);
  auto request = load_coverage_facts(ctx, cert, "", day, day);
  std::unordered_map<std::string, std::string> names;
  for (const auto& o : list_offices(ctx)) names[o.code] = o.name;
  json items = json::array();
  for (const auto& a : coverage::available_offices(request, day))
    items.push_back({{"code", a.office},
                     {"name", names[a.office]},
                     {"min_certified", a.required},
                     {"date", day.str()},
                     {"certified_present", a.present.size()},
                     {"staff", a.present}});
  json out{{"items", std::move(items)}, {"next", nullptr}};
  if (!coverage::is_opening_day(day, ctx.city.holidays))
    out["warnings"] = json::array({fmt::format("{} is {}: the offices are closed", day.str(),
                                               day.iso_weekday() > 5 ? "a weekend day" : "a public holiday")});
  return out;
}

}  // namespace vrathaus
