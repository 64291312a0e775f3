#pragma once
// Per-staff seed entries that later capabilities understand (certifications, absences).
#include "config/yaml_reader.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

namespace vrathaus {

void seed_staff_extensions(Context& ctx, const std::string& staff_id, const YAML::Node& entry,
                           const yaml::Where& where, nlohmann::json& report);

}  // namespace vrathaus
