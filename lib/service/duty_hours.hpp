#pragma once
// Duty times: when a staff member works on each weekday. Without a setting the office's opening
// hours apply; part-time staff work fewer hours or days. Changing them re-checks the person's
// upcoming appointments (service/appointment_keeping).
#include "service/appointment_keeping.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct DutyChange {
  std::string staff;
  std::string weekday;            // mon … sun
  std::optional<std::string> from, to;  // HH:MM; both for hours
  bool off = false;                // not working that weekday
  bool office_hours = false;       // back to the office's hours
};

struct DutyChanged {
  nlohmann::json hours;  // the week, as duty_hours_json
  std::vector<AppointmentMoved> moved;
};

DutyChanged set_duty_hours(Context& ctx, const DutyChange& change);
// {"staff", "office", "week": [{"weekday", "from", "to", "source": "staff"|"office"|"off"|"closed"}]}
nlohmann::json duty_hours_json(Context& ctx, const std::string& staff);

}  // namespace vrathaus
