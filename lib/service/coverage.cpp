#include "service/coverage.hpp"

#include "core/error.hpp"
#include "service/certifications.hpp"
#include "service/offices.hpp"
#include "store/placement_rows.hpp"
#include "store/presence_rows.hpp"
#include "store/training_rows.hpp"

#include "store/sql/sql.hpp"

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
json daily_json(Context& ctx, const coverage::Report& report) {
  std::unordered_map<std::string, std::string> names;
  for (const auto& o : list_offices(ctx)) names[o.code] = o.name;
  json out = json::array();
  for (const auto& d : report.days) {
    json present = json::array();
    for (const auto& count : d.present) present.push_back(count ? json(*count) : json(nullptr));
    out.push_back({{"office", d.office}, {"name", names[d.office]}, {"required", d.required}, {"present", std::move(present)}});
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
  std::unordered_map<std::string, std::size_t> index;
  // Staff of the office, and those who move into or out of it.
  sql::Statement q(ctx.db(), "SELECT id, office, active, leaves_on FROM staff WHERE office IS NOT NULL AND (?1 = '' OR "
                                "office = ?1 OR id IN (SELECT staff FROM staff_transfers WHERE ?1 IN (from_office, to_office)))");
  q.bind(1, office);
  while (q.executeStep()) {
    index[q.getColumn(0).getString()] = r.staff.size();
    coverage::StaffFacts s{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0, {}, {}};
    if (!q.getColumn(3).isNull()) s.leaves_on = Date::parse(q.getColumn(3).getString());
    r.staff.push_back(std::move(s));
  }
  for (auto& row : load_transfers(ctx.db()))
    if (auto it = index.find(row.staff); it != index.end()) r.staff[it->second].transfers.push_back(std::move(row.transfer));
  for (auto& row : load_certifications_of_kind(ctx.db(), cert))
    if (auto it = index.find(row.staff); it != index.end()) r.staff[it->second].certifications.push_back(std::move(row.period));
  for (auto& row : load_absences_between(ctx.db(), from, to))
    if (auto it = index.find(row.staff); it != index.end()) r.staff[it->second].absences.push_back(std::move(row.period));
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

  json gaps = json::array(), expiring = json::array();
  for (const auto& g : report.gaps) gaps.push_back(gap_json(g));
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
           {"expiring", std::move(expiring)}};
  if (query.daily) {
    out["city"] = ctx.city.name.empty() ? json(nullptr) : json(ctx.city.name);
    out["holidays"] = holidays_between(ctx.city.holidays, report.from, report.to);
    out["daily"] = daily_json(ctx, report);
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
