#pragma once
// The coverage report and "where can I be upgraded on day X?": load the facts from the store, let
// domain/coverage decide, return the stable JSON (gap rows, the report object, the rows of `offices
// available`).
#include "domain/coverage.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct CoverageQuery {
  std::string cert = "identity-check";
  std::optional<Date> from;  // default: today
  std::optional<Date> to;    // default: from + 13 days (two working weeks ahead)
  std::string office;        // "": every office
  std::optional<int> horizon_days;  // default 90
  bool daily = false;  // add the day-by-day counts per office, for a view of every day (the heat map)
};

inline constexpr int kDefaultCoverageDays = 14;
inline constexpr int kDefaultHorizonDays = 90;
inline constexpr int kMaxCoverageDays = 5 * 366;

// {"from","to","cert","horizon_days","horizon_until","office_days","ok","gaps":[…],"expiring":[…]};
// "ok" is false when there is any gap (the CLI exits 1). With query.daily also "city" (its name or
// null), "holidays" (the public holidays in [from, to]) and "daily": per office {"office","name",
// "required","present"}, "present" holding the count for each day from `from` to `to` (null when closed).
nlohmann::json coverage_report(Context& ctx, const CoverageQuery& query);

// Offices with a certified person present on `day`, most staffed first: rows with code, name,
// min_certified, date, certified_present, staff.
nlohmann::json available_offices(Context& ctx, const Date& day, const std::string& cert);

// The facts the pure computation needs, read in one pass: offices (one, or all), their staff,
// certifications of `cert`, and absences overlapping [from, to].
coverage::Request load_coverage_facts(Context& ctx, const std::string& cert, const std::string& office,
                                      const Date& from, const Date& to);

}  // namespace vrathaus
