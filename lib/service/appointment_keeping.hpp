#pragma once
// Keeping booked appointments kept: when an absence, a revoked or lapsed certification, changed
// duty times (and, later, a departure or a transfer) leave an appointment without a certified
// clerk, it moves to another certified clerk of that office who is free then, or is marked
// needs-rebooking. One function does it for every cause; the command that caused it reports
// what moved.
#include "service/context.hpp"
#include "store/appointment_rows.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct AppointmentMoved {
  AppointmentRow appointment;  // as it is now: booked with another clerk, or needs-rebooking
  std::string previous_staff;
};

// Re-checks the appointments booked with `staff` that start in [from, to): one the person can
// no longer keep moves to the first certified clerk of the office free then, else becomes
// needs-rebooking. Each change is audited; returns the changed ones. Call it inside the change
// that caused it (same transaction).
std::vector<AppointmentMoved> reassign_appointments_of(Context& ctx, const std::string& staff, std::chrono::sys_seconds from,
                                                       std::chrono::sys_seconds to);

// The same for every upcoming appointment of the person (a certification revoked, duty changed).
std::vector<AppointmentMoved> reassign_upcoming_appointments_of(Context& ctx, const std::string& staff);

// The cron job's repair: every upcoming open appointment re-checked by the same rule, whatever
// changed since it was booked (a certification that lapsed, a change no command reported): a
// booked one its clerk can no longer keep moves or needs rebooking; one that needs rebooking is
// booked again with a certified clerk who has become free. Returns the changed ones.
std::vector<AppointmentMoved> keep_upcoming_appointments(Context& ctx);

// Adds "appointments" (what moved) and one warning line per appointment to a command's result.
void report_moved(Context& ctx, nlohmann::json& result, const std::vector<AppointmentMoved>& moved);

// Whether the clerk the appointment is booked with is still certified, present, on duty and free.
bool clerk_can_keep(Context& ctx, const AppointmentRow& row);

// Marks the appointment an upgrade at the counter fulfils: `appointment` when given (it must be
// the account's, open, at that office), else the account's open upgrade appointment of today at
// that office, if any. Returns its id.
std::optional<std::int64_t> fulfil_appointment(Context& ctx, std::int64_t account_id, const std::string& office,
                                               std::int64_t upgrade_id, std::optional<std::int64_t> appointment);

}  // namespace vrathaus
