#pragma once
// Planned departures and transfers between offices, and the one point every change of a staff
// member's presence passes through.
#include "domain/placement.hpp"
#include "service/context.hpp"
#include "service/staff.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct PresenceChange {
  std::string staff;
  std::string action;                // the audit action: "staff.deactivate", "staff.move"
  Date on;                           // the first day the change applies
  std::vector<std::string> offices;  // the offices whose staffing changes
  nlohmann::json before, after;
  std::string reason;
  Placement previous;  // where the person was before the change (to tell the gaps it opens)
};

// Called by every service that changes whether, or where, a staff member counts (a departure now
// or later, a transfer): it audits the change and returns, as warnings, the coverage gaps it opens
// in the affected offices within the default coverage horizon from the change on (gaps that were
// there anyway are not its doing). Whatever else must follow a change of presence belongs here,
// so that no path forgets it.
// It also re-checks the person's upcoming appointments: those they can no longer keep move to a
// colleague or need rebooking (service/appointment_keeping.hpp).
struct PresenceEffects {
  nlohmann::json warnings;
  std::vector<AppointmentMoved> moved;
};
PresenceEffects on_staff_presence_changed(Context& ctx, const PresenceChange& change);

// `staff move ID --office X --on DATE`: from DATE on the person works in X. A date on or before
// today changes the recorded office at once; a later one is planned. One move per person and day.
PresenceResult move_staff(Context& ctx, const std::string& id, const std::string& office, const Date& on,
                          const std::string& reason);

// The staff JSON with where the person is today (domain/placement.hpp), and what is planned:
// leaves_on, transfers.
nlohmann::json placement_json(Context& ctx, const StaffMember& s);

}  // namespace vrathaus
