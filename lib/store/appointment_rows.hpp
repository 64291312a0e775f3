#pragma once
// Reading and writing appointments and duty times; only SQL with bound parameters. Instants are
// RFC 3339 UTC text, so text order is time order.
#include "core/date.hpp"
#include "domain/time_of_day.hpp"

#include "store/sql/sql.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct AppointmentRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string office, kind;
  Date local_date;
  std::string starts_at, ends_at;  // RFC 3339 UTC
  std::string staff;               // "" while it needs rebooking
  std::string status;              // booked, needs-rebooking, cancelled, fulfilled
  std::string booked_by, booked_at, updated_at;
  std::string cancel_reason;
  std::optional<std::int64_t> upgrade_id;
};

struct AppointmentFilter {
  std::string office, staff;
  std::optional<Date> date;
  std::optional<std::int64_t> account_id;
  std::vector<std::string> statuses;  // empty: any
};

std::optional<AppointmentRow> load_appointment(sql::Connection& db, std::int64_t id);
// By start, then id.
std::vector<AppointmentRow> load_appointments(sql::Connection& db, const AppointmentFilter& filter);
// The booked appointments of one day (every office when `office` is empty).
std::vector<AppointmentRow> load_booked_on(sql::Connection& db, const Date& day, const std::string& office = {});
// One person's booked appointments starting in [from, to) (RFC 3339 UTC).
std::vector<AppointmentRow> load_booked_of_staff(sql::Connection& db, const std::string& staff, const std::string& from,
                                                 const std::string& to);
// The account's open (booked or needs-rebooking) appointment of `kind`, if any.
std::optional<AppointmentRow> load_open_appointment(sql::Connection& db, std::int64_t account_id, const std::string& kind);
std::int64_t insert_appointment(sql::Connection& db, const AppointmentRow& row);
// Writes staff, status, updated_at, cancel_reason and upgrade_id.
void update_appointment(sql::Connection& db, const AppointmentRow& row);

// Duty times: staff id → weekday's hours; nullopt: off that day. A weekday without a row for the
// person means the office's hours.
std::map<std::string, std::optional<TimeRange>> load_duty_on(sql::Connection& db, unsigned iso_weekday);
std::map<unsigned, std::optional<TimeRange>> load_duty_of(sql::Connection& db, const std::string& staff);
void set_duty(sql::Connection& db, const std::string& staff, unsigned iso_weekday, const std::optional<TimeRange>& hours);
void clear_duty(sql::Connection& db, const std::string& staff, unsigned iso_weekday);

}  // namespace vrathaus
