#include "config/settings.hpp"

#include "config/appointment_config.hpp"

#include "config/yaml_reader.hpp"
#include "core/error.hpp"
#include "domain/sepa_ids.hpp"

#include <filesystem>
#include <set>
#include <tuple>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;
using yaml::Where;

const std::map<std::string, std::string> kEnvNames{
    {"db", "VRATHAUS_DB"},       {"remote", "VRATHAUS_REMOTE"}, {"token_file", "VRATHAUS_TOKEN_FILE"},
    {"as", "VRATHAUS_STAFF"},    {"output", "VRATHAUS_OUTPUT"}, {"ca_file", "VRATHAUS_CA_FILE"},
};

std::string env_or(const SettingsInput& in, const std::string& name, const std::string& fallback = {}) {
  auto it = in.env.find(name);
  return it == in.env.end() || it->second.empty() ? fallback : it->second;
}

std::string expand_home(const std::string& path, const SettingsInput& in) {
  if (path.rfind("~/", 0) == 0) return env_or(in, "HOME", "/root") + path.substr(1);
  return path;
}

std::string xdg_dir(const SettingsInput& in, const char* var, const char* fallback) {
  auto dir = env_or(in, var);
  return dir.empty() ? env_or(in, "HOME", "/root") + "/" + fallback : dir;
}

// Which config file to read: --config, VRATHAUS_CONFIG, the XDG file, /etc. Only an explicitly
// named file must exist.
std::pair<std::string, std::string> locate_config(const SettingsInput& in) {
  if (!in.config_flag.empty()) return {in.config_flag, "flag --config"};
  if (auto env = env_or(in, "VRATHAUS_CONFIG"); !env.empty()) return {env, "env VRATHAUS_CONFIG"};
  for (auto candidate : {xdg_dir(in, "XDG_CONFIG_HOME", ".config") + "/vrathaus/config.yaml",
                         std::string("/etc/vrathaus/config.yaml")}) {
    std::error_code ec;
    if (fs::exists(candidate, ec)) return {candidate, "default location"};
  }
  return {"", ""};
}

YAML::Node load_yaml_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) fail(ErrorKind::config, "{}: is a directory, not a config file", path);
  std::ifstream file(path);
  if (!file) fail(ErrorKind::config, "{}: cannot read the config file", path);
  std::stringstream text;
  text << file.rdbuf();
  try {
    return YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    fail(ErrorKind::config, "{}:{}: not valid YAML: {}", path, e.mark.line + 1, e.msg);
  }
}

void read_connection_keys(const YAML::Node& node, const Where& where, std::map<std::string, std::string>& out) {
  for (const auto& name : setting_names())
    if (node[name]) out[name] = yaml::read_string(node[name], where.child(name));
}

