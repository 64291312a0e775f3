#pragma once
// Local wall-clock times of one day (opening hours, duty times, half-day absences, slots), as
// minutes after local midnight. A day's times are kept local because that is how people plan
// them; they become instants only with the time zone (core/clock.hpp local_time_to_utc).
#include "core/date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vrathaus {

// [from, to) in minutes after local midnight; from < to.
struct TimeRange {
  int from = 0;
  int to = 0;
  int minutes() const { return to - from; }
  bool contains(const TimeRange& other) const { return from <= other.from && other.to <= to; }
  bool overlaps(const TimeRange& other) const { return from < other.to && other.from < to; }
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// "HH:MM" (00:00 … 24:00) → minutes; nullopt on anything else.
std::optional<int> parse_time_of_day(std::string_view text);
// Like parse_time_of_day, but throws an invalid-input Error naming `field`.
int parse_time_of_day_field(std::string_view text, std::string_view field);
std::string time_of_day_str(int minutes);
// "08:00-16:00" → {480, 960}; nullopt when malformed or empty (to <= from).
std::optional<TimeRange> parse_time_range(std::string_view text);
std::string time_range_str(const TimeRange& range);
// The common part of two ranges; nullopt when they do not overlap.
std::optional<TimeRange> intersect(const TimeRange& a, const TimeRange& b);

// A local date and time of day: "2027-03-01T12:00" (seconds ":00" allowed, no zone).
struct LocalDateTime {
  Date day;
  int minute = 0;
};
std::optional<LocalDateTime> parse_local_date_time(std::string_view text);

// "mon" … "sun" ↔ ISO weekday 1 … 7.
std::optional<unsigned> parse_weekday(std::string_view text);
std::string_view weekday_name(unsigned iso_weekday);

}  // namespace vrathaus
