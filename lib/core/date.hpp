#pragma once
// Local calendar dates (never timestamps): permit validity, certification expiry, absences.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace vrathaus {

class Date {
public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  constexpr Date(int y, unsigned m, unsigned d)
      : ymd_(std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}) {}

  // Strict YYYY-MM-DD; nullopt on anything else, including 2026-02-30.
  static std::optional<Date> parse(std::string_view text);
  // Like parse(), but throws an invalid-input Error naming `field`.
  static Date parse_field(std::string_view text, std::string_view field);
  static Date from_days(std::chrono::sys_days days) { return Date(std::chrono::year_month_day{days}); }

  std::string str() const;
  int year() const { return int(ymd_.year()); }
  unsigned month() const { return unsigned(ymd_.month()); }
  unsigned day() const { return unsigned(ymd_.day()); }
  std::chrono::sys_days days() const { return std::chrono::sys_days{ymd_}; }
  // ISO weekday: 1 = Monday … 7 = Sunday.
  unsigned iso_weekday() const { return std::chrono::weekday{days()}.iso_encoding(); }

  Date add_days(long n) const { return from_days(days() + std::chrono::days{n}); }
  // Calendar months; a day past the end of the target month clamps to its last day.
  Date add_months_clamped(int n) const;
  long days_until(const Date& other) const { return (other.days() - days()).count(); }

  friend constexpr bool operator==(const Date&, const Date&) = default;
  friend constexpr auto operator<=>(const Date& a, const Date& b) { return a.days_cmp() <=> b.days_cmp(); }

private:
  constexpr int days_cmp() const { return std::chrono::sys_days{ymd_}.time_since_epoch().count(); }
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

}  // namespace vrathaus
