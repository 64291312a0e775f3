#include "core/date.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace vrathaus {

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t len) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{unsigned(*m)},
                                  std::chrono::day{unsigned(*d)}};
  if (!ymd.ok() || *y < 1900) return std::nullopt;
  return Date(ymd);
}

Date Date::parse_field(std::string_view text, std::string_view field) {
  auto date = parse(text);
  if (!date) {
    // A real calendar date before 1900 is out of range, not malformed: say which.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && text < std::string_view("1900-01-01") &&
        std::all_of(text.begin(), text.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      fail_field(field, "{} is before 1900: dates from 1900-01-01 on are accepted", text);
    fail_field(field, "'{}' is not a date (expected YYYY-MM-DD)", text);
  }
  return *date;
}

// Written digit by digit: the renewal run formats two dates per permit, and fmt's general
// machinery cost more than the rest of the date arithmetic.
std::string Date::str() const {
  int y = year();
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, month(), day());
  std::string out = "0000-00-00";
  auto put = [&](std::size_t end, unsigned value, int digits) {
    for (int i = 0; i < digits; ++i, value /= 10) out[end - std::size_t(i)] = char('0' + value % 10);
  };
  put(3, unsigned(y), 4);
  put(6, month(), 2);
  put(9, day(), 2);
  return out;
}

Date Date::add_months_clamped(int n) const {
  auto ym = std::chrono::year_month{ymd_.year(), ymd_.month()} + std::chrono::months{n};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  auto day = std::min(ymd_.day(), last.day());
  return Date(std::chrono::year_month_day{ym.year(), ym.month(), day});
}

}  // namespace vrathaus
