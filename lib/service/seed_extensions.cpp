#include "service/seed_extensions.hpp"

namespace vrathaus {

void seed_staff_extensions(Context&, const std::string&, const YAML::Node& entry, const yaml::Where& where,
                           nlohmann::json&) {
  // Certifications and absences are seeded by the coverage capability; until then the keys are
  // accepted only when empty, so a seed never silently drops data.
  for (const char* key : {"certifications", "absences"})
    if (entry[key] && entry[key].size() > 0) yaml::config_error(where.child(key), entry[key], "is not supported yet");
}

}  // namespace vrathaus
