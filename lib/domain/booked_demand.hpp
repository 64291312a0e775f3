#pragma once
// Booked demand as a pure function: an office-day is a risk not only when fewer certified people
// are present than its minimum (coverage), but also when its open appointments need more of them
// than are there. Two rules flag a day:
//   overbooked       the bookings take more minutes than the certified clerks present are on
//                    duty within the opening hours (some appointments cannot be served at all);
//   busy-at-minimum  the office has exactly its minimum present and the bookings fill more than
//                    `busy_percent` of their time (one more absence and they cannot be served).
// Below the minimum the day is a coverage gap already; it is flagged here as well when its
// bookings are more than the few present can serve.
#include "core/date.hpp"
#include "domain/time_of_day.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vrathaus::demand {

struct OfficeDayLoad {
  std::string office;
  Date date;
  int booked = 0;            // open appointments that day (booked or needing rebooking)
  int booked_minutes = 0;    // the time they take
  int capacity_minutes = 0;  // what the certified clerks present are on duty for, within the opening hours
  int present = 0;           // certified people present (the coverage count)
  int minimum = 0;           // the office's min_certified
};

enum class Reason { none, overbooked, busy_at_minimum };
std::string_view reason_name(Reason reason);

Reason assess(const OfficeDayLoad& day, int busy_percent);

// The minutes one clerk can serve in a day: their duty (nullopt: the office's hours) within the
// opening hours, counted in whole slots of the slot grid (a slot cut by the end of duty is not one).
int serving_minutes(const TimeRange& opening, const std::optional<TimeRange>& duty, int slot_minutes);

}  // namespace vrathaus::demand
