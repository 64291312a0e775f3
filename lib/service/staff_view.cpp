#include "service/staff_view.hpp"

namespace vrathaus {

nlohmann::json staff_view(Context&, const StaffMember& s) {
  nlohmann::json j = s;
  j["certifications"] = nlohmann::json::array();
  return j;
}

nlohmann::json list_staff_view(Context& ctx, const Params& filters) {
  auto items = nlohmann::json::array();
  for (const auto& s : list_staff(ctx, filters.str_or("office", ""))) items.push_back(staff_view(ctx, s));
  return items;
}

}  // namespace vrathaus
