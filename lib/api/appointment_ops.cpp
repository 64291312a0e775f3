#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/appointments.hpp"
#include "service/duty_hours.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// The portal acts for the citizen who logged in: it names the account by its login, never by
// its number, and sees or changes only that account's appointments (the service checks the
// appointment belongs to it).
Grant portal_for_login(const char* param) { return {.roles = {Role::portal}, .when = Condition::login, .param = param}; }

// Free slots are public facts, like `offices available`; the importer needs none of it.
constexpr RoleSet kSlotReaders = kCaseReaders | RoleSet{Role::portal};

json appointment_list(Context& ctx, const std::vector<AppointmentRow>& rows) {
  json items = json::array();
  for (const auto& r : rows) items.push_back(appointment_json(ctx, r));
  return whole_list(std::move(items));
}

}  // namespace

void add_appointment_operations(OperationTable& t) {
  t.add({.name = "appointments.slots",
         .method = "GET",
         .path = "/appointments/slots",
         .effect = Effect::read,
         .summary = "Free appointment slots on a day, each backed by a certified clerk on duty and free then",
         .access = {.grants = {{.roles = kSlotReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return appointment_slots(ctx, {.office = p.str_or("office", ""),
                                          .date = p.date("date"),
                                          .kind = p.str_or("kind", "upgrade"),
                                          .postal_code = p.str_or("postal_code", "")});
         }});
  t.add({.name = "appointments.book",
         .method = "POST",
         .path = "/appointments",
         .effect = Effect::write,
         .summary = "Book an appointment with a certified clerk who is free then",
         .access = {.grants = {{.roles = kCounterStaff}, portal_for_login("account")},
                    .note = "someone certified for the kind is on duty and free then; one open appointment of a kind per account"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return appointment_json(ctx, book_appointment(ctx, {.account = p.str("account"),
                                                               .office = p.str("office"),
                                                               .at = p.str("at"),
                                                               .kind = p.str_or("kind", "upgrade")}));
         }});
  t.add({.name = "appointments.cancel",
         .method = "POST",
         .path = "/appointments/{id}/cancel",
         .effect = Effect::write,
         .summary = "Cancel an open appointment",
         .access = {.grants = {{.roles = kCounterStaff}, portal_for_login("account")},
                    .note = "the portal: only an appointment of the account it names by login"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return appointment_json(ctx, cancel_appointment(ctx, p.integer("id"), p.str_or("reason", ""), p.str_or("account", "")));
         }});
  t.add({.name = "appointments.show",
         .method = "GET",
         .path = "/appointments/{id}",
         .effect = Effect::read,
         .summary = "Show one appointment; with format=ics, its iCalendar file",
         .access = {.grants = {{.roles = kCaseReaders}, portal_for_login("account")}, .read_only_token = true,
                    .note = "the portal: only an appointment of the account it names by login"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto row = find_appointment(ctx, p.integer("id"), p.str_or("account", ""));
           auto out = appointment_json(ctx, row);
           if (p.str_or("format", "") == "ics") out["ics"] = appointment_icalendar(ctx, row);
           return out;
         }});
  t.add({.name = "appointments.list",
         .method = "GET",
         .path = "/appointments",
         .effect = Effect::read,
         .summary = "List appointments by office, day, staff member or account",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return appointment_list(ctx, list_appointments(ctx, p.str_or("office", ""), p.opt_date("date"),
                                                          p.str_or("staff", ""), p.str_or("account", "")));
         }});
  t.add({.name = "appointments.at_risk",
         .method = "GET",
         .path = "/appointments/at-risk",
         .effect = Effect::read,
         .summary = "Upcoming appointments nobody certified is left to keep, with the nearest free slots",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return appointments_at_risk(ctx); }});
  t.add({.name = "appointments.keep",
         .method = "POST",
         .path = "/appointments/keep",
         .effect = Effect::write,
         .summary = "The cron job: move every upcoming appointment its clerk can no longer keep to a certified clerk "
                    "free then, or mark it needs-rebooking; then the ones at risk (ok is false when any)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json&) { return keep_appointments(ctx); }});
  t.add({.name = "staff.hours",
         .method = "GET",
         .path = "/staff/{id}/hours",
         .effect = Effect::read,
         .summary = "A staff member's duty times for each weekday",
         .access = {.grants = {{.roles = kCaseReaders}, own_staff_record()}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return duty_hours_json(ctx, Params(j).str("id")); }});
  t.add({.name = "staff.set_hours",
         .method = "PUT",
         .path = "/staff/{id}/hours/{weekday}",
         .effect = Effect::write,
         .summary = "Set a staff member's duty times on one weekday (part-time, a day off, or the office's hours)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto done = set_duty_hours(ctx, {.staff = p.str("id"),
                                            .weekday = p.str("weekday"),
                                            .from = p.opt_str("from"),
                                            .to = p.opt_str("to"),
                                            .off = p.flag("off"),
                                            .office_hours = p.flag("office_hours")});
           report_moved(ctx, done.hours, done.moved);
           return done.hours;
         }});
}

}  // namespace vrathaus
