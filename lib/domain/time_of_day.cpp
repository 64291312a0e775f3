#include "domain/time_of_day.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace vrathaus {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool two_digits(std::string_view text, int& out) {
  if (text.size() != 2 || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isdigit(static_cast<unsigned char>(text[1])))
    return false;
  out = (text[0] - '0') * 10 + (text[1] - '0');
  return true;
}

}  // namespace

std::optional<int> parse_time_of_day(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !two_digits(text.substr(0, 2), h) || !two_digits(text.substr(3, 2), m))
    return std::nullopt;
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

int parse_time_of_day_field(std::string_view text, std::string_view field) {
  auto t = parse_time_of_day(text);
  if (!t) fail_field(field, "'{}' is not a time of day (HH:MM)", text);
  return *t;
}

std::string time_of_day_str(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::optional<TimeRange> parse_time_range(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto from = parse_time_of_day(text.substr(0, dash)), to = parse_time_of_day(text.substr(dash + 1));
  if (!from || !to || *to <= *from) return std::nullopt;
  return TimeRange{*from, *to};
}

std::string time_range_str(const TimeRange& r) { return time_of_day_str(r.from) + "-" + time_of_day_str(r.to); }

std::optional<TimeRange> intersect(const TimeRange& a, const TimeRange& b) {
  TimeRange out{std::max(a.from, b.from), std::min(a.to, b.to)};
  if (out.to <= out.from) return std::nullopt;
  return out;
}

std::optional<LocalDateTime> parse_local_date_time(std::string_view text) {
  if (text.size() == 19 && text.substr(16) == ":00") text = text.substr(0, 16);
  if (text.size() != 16 || text[10] != 'T') return std::nullopt;
  auto day = Date::parse(text.substr(0, 10));
  auto minute = parse_time_of_day(text.substr(11));
  if (!day || !minute || *minute == 24 * 60) return std::nullopt;
  return LocalDateTime{*day, *minute};
}

std::optional<unsigned> parse_weekday(std::string_view text) {
  auto it = std::find(kWeekdays.begin(), kWeekdays.end(), text);
  if (it == kWeekdays.end()) return std::nullopt;
  return unsigned(it - kWeekdays.begin()) + 1;
}

std::string_view weekday_name(unsigned iso_weekday) { return kWeekdays.at(iso_weekday - 1); }

}  // namespace vrathaus
