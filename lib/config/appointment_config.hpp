#pragma once
// Reading `city.appointments`: kinds of appointment with their slot length and certification,
// opening hours for every office, and per office the weekdays that differ and its postal code.
#include "config/yaml_reader.hpp"
#include "domain/city.hpp"

#include <map>
#include <string>

namespace vrathaus {

// `known_certs`: the certification kinds of the city; an appointment kind must name one.
void parse_appointments(const YAML::Node& node, const yaml::Where& where, AppointmentRules& rules,
                        const std::map<std::string, int>& known_certs);

}  // namespace vrathaus
