#pragma once
// Absences as values: a person's holiday, illness or training as an inclusive date range. One
// person's absences never overlap: a new one merges with every one it overlaps (whatever the
// reason: the merged range lists each) and with those that touch it for the same reason, so
// "absent on day X" is one range lookup and the list reads as people plan it.
#include "core/date.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vrathaus {

struct AbsencePeriod {
  std::int64_t id = 0;  // 0: not stored yet
  Date from;
  Date to;             // inclusive
  std::string reason;  // holiday, illness, training; a merged range lists each: "holiday,illness"
};

const std::vector<std::string>& absence_reasons();

inline bool covers(const AbsencePeriod& a, const Date& day) { return a.from <= day && day <= a.to; }

struct AbsenceMerge {
  AbsencePeriod merged;               // the union, carrying every reason once (sorted); its id is
                                      // the oldest absorbed one's (0 when nothing was absorbed)
  std::vector<std::int64_t> absorbed;  // ids of existing absences it replaces, ascending
};

// Merges `added` with every existing absence of the same person that overlaps it, or touches it
// (ends the day before it starts, or starts the day after it ends) with the same reason —
// transitively, as the union grows.
AbsenceMerge merge_absence(const std::vector<AbsencePeriod>& existing, const AbsencePeriod& added);

}  // namespace vrathaus
