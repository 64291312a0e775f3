#include "core/clock.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace vrathaus {
namespace {

using namespace std::chrono;

// Last Sunday of a month at 01:00 UTC: the EU's daylight-saving switch instant.
sys_seconds eu_switch(int year, unsigned month) {
  auto last = sys_days{year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}};
  auto wd = weekday{last}.c_encoding();  // 0 = Sunday
  return sys_seconds{(last - days{wd}).time_since_epoch()} + hours{1};
}

// The offset from UTC of a supported zone. German cities use Europe/Berlin (CET/CEST);
// UTC is there for servers configured that way. Other zones are refused at config load.
seconds utc_offset(const std::string& zone, system_clock::time_point at) {
  if (zone == "UTC" || zone == "Etc/UTC") return seconds{0};
  auto t = time_point_cast<seconds>(at);
  int year = int(year_month_day{floor<days>(t)}.year());
  bool summer = t >= eu_switch(year, 3) && t < eu_switch(year, 10);
  return hours{summer ? 2 : 1};
}

Date local_date(const std::string& zone, system_clock::time_point at) {
  auto local = time_point_cast<seconds>(at) + utc_offset(zone, at);
  return Date::from_days(floor<days>(local));
}

class SystemClock final : public Clock {
public:
  explicit SystemClock(std::string zone) : zone_(std::move(zone)) {}
  system_clock::time_point now() const override { return system_clock::now(); }
  Date today() const override { return local_date(zone_, now()); }

private:
  std::string zone_;
};

class FixedClock final : public Clock {
public:
  FixedClock(system_clock::time_point at, std::string zone) : at_(at), zone_(std::move(zone)) {}
  system_clock::time_point now() const override { return at_; }
  Date today() const override { return local_date(zone_, at_); }

private:
  system_clock::time_point at_;
  std::string zone_;
};

}  // namespace

std::string Clock::now_rfc3339() const { return format_rfc3339(now()); }

std::unique_ptr<Clock> system_clock(std::string timezone) {
  return std::make_unique<SystemClock>(std::move(timezone));
}

std::unique_ptr<Clock> fixed_clock(std::chrono::system_clock::time_point at, std::string timezone) {
  return std::make_unique<FixedClock>(at, std::move(timezone));
}

std::chrono::system_clock::time_point parse_instant(const std::string& text) {
  if (auto date = Date::parse(text)) return date->days() + hours{8};  // 09:00 CET
  int y, mo, d, h, mi, s;
  char z = 0;
  if (text.size() == 20 && std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) == 7 &&
      z == 'Z') {
    auto date = Date::parse(text.substr(0, 10));
    if (date && h < 24 && mi < 60 && s < 61) return date->days() + hours{h} + minutes{mi} + seconds{s};
  }
  fail(ErrorKind::invalid, "'{}' is not an RFC 3339 UTC time (e.g. 2026-11-25T09:00:00Z)", text);
}

sys_seconds local_time_to_utc(const std::string& timezone, const Date& day, int minute_of_day) {
  auto local = sys_seconds{day.days().time_since_epoch()} + minutes{minute_of_day};
  // Try summer time first, then winter time: whichever offset the resulting instant really has.
  for (auto offset : {hours{2}, hours{1}, hours{0}}) {
    auto at = local - offset;
    if (utc_offset(timezone, at) == offset) return at;
  }
  return local - hours{1};  // only in the skipped spring hour
}

LocalTime utc_to_local(const std::string& timezone, system_clock::time_point at) {
  auto local = time_point_cast<seconds>(at) + utc_offset(timezone, at);
  auto day = floor<days>(local);
  return {Date::from_days(day), int(duration_cast<minutes>(local - day).count())};
}

std::string format_rfc3339(system_clock::time_point at) {
  auto secs = time_point_cast<seconds>(at);
  auto day = floor<days>(secs);
  hh_mm_ss hms{secs - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", Date::from_days(day).str(), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count());
}

}  // namespace vrathaus
