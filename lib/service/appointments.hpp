#pragma once
// Appointments at an office (an upgrade at the counter): the free slots, booking one with a
// certified clerk who is on duty and free then, cancelling, listing, the iCalendar file, and
// the ones at risk because nobody certified is left to keep them.
#include "service/context.hpp"
#include "store/appointment_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct SlotQuery {
  std::string office;  // "": every office, earliest first (nearest first with a postal code)
  Date date;
  std::string kind = "upgrade";
  std::string postal_code;  // the citizen's, for "nearest first"
};

struct NewAppointment {
  std::string account;  // id or login
  std::string office;
  std::string at;  // local "2026-12-10T14:00" or RFC 3339 UTC
  std::string kind = "upgrade";
};

// {"items": [{office, office_name, date, start, end, starts_at, ends_at, kind, free}], "next": null}
nlohmann::json appointment_slots(Context& ctx, const SlotQuery& query);
AppointmentRow book_appointment(Context& ctx, const NewAppointment& input);
// `account`: when given (the portal names its citizen), the appointment must be theirs.
AppointmentRow cancel_appointment(Context& ctx, std::int64_t id, const std::string& reason, const std::string& account = {});
// Every open appointment of the account cancelled with `reason` (the account is being closed),
// each audited; inside the caller's change.
std::vector<AppointmentRow> cancel_open_appointments_of(Context& ctx, std::int64_t account_id, const std::string& reason);
AppointmentRow find_appointment(Context& ctx, std::int64_t id, const std::string& account = {});
std::vector<AppointmentRow> list_appointments(Context& ctx, const std::string& office, std::optional<Date> date,
                                              const std::string& staff, const std::string& account);
// RFC 5545 text for the citizen's confirmation mail.
std::string appointment_icalendar(Context& ctx, const AppointmentRow& row);
// {"ok", "items": [appointment + "why" + "alternatives": [slot rows]]}: upcoming appointments
// nobody certified is left to keep; "ok" false when there is any (the cron job exits 1).
nlohmann::json appointments_at_risk(Context& ctx);
// The cron job that keeps appointments kept: first every upcoming open appointment re-checked
// (service/appointment_keeping keep_upcoming_appointments: moved to a certified clerk free then,
// or marked needs-rebooking, or booked again), then the ones at risk: {"ok", "appointments" (what
// changed, with previous_staff), "at_risk" (the rows of appointments_at_risk)}; "ok" is false
// when any is still at risk.
nlohmann::json keep_appointments(Context& ctx);

nlohmann::json appointment_json(const Context& ctx, const AppointmentRow& row);

}  // namespace vrathaus
