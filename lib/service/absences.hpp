#pragma once
// Staff absences (holiday, illness, training): recorded by an admin or supervisor, or by the
// person themself; one person's overlapping or touching absences merge into one.
#include "service/appointment_keeping.hpp"
#include "service/context.hpp"
#include "store/presence_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct NewAbsence {
  std::string staff;
  Date from, to;
  std::string reason = "holiday";
  // Part of one day (from == to), local times: a half-day absence. It does not merge, and it
  // does not count for coverage (which counts whole days: the person is there that day); it
  // does free the person's appointments and slots for those hours.
  std::optional<TimeRange> part = std::nullopt;
};

// The bounds as given: two days ("2027-03-01") or two local times of one day
// ("2027-03-01T12:00" … "2027-03-01T16:00").
NewAbsence absence_input(const std::string& staff, const std::string& from, const std::string& to, const std::string& reason);

struct AbsenceAdded {
  AbsenceRow absence;                // the stored absence, after merging
  std::vector<std::int64_t> merged;  // the earlier absences it absorbed
  bool changed = false;              // false: an existing absence covered it already
  std::vector<AppointmentMoved> moved = {};  // appointments it moved to someone else or left needing rebooking
};

AbsenceAdded add_absence(Context& ctx, const NewAbsence& input);
std::vector<AbsenceRow> list_absences(Context& ctx, const std::string& staff, std::optional<Date> from,
                                      std::optional<Date> to);
AbsenceRow remove_absence(Context& ctx, const std::string& staff, std::int64_t absence_id, const std::string& reason);

nlohmann::json absence_json(const AbsenceRow& row);

}  // namespace vrathaus
