#pragma once
// Where to reach the data and how to print, layered flag > env > profile > file > default,
// each value remembering where it came from so `vrathaus config show` can explain itself.
#include "config/serve_limits.hpp"
#include "domain/city.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct Setting {
  std::string value;
  std::string source;  // "flag --db", "env VRATHAUS_DB", "profile local (/etc/…)", "default"
  bool set() const { return !value.empty(); }
};

// Names of the layered settings, in the order `config show` prints them.
inline const std::vector<std::string>& setting_names() {
  static const std::vector<std::string> names{"db", "remote", "token_file", "as", "output", "ca_file"};
  return names;
}

struct Settings {
  std::map<std::string, Setting> values;  // keyed by setting_names()
  std::string profile;                     // the profile in use, "" for none
  std::string profile_source;
  std::string config_file;                 // the file read, "" when none
  CityConfig city;
  ServeLimits serve;                       // section `serve`: limits of `vrathaus serve`

  const Setting& get(const std::string& name) const;
};

struct SettingsInput {
  std::map<std::string, std::string> flags;  // from the command line, keyed by setting name
  std::string config_flag;                    // --config
  std::string profile_flag;                   // --profile
  std::map<std::string, std::string> env;     // the process environment (injected for tests)
};

// Reads the config file (if any) and layers everything. Throws Error(config) naming key and line.
Settings load_settings(const SettingsInput& input);

// Parses only the city section of a YAML document (used by `serve` and the tests).
CityConfig parse_city_config(const std::string& yaml_text, const std::string& origin);

}  // namespace vrathaus
