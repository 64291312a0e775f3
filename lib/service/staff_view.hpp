#pragma once
// The staff JSON the CLI and API show: the record plus what later capabilities attach to it
// (certifications with validity).
#include "core/date.hpp"
#include "service/staff.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

nlohmann::json staff_view(Context& ctx, const StaffMember& s);
// `staff list`'s filters; empty strings filter nothing.
struct StaffFilter {
  std::string office{};            // working there today (a transfer whose day has come counts)
  std::string cert{};              // holding this certification, valid on valid_on
  std::optional<Date> valid_on{};  // needs cert; default today
};
nlohmann::json list_staff_view(Context& ctx, const StaffFilter& filter);

}  // namespace vrathaus
