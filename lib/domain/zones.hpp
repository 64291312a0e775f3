#pragma once
// Residents' parking zones come from config (city.zones): which streets lie in which zone.
#include "domain/city.hpp"

#include <string>
#include <string_view>

namespace vrathaus {

// The zone with this code, or nullptr.
const Zone* find_zone(const std::vector<Zone>& zones, std::string_view code);

// Whether a street lies in the zone. Street names are compared German-folded, with the usual
// abbreviation spelled out: "Kaiserstr.", "KAISERSTRASSE" and "Kaiserstraße" are one street.
bool street_in_zone(const Zone& zone, std::string_view street);

// The comparable form of a street name ("kaiserstrasse").
std::string street_key(std::string_view street);

}  // namespace vrathaus
