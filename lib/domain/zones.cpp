#include "domain/zones.hpp"

#include "domain/folding.hpp"

namespace vrathaus {

const Zone* find_zone(const std::vector<Zone>& zones, std::string_view code) {
  for (const auto& zone : zones)
    if (zone.code == code) return &zone;
  return nullptr;
}

std::string street_key(std::string_view street) {
  auto folded = fold_german(street);
  std::string key;
  for (char c : folded)
    if (c != ' ' && c != '.') key += c;
  // "kaiserstr." folds to "kaiserstr": spell the abbreviation out.
  if (key.ends_with("str")) key += "asse";
  return key;
}

bool street_in_zone(const Zone& zone, std::string_view street) {
  auto key = street_key(street);
  if (key.empty()) return false;
  for (const auto& s : zone.streets)
    if (street_key(s) == key) return true;
  return false;
}

}  // namespace vrathaus
