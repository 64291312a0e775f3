#pragma once
// Who can take an appointment at an office on a day, and when: the facts the slots, bookings and
// reassignments all decide on. Certified, active and not absent all day is the same rule as
// `offices available` (coverage::available_offices), which also gives the office order (most
// staffed first); on top come opening hours, duty times, half-day absences and bookings.
#include "domain/appointment_slots.hpp"
#include "domain/city.hpp"
#include "service/context.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace vrathaus {

struct OfficeDay {
  std::string office;
  Date day;
  TimeRange opening;
  std::vector<appointments::Clerk> clerks;  // by id
};

// The kind's rules from city.appointments.kinds; an unknown kind is a field error.
const AppointmentKind& appointment_kind(const CityConfig& city, const std::string& kind);

// The office days of `day` for `kind`: one office, or every office open with someone certified
// present, most staffed first. Empty on a weekend or holiday. `ignore_appointment`: an
// appointment not to count as booked (the one being reassigned).
std::vector<OfficeDay> load_office_days(Context& ctx, const AppointmentKind& kind, const std::string& office, const Date& day,
                                        std::int64_t ignore_appointment = 0);

// The instant a local time of day at the city's offices is, and the other way round.
std::chrono::sys_seconds office_instant(const Context& ctx, const Date& day, int minute);
std::string office_rfc3339(const Context& ctx, const Date& day, int minute);
// The local times an appointment occupies on its day.
TimeRange local_range(const Context& ctx, const std::string& starts_at, const std::string& ends_at);

}  // namespace vrathaus
