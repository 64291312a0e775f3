#pragma once
// "Today" drives renewals, expiries and coverage, so time is injected, never read directly.
#include "core/date.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace vrathaus {

class Clock {
public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  // The local calendar day in the city's time zone (Europe/Berlin by default).
  virtual Date today() const = 0;
  std::string now_rfc3339() const;
};

// The real clock; `timezone` is an IANA zone name used for today().
std::unique_ptr<Clock> system_clock(std::string timezone);
// A fixed instant, for tests and for reproducible runs (VRATHAUS_NOW=2026-11-25T09:00:00Z).
std::unique_ptr<Clock> fixed_clock(std::chrono::system_clock::time_point at, std::string timezone);
// Parses RFC 3339 UTC ("2026-11-25T09:00:00Z") or a date ("2026-11-25", taken as 09:00 local).
std::chrono::system_clock::time_point parse_instant(const std::string& text);
std::string format_rfc3339(std::chrono::system_clock::time_point at);

// The instant of a local wall-clock time (`minute_of_day` minutes after midnight) on `day` in
// `timezone`, daylight saving included. A time in the hour skipped in spring counts as winter
// time (02:30 is 03:30 summer time); in the hour repeated in autumn, the first (summer) one.
std::chrono::sys_seconds local_time_to_utc(const std::string& timezone, const Date& day, int minute_of_day);
// The local calendar day and minute after midnight of an instant.
struct LocalTime {
  Date day;
  int minute = 0;
};
LocalTime utc_to_local(const std::string& timezone, std::chrono::system_clock::time_point at);

}  // namespace vrathaus
