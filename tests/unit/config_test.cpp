#include "config/settings.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace vrathaus;

namespace {

struct TempConfig {
  std::string path;
  explicit TempConfig(const std::string& text) {
    path = (std::filesystem::temp_directory_path() / ("vrathaus-config-" + std::to_string(std::rand()) + ".yaml")).string();
    std::ofstream(path) << text;
  }
  ~TempConfig() { std::remove(path.c_str()); }
};

const char* kFile = R"(default_profile: local
db: /file/level.db
output: yaml
profiles:
  local:  { db: /var/lib/vrathaus/vrathaus.db, as: s.kruse }
  rathaus: { remote: https://vrathaus.intern.example:8443, token_file: ~/.config/vrathaus/token }
city:
  holidays: [2026-12-25]
  permits:
    fees:
      - { from: 2027-01-01, fee_cents: 4000 }
      - { from: 2020-01-01, fee_cents: 3070 }
)";

SettingsInput input(const std::string& config) {
  SettingsInput in;
  in.config_flag = config;
  in.env = {{"HOME", "/home/kruse"}};
  return in;
}

}  // namespace

TEST_CASE("settings layer flag > env > profile > file > default and say where each came from") {
  TempConfig file(kFile);
  auto in = input(file.path);

  auto s = load_settings(in);
  CHECK(s.profile == "local");
  CHECK(s.profile_source == "default_profile");
  CHECK(s.get("db").value == "/var/lib/vrathaus/vrathaus.db");
  CHECK(s.get("db").source.rfind("profile local", 0) == 0);
  CHECK(s.get("as").value == "s.kruse");
  CHECK(s.get("output").value == "yaml");
  CHECK(s.get("output").source.rfind("file ", 0) == 0);

  in.env["VRATHAUS_DB"] = "/env.db";
  s = load_settings(in);
  CHECK(s.get("db").value == "/env.db");
  CHECK(s.get("db").source == "env VRATHAUS_DB");

  in.flags["db"] = "/flag.db";
  s = load_settings(in);
  CHECK(s.get("db").value == "/flag.db");
  CHECK(s.get("db").source == "flag --db");

  in = input(file.path);
  in.profile_flag = "rathaus";
  s = load_settings(in);
  CHECK(s.get("remote").value == "https://vrathaus.intern.example:8443");
  CHECK(s.get("token_file").value == "/home/kruse/.config/vrathaus/token");
  CHECK(s.get("db").value == "/file/level.db");  // the file-level value, below the profile

  in.env["VRATHAUS_PROFILE"] = "local";  // the flag still wins over the environment
  CHECK(load_settings(in).profile == "rathaus");
}

TEST_CASE("without any config the store defaults to XDG_DATA_HOME and output to table") {
  SettingsInput in;
  in.env = {{"HOME", "/home/x"}, {"XDG_CONFIG_HOME", "/nonexistent"}};
  in.config_flag = "";
  auto s = load_settings(in);
  if (s.config_file.empty()) {
    CHECK(s.get("db").value == "/home/x/.local/share/vrathaus/vrathaus.db");
    CHECK(s.get("db").source == "default");
  }
  CHECK(s.get("output").value == "table");
  in.env["XDG_DATA_HOME"] = "/data";
  s = load_settings(in);
  if (s.config_file.empty()) CHECK(s.get("db").value == "/data/vrathaus/vrathaus.db");
}

TEST_CASE("the city section is typed: fees sorted, holidays parsed") {
  TempConfig file(kFile);
  auto s = load_settings(input(file.path));
  REQUIRE(s.city.permits.fees.size() == 2);
  CHECK(s.city.permits.fees[0].fee_cents == 3070);
  CHECK(s.city.holidays.contains(Date(2026, 12, 25)));
  CHECK(s.city.certification_validity_months.at("identity-check") == 24);
}

TEST_CASE("unknown keys, wrong types and unknown profiles are configuration errors naming key and line") {
  auto error_of = [](const std::string& text, const std::string& profile = "") -> std::string {
    TempConfig file(text);
    auto in = input(file.path);
    in.profile_flag = profile;
    try {
      load_settings(in);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::config);
      return e.what();
    }
    return "";
  };
  auto e = error_of("city:\n  permits:\n    validity_month: 12\n");
  CHECK(e.find(":3") != std::string::npos);
  CHECK(e.find("city.permits.validity_month") != std::string::npos);
  e = error_of("city:\n  permits:\n    validity_months: twelve\n");
  CHECK(e.find("city.permits.validity_months") != std::string::npos);
  e = error_of("city:\n  holidays: [2026-02-30]\n");
  CHECK(e.find("city.holidays[0]") != std::string::npos);
  e = error_of("profiles:\n  a: { db: x }\n", "b");
  CHECK(e.find("profile 'b'") != std::string::npos);
  e = error_of("city: [\n");
  CHECK(e.find("not valid YAML") != std::string::npos);
  e = error_of("city:\n  timezone: Mars/Olympus\n");
  CHECK(e.find("city.timezone") != std::string::npos);
}

TEST_CASE("the serve section sets the server's limits; unknown keys and values out of range are refused") {
  TempConfig file("serve:\n  max_upload_bytes: 1048576\n  header_timeout_seconds: 3\n  max_connections: 50\n");
  auto s = load_settings(input(file.path));
  CHECK(s.serve.max_upload_bytes == 1048576);
  CHECK(s.serve.header_timeout_seconds == 3);
  CHECK(s.serve.max_connections == 50);
  CHECK(s.serve.max_json_bytes == 1 << 20);  // untouched: the default
  CHECK(s.serve.request_timeout_seconds == 30);
  for (const char* bad : {"serve:\n  max_upload: 5\n", "serve:\n  header_timeout_seconds: 0\n", "serve:\n  workers: many\n"}) {
    TempConfig wrong(bad);
    CAPTURE(bad);
    CHECK_THROWS_AS(load_settings(input(wrong.path)), Error);
  }
}
