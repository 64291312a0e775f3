#pragma once
// `training plan`: load the facts (those of the coverage report, plus the people enrolled in
// planned sessions, counted as certified from the session's day), let domain/training_plan
// decide, return the rows; `--apply` enrols the suggested people into the next fitting sessions.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct PlanQuery {
  std::string cert = "identity-check";
  std::optional<std::int64_t> horizon_days;  // default 365
  std::string office;                        // "": every office
  std::optional<std::int64_t> buffer;        // default 1
};

inline constexpr int kDefaultPlanHorizonDays = 365;
inline constexpr int kMaxPlanHorizonDays = 2 * 366;

// {"from","to","cert","horizon_days","buffer","lead_days","refresh_days","ok","offices":[row…]}; a row
// per office: office, first_gap, required, minimum, present, train (ids), refresh, train_by,
// closable, short_days, why. "ok" is false when some gap cannot be closed by training (exit 1).
nlohmann::json training_plan(Context& ctx, const PlanQuery& query);

// The plan, and each suggested person enrolled in the earliest planned session of the kind with a
// free place, for their office or for every office. Rows gain "enrolled" ([{staff, session, date,
// in_time}]: in_time is false for a session after train_by, the best there is) and "unplaced" (ids
// no session could take).
nlohmann::json apply_training_plan(Context& ctx, const PlanQuery& query);

}  // namespace vrathaus
