#pragma once
// The staff JSON the CLI and API show: the record plus what later capabilities attach to it
// (certifications with validity).
#include "api/params.hpp"
#include "service/staff.hpp"

#include <nlohmann/json.hpp>

namespace vrathaus {

nlohmann::json staff_view(Context& ctx, const StaffMember& s);
// `staff list` with its filters: office; cert (holding that certification valid on valid_on,
// default today).
nlohmann::json list_staff_view(Context& ctx, const Params& filters);

}  // namespace vrathaus
