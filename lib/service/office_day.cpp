#include "service/office_day.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/coverage.hpp"
#include "store/appointment_rows.hpp"
#include "store/presence_rows.hpp"

#include <fmt/ranges.h>

#include <unordered_map>

namespace vrathaus {

const AppointmentKind& appointment_kind(const CityConfig& city, const std::string& kind) {
  auto it = city.appointments.kinds.find(kind);
  if (it == city.appointments.kinds.end()) {
    std::vector<std::string> known;
    for (const auto& [name, rules] : city.appointments.kinds) known.push_back(name);
    fail_field("kind", "'{}' is not an appointment kind ({})", kind, fmt::join(known, ", "));
  }
  return it->second;
}

std::chrono::sys_seconds office_instant(const Context& ctx, const Date& day, int minute) {
  return local_time_to_utc(ctx.city.timezone, day, minute);
}

std::string office_rfc3339(const Context& ctx, const Date& day, int minute) {
  return format_rfc3339(office_instant(ctx, day, minute));
}

TimeRange local_range(const Context& ctx, const std::string& starts_at, const std::string& ends_at) {
  auto start = utc_to_local(ctx.city.timezone, parse_instant(starts_at));
  auto end = utc_to_local(ctx.city.timezone, parse_instant(ends_at));
  // An appointment ends on its own day; one ending at midnight ends at 24:00.
  return {start.minute, end.day == start.day ? end.minute : 24 * 60};
}

std::vector<OfficeDay> load_office_days(Context& ctx, const AppointmentKind& kind, const std::string& office, const Date& day,
                                        std::int64_t ignore_appointment) {
  auto facts = load_coverage_facts(ctx, kind.cert, office, day, day);
  auto present = coverage::available_offices(facts, day);
  std::vector<OfficeDay> out;
  if (present.empty()) return out;

  auto weekday = day.iso_weekday();
  auto duty = load_duty_on(ctx.db(), weekday);
  std::unordered_map<std::string, std::vector<TimeRange>> busy;
  for (const auto& a : load_part_day_absences_on(ctx.db(), day))
    if (a.part) busy[a.staff].push_back(*a.part);
  for (const auto& a : load_booked_on(ctx.db(), day, office))
    if (a.id != ignore_appointment) busy[a.staff].push_back(local_range(ctx, a.starts_at, a.ends_at));

  for (const auto& office_present : present) {
    const auto& opening = ctx.city.appointments.schedule_of(office_present.office).on(weekday);
    if (!opening) continue;
    OfficeDay od{office_present.office, day, *opening, {}};
    for (const auto& id : office_present.present) {
      auto hours = *opening;
      if (auto d = duty.find(id); d != duty.end()) {
        if (!d->second) continue;  // off that weekday
        auto within = intersect(*d->second, *opening);
        if (!within) continue;
        hours = *within;
      }
      auto b = busy.find(id);
      od.clerks.push_back({id, hours, b == busy.end() ? std::vector<TimeRange>{} : b->second});
    }
    if (!od.clerks.empty()) out.push_back(std::move(od));
  }
  return out;
}

}  // namespace vrathaus
