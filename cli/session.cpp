#include "session.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "remote/remote_backend.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

extern char** environ;

namespace vrathaus::cli {
namespace {

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

std::string os_user() {
  if (auto* pw = getpwuid(geteuid())) return pw->pw_name;
  return std::to_string(geteuid());
}

// The token comes from a file (never the command line). A token file others can read is refused.
std::string read_token(const std::string& path) {
  if (path.empty()) fail(ErrorKind::unauthenticated, "--remote needs an API token: --token-file FILE or VRATHAUS_TOKEN_FILE");
  std::string text;
  if (path == "-") {
    std::getline(std::cin, text);
  } else {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) fail(ErrorKind::unauthenticated, "cannot read the token file {}", path);
    if (st.st_mode & (S_IRWXG | S_IRWXO))
      fail(ErrorKind::unauthenticated, "the token file {} is readable by others: chmod 600 it", path);
    std::ifstream file(path);
    std::getline(file, text);
  }
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.empty()) fail(ErrorKind::unauthenticated, "the token file {} is empty", path);
  return text;
}

// VRATHAUS_NOW fixes the clock (tests, reproducible runs); otherwise the real time.
std::unique_ptr<Clock> make_clock(const std::map<std::string, std::string>& env, const std::string& zone) {
  if (auto it = env.find("VRATHAUS_NOW"); it != env.end() && !it->second.empty())
    return fixed_clock(parse_instant(it->second), zone);
  return system_clock(zone);
}

}  // namespace

const Settings& Session::settings() {
  if (!settings_) {
    SettingsInput in;
    in.env = process_environment();
    in.config_flag = options.config;
    in.profile_flag = options.profile;
    in.flags = {{"db", options.db},       {"remote", options.remote}, {"token_file", options.token_file},
                {"as", options.as},       {"output", options.output}, {"ca_file", options.ca_file}};
    settings_ = std::make_unique<Settings>(load_settings(in));
    auto format = settings_->get("output").value;
    if (std::find(accepted_formats_.begin(), accepted_formats_.end(), format) == accepted_formats_.end())
      fail(ErrorKind::usage, "--output {}: choose {}{}", format, fmt::join(accepted_formats_, ", "),
           format == "html" ? " (html: only coverage writes it)" : "");
  }
  return *settings_;
}

std::string Session::output_format() { return settings().get("output").value; }

Backend& Session::backend() {
  if (backend_) return *backend_;
  const auto& s = settings();
  auto env = process_environment();
  if (s.get("remote").set()) {
    if (s.get("as").set())
      fail(ErrorKind::forbidden, "--as is refused in remote mode: the server acts as the API token's owner ({})",
           s.get("as").source);
    RemoteOptions ro;
    ro.base_url = s.get("remote").value;
    ro.token = read_token(s.get("token_file").value);
    ro.ca_file = s.get("ca_file").value;
    ro.insecure_http = options.insecure_http;
    backend_ = std::make_unique<RemoteBackend>(ro);
  } else {
    backend_ = std::make_unique<LocalBackend>(s.get("db").value, s.city, clock(), s.get("as").value, os_user());
  }
  return *backend_;
}

std::shared_ptr<const Clock> Session::clock() {
  if (!clock_) clock_ = make_clock(process_environment(), settings().city.timezone);
  return clock_;
}

LocalBackend& Session::local(const std::string& command) {
  if (settings().get("remote").set())
    fail(ErrorKind::usage, "'{}' works on a local store only (--db), not with --remote", command);
  return static_cast<LocalBackend&>(backend());
}

nlohmann::json Session::take_warnings(nlohmann::json result) {
  if (result.is_object() && result.contains("warnings")) {
    for (const auto& w : result["warnings"]) warn(w.get<std::string>());
    result.erase("warnings");
  }
  return result;
}

nlohmann::json Session::call(const std::string& operation, const nlohmann::json& params) {
  return take_warnings(backend().call(operation, params));
}

nlohmann::json Session::call_with_file(const std::string& operation, const nlohmann::json& params,
                                       const std::string& file) {
  return take_warnings(backend().call_with_file(operation, params, file));
}

void Session::warn(const std::string& message) const { std::cerr << "vrathaus: warning: " << message << "\n"; }

void Session::info(const std::string& message) const {
  if (!options.quiet) std::cerr << message << "\n";
}

}  // namespace vrathaus::cli
