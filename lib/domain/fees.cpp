#include "domain/fees.hpp"

#include <fmt/format.h>

namespace vrathaus {

std::optional<std::int64_t> fee_in_force(const std::vector<FeePeriod>& schedule, const Date& day) {
  std::optional<std::int64_t> fee;
  std::optional<Date> latest;
  for (const auto& entry : schedule)  // not assumed sorted: config sorts it, tests may not
    if (entry.from <= day && (!latest || *latest < entry.from)) latest = entry.from, fee = entry.fee_cents;
  return fee;
}

std::string format_cents(std::int64_t cents) {
  auto sign = cents < 0 ? "-" : "";
  auto abs = cents < 0 ? -cents : cents;
  return fmt::format("{}{}.{:02}", sign, abs / 100, abs % 100);
}

}  // namespace vrathaus
