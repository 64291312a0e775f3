#pragma once
// Staff absences (holiday, illness, training): recorded by an admin or supervisor, or by the
// person themself; one person's overlapping or touching absences merge into one.
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
};

struct AbsenceAdded {
  AbsenceRow absence;                // the stored absence, after merging
  std::vector<std::int64_t> merged;  // the earlier absences it absorbed
  bool changed = false;              // false: an existing absence covered it already
};

AbsenceAdded add_absence(Context& ctx, const NewAbsence& input);
std::vector<AbsenceRow> list_absences(Context& ctx, const std::string& staff, std::optional<Date> from,
                                      std::optional<Date> to);
AbsenceRow remove_absence(Context& ctx, const std::string& staff, std::int64_t absence_id, const std::string& reason);

nlohmann::json absence_json(const AbsenceRow& row);

}  // namespace vrathaus
