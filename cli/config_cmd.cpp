// `vrathaus config …`: which settings are in force and where each came from.
#include "common.hpp"

namespace vrathaus::cli {

void add_config_commands(CLI::App& app, Session& session) {
  auto* group = app.add_subcommand("config", "Show the layered configuration");
  group->require_subcommand(1);

  group->add_subcommand("show", "Each setting, its value and where it came from (flag, env, profile, file, default)")
      ->callback([&session] {
        const auto& s = session.settings();
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& name : setting_names()) {
          const auto& v = s.get(name);
          rows.push_back({{"setting", name}, {"value", v.value}, {"source", v.set() ? v.source : "unset"}});
        }
        rows.push_back({{"setting", "profile"}, {"value", s.profile}, {"source", s.profile.empty() ? "unset" : s.profile_source}});
        rows.push_back({{"setting", "config_file"}, {"value", s.config_file}, {"source", s.config_file.empty() ? "none found" : "read"}});
        auto city_source = s.config_file.empty() ? std::string("default") : s.config_file;
        rows.push_back({{"setting", "city.timezone"}, {"value", s.city.timezone}, {"source", city_source}});
        rows.push_back({{"setting", "city.sepa.format"}, {"value", s.city.sepa.format}, {"source", city_source}});
        rows.push_back({{"setting", "city.sepa.return_fee_cents"}, {"value", std::to_string(s.city.sepa.return_fee_cents)},
                        {"source", city_source}});
        print_result(session, rows, {{"setting", "value", "source"}});
      });

  group->add_subcommand("path", "The config file in use (or the first place one is looked for)")->callback([&session] {
    const auto& s = session.settings();
    nlohmann::json out{{"config_file", s.config_file}};
    print_result(session, out);
  });
}

}  // namespace vrathaus::cli
