#include "service/duty_hours.hpp"

#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"
#include "store/appointment_rows.hpp"

namespace vrathaus {

nlohmann::json duty_hours_json(Context& ctx, const std::string& staff_id) {
  auto staff = find_staff(ctx, staff_id);
  auto own = load_duty_of(ctx.db(), staff.id);
  const auto& schedule = ctx.city.appointments.schedule_of(staff.office);
  auto week = nlohmann::json::array();
  for (unsigned d = 1; d <= 7; ++d) {
    nlohmann::json day{{"weekday", std::string(weekday_name(d))}, {"from", nullptr}, {"to", nullptr}};
    auto it = own.find(d);
    std::optional<TimeRange> hours = it != own.end() ? it->second : schedule.on(d);
    day["source"] = it != own.end() ? (it->second ? "staff" : "off") : (schedule.on(d) ? "office" : "closed");
    if (hours) {
      day["from"] = time_of_day_str(hours->from);
      day["to"] = time_of_day_str(hours->to);
    }
    week.push_back(std::move(day));
  }
  return {{"staff", staff.id}, {"office", staff.office}, {"week", std::move(week)}};
}

DutyChanged set_duty_hours(Context& ctx, const DutyChange& c) {
  auto staff = find_staff(ctx, c.staff);
  if (staff.office.empty()) fail(ErrorKind::conflict, "{} is a service identity: it has no duty times", staff.id);
  auto weekday = parse_weekday(c.weekday);
  if (!weekday) fail_field("weekday", "'{}' is not a weekday (mon, tue, wed, thu, fri, sat, sun)", c.weekday);
  int ways = (c.off ? 1 : 0) + (c.office_hours ? 1 : 0) + (c.from || c.to ? 1 : 0);
  if (ways != 1) fail_field("from", "give --from and --to, or --off, or --office-hours");
  auto before = duty_hours_json(ctx, staff.id);
  if (c.office_hours) {
    clear_duty(ctx.db(), staff.id, *weekday);
  } else if (c.off) {
    set_duty(ctx.db(), staff.id, *weekday, std::nullopt);
  } else {
    if (!c.from) fail_field("from", "is required with --to");
    if (!c.to) fail_field("to", "is required with --from");
    TimeRange hours{parse_time_of_day_field(*c.from, "from"), parse_time_of_day_field(*c.to, "to")};
    if (hours.to <= hours.from) fail_field("to", "{} is not after {}", *c.to, *c.from);
    set_duty(ctx.db(), staff.id, *weekday, hours);
  }
  DutyChanged out{duty_hours_json(ctx, staff.id), {}};
  if (out.hours == before) return out;
  audit_append(ctx, {"staff.hours", "staff:" + staff.id, before, out.hours, ""});
  out.moved = reassign_upcoming_appointments_of(ctx, staff.id);
  return out;
}

}  // namespace vrathaus
