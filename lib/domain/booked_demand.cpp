#include "domain/booked_demand.hpp"

namespace vrathaus::demand {

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::overbooked: return "overbooked";
    case Reason::busy_at_minimum: return "busy-at-minimum";
    case Reason::none: break;
  }
  return "none";
}

Reason assess(const OfficeDayLoad& day, int busy_percent) {
  if (day.booked == 0) return Reason::none;
  if (day.booked_minutes > day.capacity_minutes) return Reason::overbooked;
  // Integer arithmetic: "more than busy_percent of the capacity" without rounding.
  if (day.present == day.minimum && day.booked_minutes * 100L > long(busy_percent) * day.capacity_minutes)
    return Reason::busy_at_minimum;
  return Reason::none;
}

int serving_minutes(const TimeRange& opening, const std::optional<TimeRange>& duty, int slot_minutes) {
  if (slot_minutes <= 0) return 0;
  auto hours = duty ? intersect(*duty, opening) : std::optional<TimeRange>(opening);
  if (!hours) return 0;
  int slots = 0;
  for (int start = opening.from; start + slot_minutes <= opening.to; start += slot_minutes)
    slots += hours->contains({start, start + slot_minutes});
  return slots * slot_minutes;
}

}  // namespace vrathaus::demand