void parse_permits(const YAML::Node& node, const Where& w, PermitRules& permits) {
  yaml::expect_map(node, w, {"validity_months", "max_per_account", "renew_window_days", "fees", "refund", "unpaid_grace_days"});
  if (node["refund"]) {
    permits.refund = yaml::read_string(node["refund"], w.child("refund"));
    if (permits.refund != "pro_rata_months" && permits.refund != "none")
      yaml::config_error(w.child("refund"), node["refund"], "choose pro_rata_months (the default) or none");
  }
  if (node["unpaid_grace_days"])
    permits.unpaid_grace_days = int(yaml::read_int(node["unpaid_grace_days"], w.child("unpaid_grace_days"), 0, 366));
  if (node["validity_months"]) permits.validity_months = int(yaml::read_int(node["validity_months"], w.child("validity_months"), 1, 120));
  if (node["max_per_account"]) permits.max_per_account = int(yaml::read_int(node["max_per_account"], w.child("max_per_account"), 1, 100));
  if (node["renew_window_days"]) permits.renew_window_days = int(yaml::read_int(node["renew_window_days"], w.child("renew_window_days"), 0, 366));
  if (auto fees = node["fees"]) {
    auto fw = w.child("fees");
    yaml::expect_sequence(fees, fw);
    permits.fees.clear();
    for (std::size_t i = 0; i < fees.size(); ++i) {
      auto ew = fw.index(i);
      yaml::expect_map(fees[i], ew, {"from", "fee_cents"});
      if (!fees[i]["from"] || !fees[i]["fee_cents"]) yaml::config_error(ew, fees[i], "needs from and fee_cents");
      permits.fees.push_back({yaml::read_date(fees[i]["from"], ew.child("from")),
                              yaml::read_int(fees[i]["fee_cents"], ew.child("fee_cents"), 0, 100'000'000)});
    }
    if (permits.fees.empty()) yaml::config_error(fw, fees, "needs at least one fee");
    std::sort(permits.fees.begin(), permits.fees.end(), [](auto& a, auto& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < permits.fees.size(); ++i)
      if (permits.fees[i].from == permits.fees[i - 1].from)
        yaml::config_error(fw, fees, "two fees start on " + permits.fees[i].from.str());
  }
}

void parse_zones(const YAML::Node& node, const Where& w, std::vector<Zone>& zones) {
  yaml::expect_sequence(node, w);
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto zw = w.index(i);
    yaml::expect_map(node[i], zw, {"code", "name", "streets"});
    if (!node[i]["code"]) yaml::config_error(zw, node[i], "a zone needs a code");
    Zone zone;
    zone.code = yaml::read_string(node[i]["code"], zw.child("code"));
    if (zone.code.empty() || zone.code.size() > 16 ||
        zone.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
      yaml::config_error(zw.child("code"), node[i]["code"], "a zone code is 1 to 16 letters, digits, - or _");
    for (const auto& other : zones)
      if (other.code == zone.code) yaml::config_error(zw.child("code"), node[i]["code"], "zone " + zone.code + " is defined twice");
    if (node[i]["name"]) zone.name = yaml::read_string(node[i]["name"], zw.child("name"));
    if (node[i]["streets"]) zone.streets = yaml::read_strings(node[i]["streets"], zw.child("streets"));
    if (zone.streets.empty()) yaml::config_error(zw.child("streets"), node[i], "a zone needs at least one street");
    for (std::size_t s = 0; s < zone.streets.size(); ++s)
      if (zone.streets[s].empty()) yaml::config_error(zw.child("streets").index(s), node[i]["streets"][s], "is empty");
    zones.push_back(std::move(zone));
  }
}

PostalAddress parse_address(const YAML::Node& node, const Where& w) {
  yaml::expect_map(node, w, {"street", "house_no", "postal_code", "town", "country"});
  PostalAddress a;
  for (auto [key, field, max] : {std::tuple{"street", &a.street, 70}, std::tuple{"house_no", &a.house_no, 16},
                                 std::tuple{"postal_code", &a.postal_code, 16}, std::tuple{"town", &a.town, 35},
                                 std::tuple{"country", &a.country, 2}}) {
    if (!node[key]) continue;
    *field = yaml::read_string(node[key], w.child(key));
    if (field->size() > std::size_t(max)) yaml::config_error(w.child(key), node[key], fmt::format("at most {} characters", max));
  }
  if (a.town.empty()) yaml::config_error(w.child("town"), node, "a bank file address needs at least the town");
  if (a.country.size() != 2 || a.country.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
    yaml::config_error(w.child("country"), node["country"], "a country is two capital letters (ISO 3166), e.g. DE");
  return a;
}

// Reason codes are four capital letters or digits (ISO 20022 external code set).
std::vector<std::string> read_reason_codes(const YAML::Node& node, const Where& w) {
  auto codes = yaml::read_strings(node, w);
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (codes[i].size() != 4 || codes[i].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos)
      yaml::config_error(w.index(i), node[i], "'" + codes[i] + "' is not a reason code (four capital letters or digits, e.g. AC04)");
  return codes;
}

void parse_returns(const YAML::Node& node, const Where& w, ReturnPolicy& policy) {
  yaml::expect_map(node, w, {"revoke_mandate", "re_present", "dispute"});
  for (auto [key, list] : {std::pair{"revoke_mandate", &policy.revoke_mandate}, std::pair{"re_present", &policy.re_present},
                           std::pair{"dispute", &policy.dispute}})
    if (node[key]) *list = read_reason_codes(node[key], w.child(key));
  // A code with two meanings would make the outcome depend on the order of the lists.
  std::set<std::string> seen;
  for (const auto* list : {&policy.revoke_mandate, &policy.re_present, &policy.dispute})
    for (const auto& code : *list)
      if (!seen.insert(code).second) yaml::config_error(w, node, "reason code " + code + " is in more than one list");
}

void parse_sepa(const YAML::Node& node, const Where& w, SepaRules& sepa) {
  yaml::expect_map(node, w, {"prenotification_days", "creditor", "format", "return_fee_cents", "returns"});
  if (node["prenotification_days"])
    sepa.prenotification_days = int(yaml::read_int(node["prenotification_days"], w.child("prenotification_days"), 1, 60));
  if (node["format"]) {
    sepa.format = yaml::read_string(node["format"], w.child("format"));
    if (sepa.format != kPain008v08 && sepa.format != kPain008v02)
      yaml::config_error(w.child("format"), node["format"],
                         fmt::format("choose {} (the default) or {} (for banks that still take it)", kPain008v08, kPain008v02));
  }
  if (node["return_fee_cents"])
    sepa.return_fee_cents = yaml::read_int(node["return_fee_cents"], w.child("return_fee_cents"), 0, 100'000);
  if (node["returns"]) parse_returns(node["returns"], w.child("returns"), sepa.returns);
  if (auto c = node["creditor"]) {
    auto cw = w.child("creditor");
    yaml::expect_map(c, cw, {"name", "iban", "bic", "creditor_id", "address"});
    std::optional<PostalAddress> creditor_address;
    if (c["address"]) creditor_address = parse_address(c["address"], cw.child("address"));
    Creditor creditor;
    for (auto [key, field] : {std::pair{"name", &creditor.name}, std::pair{"iban", &creditor.iban},
                              std::pair{"bic", &creditor.bic}, std::pair{"creditor_id", &creditor.creditor_id}}) {
      if (!c[key]) yaml::config_error(cw.child(key), c, "missing");
      *field = yaml::read_string(c[key], cw.child(key));
    }
    // The creditor's identifiers end up in every bank file: check them now, not at the first export.
    auto checked = [&](const char* key, auto validate) {
      try {
        return validate(c[key].Scalar(), key);
      } catch (const Error& e) {
        std::string why = e.what();  // "iban: 'X' has wrong check digits": the key is named by Where
        if (why.rfind(std::string(key) + ": ", 0) == 0) why = why.substr(std::string(key).size() + 2);
        yaml::config_error(cw.child(key), c[key], why);
      }
    };
    creditor.iban = checked("iban", [](const std::string& v, const char* k) { return validate_iban(v, k); });
    creditor.bic = checked("bic", [](const std::string& v, const char* k) { return validate_bic(v, k); });
    creditor.creditor_id =
        checked("creditor_id", [](const std::string& v, const char* k) { return validate_creditor_id(v, k); });
    if (creditor.name.empty() || creditor.name.size() > 70)
      yaml::config_error(cw.child("name"), c["name"], "the creditor name has 1 to 70 characters");
    creditor.address = creditor_address;
    sepa.creditor = creditor;
  }
}

void parse_training(const YAML::Node& node, const Where& w, TrainingRules& training) {
  yaml::expect_map(node, w, {"lead_days", "refresh_days"});
  if (node["lead_days"]) training.lead_days = int(yaml::read_int(node["lead_days"], w.child("lead_days"), 0, 365));
  if (node["refresh_days"])
    training.refresh_days = int(yaml::read_int(node["refresh_days"], w.child("refresh_days"), 0, 730));
}

CityConfig parse_city(const YAML::Node& node, const Where& w) {
  CityConfig city;
  yaml::expect_map(node, w,
                   {"timezone", "permits", "zones", "certifications", "holidays", "sepa", "busy_timeout_ms",
                    "document_key_file", "name", "training", "appointments"});
  if (node["name"]) {
    city.name = yaml::read_string(node["name"], w.child("name"));
    if (city.name.size() > 100) yaml::config_error(w.child("name"), node["name"], "the city name has at most 100 characters");
  }
  if (node["timezone"]) {
    city.timezone = yaml::read_string(node["timezone"], w.child("timezone"));
    if (city.timezone != "Europe/Berlin" && city.timezone != "UTC")
      yaml::config_error(w.child("timezone"), node["timezone"], "supported zones are Europe/Berlin and UTC");
  }
  if (node["permits"]) parse_permits(node["permits"], w.child("permits"), city.permits);
  if (node["zones"]) parse_zones(node["zones"], w.child("zones"), city.zones);
  if (auto certs = node["certifications"]) {
    auto cw = w.child("certifications");
    if (!certs.IsMap()) yaml::config_error(cw, certs, "expected a mapping of certification kinds");
    for (const auto& item : certs) {
      auto kind = item.first.as<std::string>();
      yaml::expect_map(item.second, cw.child(kind), {"validity_months"});
      if (item.second["validity_months"])
        city.certification_validity_months[kind] = int(
            yaml::read_int(item.second["validity_months"], cw.child(kind).child("validity_months"), 1, 240));
    }
  }
  if (auto holidays = node["holidays"]) {
    auto hw = w.child("holidays");
    yaml::expect_sequence(holidays, hw);
    for (std::size_t i = 0; i < holidays.size(); ++i) city.holidays.insert(yaml::read_date(holidays[i], hw.index(i)));
  }
  if (node["sepa"]) parse_sepa(node["sepa"], w.child("sepa"), city.sepa);
  if (node["appointments"])
    parse_appointments(node["appointments"], w.child("appointments"), city.appointments, city.certification_validity_months);
  if (node["busy_timeout_ms"])
    city.busy_timeout_ms = int(yaml::read_int(node["busy_timeout_ms"], w.child("busy_timeout_ms"), 0, 600'000));
  if (node["document_key_file"])
    city.document_key_file = yaml::read_string(node["document_key_file"], w.child("document_key_file"));
  if (node["training"]) parse_training(node["training"], w.child("training"), city.training);
  return city;
}

ServeLimits parse_serve(const YAML::Node& node, const Where& w) {
  ServeLimits limits;
  yaml::expect_map(node, w,
                   {"max_json_bytes", "max_upload_bytes", "header_timeout_seconds", "request_timeout_seconds",
                    "max_connections", "workers", "failed_logins_per_minute"});
  auto read = [&](const char* key, auto& field, std::int64_t min, std::int64_t max) {
    if (node[key]) field = static_cast<std::remove_reference_t<decltype(field)>>(yaml::read_int(node[key], w.child(key), min, max));
  };
  read("max_json_bytes", limits.max_json_bytes, 1024, std::int64_t(64) << 20);
  read("max_upload_bytes", limits.max_upload_bytes, 1024, std::int64_t(1) << 40);
  read("header_timeout_seconds", limits.header_timeout_seconds, 1, 3600);
  read("request_timeout_seconds", limits.request_timeout_seconds, 1, 3600);
  read("max_connections", limits.max_connections, 1, 100000);
  read("workers", limits.workers, 1, 256);
  read("failed_logins_per_minute", limits.failed_logins_per_minute, 1, 100000);
  return limits;
}

}  // namespace

const Setting& Settings::get(const std::string& name) const {
  static const Setting empty{"", "unset"};
  auto it = values.find(name);
  return it == values.end() ? empty : it->second;
}

CityConfig parse_city_config(const std::string& yaml_text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    fail(ErrorKind::config, "{}:{}: not valid YAML: {}", origin, e.mark.line + 1, e.msg);
  }
  if (!root || root.IsNull() || !root["city"]) return {};
  return parse_city(root["city"], Where{origin, "city"});
}

Settings load_settings(const SettingsInput& in) {
  Settings settings;
  auto [file, file_source] = locate_config(in);
  settings.config_file = file;

  std::map<std::string, std::string> file_values, profile_values;
  YAML::Node root;
  Where top{file, ""};
  if (!file.empty()) {
    root = load_yaml_file(file);
    if (root && !root.IsNull()) {
      yaml::expect_map(root, top, {"default_profile", "profiles", "city", "serve", "db", "remote", "token_file", "as", "output", "ca_file"});
      read_connection_keys(root, top, file_values);
      if (root["city"]) settings.city = parse_city(root["city"], top.child("city"));
      if (root["serve"]) settings.serve = parse_serve(root["serve"], top.child("serve"));
      if (auto profiles = root["profiles"]; profiles && !profiles.IsMap())
        yaml::config_error(top.child("profiles"), profiles, "expected a mapping of profile names");
    }
  }
  std::string profile = in.profile_flag, source = "flag --profile";
  if (profile.empty()) profile = env_or(in, "VRATHAUS_PROFILE"), source = "env VRATHAUS_PROFILE";
  bool has_root = root && root.IsMap();
  if (profile.empty() && has_root && root["default_profile"])
    profile = yaml::read_string(root["default_profile"], top.child("default_profile")), source = "default_profile";
  if (!profile.empty()) {
    if (file.empty()) fail(ErrorKind::config, "profile '{}' ({}) given but no config file was found", profile, source);
    auto node = has_root && root["profiles"] ? root["profiles"][profile] : YAML::Node();
    if (!node) fail(ErrorKind::config, "{}: profile '{}' ({}) is not defined under profiles", file, profile, source);
    auto pw = top.child("profiles").child(profile);
    yaml::expect_map(node, pw, {"db", "remote", "token_file", "as", "output", "ca_file"});
    read_connection_keys(node, pw, profile_values);
    settings.profile = profile;
    settings.profile_source = source;
  }

  for (const auto& name : setting_names()) {
    Setting s;
    if (auto f = in.flags.find(name); f != in.flags.end() && !f->second.empty()) {
      s = {f->second, "flag --" + std::string(name == "token_file" ? "token-file" : name == "ca_file" ? "ca-file" : name)};
    } else if (auto e = env_or(in, kEnvNames.at(name)); !e.empty()) {
      s = {e, "env " + kEnvNames.at(name)};
    } else if (auto p = profile_values.find(name); p != profile_values.end()) {
      s = {p->second, "profile " + settings.profile + " (" + file + ")"};
    } else if (auto fv = file_values.find(name); fv != file_values.end()) {
      s = {fv->second, "file " + file};
    }
    if (name == "db" || name == "token_file" || name == "ca_file") s.value = expand_home(s.value, in);
    settings.values[name] = s;
  }
  // Defaults: a local store under XDG_DATA_HOME unless a remote is configured; table output.
  auto& db = settings.values["db"];
  if (!db.set() && !settings.get("remote").set())
    db = {xdg_dir(in, "XDG_DATA_HOME", ".local/share") + "/vrathaus/vrathaus.db", "default"};
  auto& output = settings.values["output"];
  if (!output.set()) output = {"table", "default"};
  return settings;
}

}  // namespace vrathaus
