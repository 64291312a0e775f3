#include "domain/collection_calendar.hpp"

namespace vrathaus {

Date easter_sunday(int year) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(year, unsigned(month), unsigned(day));
}

bool is_target_business_day(const Date& day) {
  if (day.iso_weekday() >= 6) return false;
  auto m = day.month(), d = day.day();
  if ((m == 1 && d == 1) || (m == 5 && d == 1) || (m == 12 && (d == 25 || d == 26))) return false;
  auto easter = easter_sunday(day.year());
  return day != easter.add_days(-2) && day != easter.add_days(1);
}

Date next_target_business_day(const Date& day) {
  auto next = day.add_days(1);
  while (!is_target_business_day(next)) next = next.add_days(1);
  return next;
}

}  // namespace vrathaus
