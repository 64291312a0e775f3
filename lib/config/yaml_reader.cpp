#include "config/yaml_reader.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <charconv>

namespace vrathaus::yaml {

void config_error(const Where& where, const YAML::Node& node, const std::string& why) {
  auto mark = node.Mark();
  std::string at = where.origin;
  if (!mark.is_null()) at += ":" + std::to_string(mark.line + 1);
  fail(ErrorKind::config, "{}: {}: {}", at, where.path.empty() ? "(top level)" : where.path, why);
}

void expect_map(const YAML::Node& node, const Where& where, std::initializer_list<const char*> allowed) {
  if (!node.IsMap()) config_error(where, node, "expected a mapping");
  for (const auto& item : node) {
    auto key = item.first.as<std::string>();
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; });
    if (!known) config_error(where.child(key), item.first, "unknown key");
  }
}

void expect_sequence(const YAML::Node& node, const Where& where) {
  if (!node.IsSequence()) config_error(where, node, "expected a list");
}

std::string read_string(const YAML::Node& node, const Where& where) {
  if (!node.IsScalar()) config_error(where, node, "expected a string");
  return node.Scalar();
}

std::int64_t read_int(const YAML::Node& node, const Where& where, std::int64_t min, std::int64_t max) {
  auto text = read_string(node, where);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) config_error(where, node, "expected a whole number");
  if (value < min || value > max)
    config_error(where, node, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return value;
}

Date read_date(const YAML::Node& node, const Where& where) {
  auto text = read_string(node, where);
  auto date = Date::parse(text);
  if (!date) config_error(where, node, "'" + text + "' is not a date (YYYY-MM-DD)");
  return *date;
}

std::vector<std::string> read_strings(const YAML::Node& node, const Where& where) {
  expect_sequence(node, where);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < node.size(); ++i) out.push_back(read_string(node[i], where.index(i)));
  return out;
}

}  // namespace vrathaus::yaml
