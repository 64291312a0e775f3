#pragma once
// Strict YAML reading: unknown keys and wrong types are configuration errors (exit 9) that name
// the key path, the file and the line.
#include "core/date.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace vrathaus::yaml {

struct Where {
  std::string origin;  // file name
  std::string path;    // "city.permits.fees[0].from"
  Where child(const std::string& key) const { return {origin, path.empty() ? key : path + "." + key}; }
  Where index(std::size_t i) const { return {origin, path + "[" + std::to_string(i) + "]"}; }
};

[[noreturn]] void config_error(const Where& where, const YAML::Node& node, const std::string& why);

void expect_map(const YAML::Node& node, const Where& where, std::initializer_list<const char*> allowed);
void expect_sequence(const YAML::Node& node, const Where& where);
std::string read_string(const YAML::Node& node, const Where& where);
std::int64_t read_int(const YAML::Node& node, const Where& where, std::int64_t min, std::int64_t max);
Date read_date(const YAML::Node& node, const Where& where);
std::vector<std::string> read_strings(const YAML::Node& node, const Where& where);

}  // namespace vrathaus::yaml
