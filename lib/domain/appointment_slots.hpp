#pragma once
// The free slots of one office on one day as a pure function: the opening hours cut into slots
// of the kind's length, each kept when at least one certified person is on duty for all of it
// and neither away (a half-day absence) nor booked then. Whole-day absences, certifications and
// the active flag are decided before (the same rule as `offices available`): only people who
// count that day are passed in.
#include "domain/time_of_day.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus::appointments {

struct Clerk {
  std::string id;
  TimeRange duty;               // on duty that day (already within the opening hours)
  std::vector<TimeRange> busy;  // half-day absences and appointments booked with them
};

struct Slot {
  TimeRange time;
  std::vector<std::string> free;  // who could take it, in the order the clerks were given
};

// Every slot of `slot_minutes` from the opening, in order; only those with someone free.
std::vector<Slot> free_slots(const TimeRange& opening, int slot_minutes, const std::vector<Clerk>& clerks);

// The clerks free for `time` (on duty all of it, not busy), in the order given.
std::vector<std::string> free_for(const TimeRange& time, const std::vector<Clerk>& clerks);

// Whether `time` starts on the slot grid of the opening hours and fits in them.
bool on_slot_grid(const TimeRange& opening, int slot_minutes, const TimeRange& time);

// How far apart two German postal codes are, as a rank for "nearest first": codes are given
// out by region, so numerically close codes are geographically close within a city. Unknown
// (empty) codes rank last.
long postal_distance(const std::string& from, const std::string& to);

}  // namespace vrathaus::appointments
