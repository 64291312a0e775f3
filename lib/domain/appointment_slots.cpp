#include "domain/appointment_slots.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace vrathaus::appointments {

std::vector<std::string> free_for(const TimeRange& time, const std::vector<Clerk>& clerks) {
  std::vector<std::string> out;
  for (const auto& c : clerks) {
    if (!c.duty.contains(time)) continue;
    bool busy = std::any_of(c.busy.begin(), c.busy.end(), [&](const TimeRange& b) { return b.overlaps(time); });
    if (!busy) out.push_back(c.id);
  }
  return out;
}

std::vector<Slot> free_slots(const TimeRange& opening, int slot_minutes, const std::vector<Clerk>& clerks) {
  std::vector<Slot> out;
  if (slot_minutes <= 0) return out;
  for (int start = opening.from; start + slot_minutes <= opening.to; start += slot_minutes) {
    TimeRange time{start, start + slot_minutes};
    auto free = free_for(time, clerks);
    if (!free.empty()) out.push_back({time, std::move(free)});
  }
  return out;
}

bool on_slot_grid(const TimeRange& opening, int slot_minutes, const TimeRange& time) {
  return slot_minutes > 0 && time.minutes() == slot_minutes && opening.contains(time) &&
         (time.from - opening.from) % slot_minutes == 0;
}

long postal_distance(const std::string& from, const std::string& to) {
  auto number = [](const std::string& code) -> long {
    if (code.empty()) return -1;
    long n = 0;
    for (char c : code) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  long a = number(from), b = number(to);
  if (a < 0 || b < 0) return std::numeric_limits<long>::max();
  return std::labs(a - b);
}

}  // namespace vrathaus::appointments
