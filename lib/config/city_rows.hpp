#pragma once
// The city's rules as "setting = value" rows, for `config show`: what the tool will do (zones,
// fees, the creditor, holidays) is as visible as where it connects to.
#include "domain/city.hpp"

#include <string>
#include <utility>
#include <vector>

namespace vrathaus {

// ("city.permits.validity_months", "12"), … in a fixed order; lists are joined readably.
std::vector<std::pair<std::string, std::string>> city_rows(const CityConfig& city);

}  // namespace vrathaus
