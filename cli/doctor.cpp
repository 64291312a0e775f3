// `vrathaus doctor`: a self-check for cron and monitoring. The store's checks run where the store
// is (in-process, or on the server with --remote); the configuration and the server module are
// checked here, in the process that will use them.
#include "common.hpp"

#include "api/api_server.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

namespace vrathaus::cli {
namespace {

nlohmann::json check(const std::string& name, const std::string& status, const std::string& detail) {
  return {{"check", name}, {"status", status}, {"detail", detail}};
}

// Without a city section there are no zones, fees or creditor: the renewal would report every
// permit's zone as gone. Worth a warning, not an error: a fresh install may not need them yet.
nlohmann::json config_check(const Settings& s) {
  if (s.config_file.empty()) return check("config", "warning", "no config file found: built-in defaults (no zones)");
  if (s.city.zones.empty()) return check("config", "warning", s.config_file + " defines no parking zones");
  return check("config", "ok", fmt::format("{} ({} zone(s))", s.config_file, s.city.zones.size()));
}

nlohmann::json module_check() {
  auto problem = server_module_problem();
  if (!problem.empty()) return check("server-module", "error", problem);
  return check("server-module", "ok", server_module_path());
}

// Without a valid configuration the layered output setting is unknown: the flag, the
// environment or the table then choose.
std::string format_without_config(const Session& session) {
  if (!session.options.output.empty()) return session.options.output;
  const char* env = std::getenv("VRATHAUS_OUTPUT");
  return env && *env ? env : "table";
}

void print_checks(const nlohmann::json& report, const std::string& format) {
  if (format == "table")
    std::cout << render(nlohmann::json{{"items", report["checks"]}}, "table", {{"check", "status", "detail"}});
  else
    std::cout << render(report, format, {});
  std::cout << std::flush;
}

// Exit 1 and one line on stderr naming the failed checks, for the cron mail.
void report_errors(Session& session, const nlohmann::json& checks) {
  std::string failed;
  std::size_t errors = 0, warnings = 0;
  for (const auto& c : checks) {
    if (c["status"] == "error") failed += fmt::format("{}{}: {}", errors++ ? "; " : "", c.value("check", ""), c.value("detail", ""));
    if (c["status"] == "warning") ++warnings;
  }
  if (errors > 0) {
    session.warn(fmt::format("doctor: {} error(s): {}", errors, failed));
    session.problems();
  } else if (warnings > 0) {
    session.info(fmt::format("doctor: no errors, {} warning(s)", warnings));
  }
}

void run_doctor(Session& session) {
  nlohmann::json checks = nlohmann::json::array();
  nlohmann::json report{{"ok", true}};
  try {
    checks.push_back(config_check(session.settings()));
  } catch (const Error& e) {
    // Nothing else can be trusted without the configuration: report it and stop there.
    checks.push_back(check("config", "error", e.what()));
    report["ok"] = false;
    report["checks"] = checks;
    print_checks(report, format_without_config(session));
    report_errors(session, checks);
    return;
  }
  checks.push_back(module_check());
  bool remote = session.settings().get("remote").set();
  try {
    auto store = session.call("doctor", nlohmann::json::object());
    if (remote)
      checks.push_back(check("server", "ok", fmt::format("{} answers, vrathaus {}", session.settings().get("remote").value,
                                                         store.value("version", "?"))));
    for (const auto& c : store["checks"]) checks.push_back(c);
    report["version"] = store.value("version", "");
  } catch (const Error& e) {
    // Whoever may not run the checks learns that, not a failed check (exit 6).
    if (e.kind() == ErrorKind::forbidden || e.kind() == ErrorKind::unauthenticated) throw;
    checks.push_back(check(remote ? "server" : "store", "error", e.what()));
  }
  for (const auto& c : checks) report["ok"] = report["ok"].get<bool>() && c["status"] != "error";
  report["checks"] = checks;
  print_checks(report, session.output_format());
  report_errors(session, checks);
}

}  // namespace

void add_doctor_command(CLI::App& app, Session& session) {
  auto* doctor = app.add_subcommand("doctor", "Self-check for cron and monitoring: each check ok, warning or error; exit 1 on an error");
  examples(doctor, "  vrathaus doctor\n  vrathaus doctor -o json | jq '.checks[] | select(.status != \"ok\")'\n"
                   "  vrathaus --remote https://vrathaus.intern:8443 --token-file ~/.config/vrathaus/token doctor\n"
                   "With --remote the store's checks run on the server (its store, its disk, its version);\n"
                   "the configuration and the server module are checked on this machine.");
  doctor->callback([&session] { run_doctor(session); });
}

}  // namespace vrathaus::cli
