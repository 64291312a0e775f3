#pragma once
// Offices (Bürgerdienste and Bezirksverwaltungsstellen) and their minimum certified staff.
#include "service/context.hpp"
#include "store/office_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

void to_json(nlohmann::json& j, const Office& o);

struct OfficeChange {
  std::optional<std::string> name;
  std::optional<int> min_certified;
};

Office add_office(Context& ctx, const std::string& code, const std::string& name, int min_certified);
Office update_office(Context& ctx, const std::string& code, const OfficeChange& change);
Office find_office(Context& ctx, const std::string& code);  // not found → exit 3
std::vector<Office> list_offices(Context& ctx);

}  // namespace vrathaus
