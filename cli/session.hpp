#pragma once
// What every command needs after parsing: the layered settings, the backend (local or remote)
// and the output preferences. Built lazily so `--help` and `version` need no store.
#include "api/backend.hpp"
#include "api/local_backend.hpp"
#include "config/settings.hpp"
#include "core/clock.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace vrathaus::cli {

struct GlobalOptions {
  std::string db, remote, token_file, as, config, profile, output, ca_file;
  bool quiet = false;
  bool insecure_http = false;  // send the token over plain http:// to a host off this machine
  bool verbose = false;
};

class Session {
public:
  GlobalOptions options;
  int exit_status = 0;

  const Settings& settings();
  Backend& backend();
  // The local backend, for store administration; usage error in remote mode.
  LocalBackend& local(const std::string& command);
  std::string output_format();
  // A format only some commands write (coverage's html): such a command accepts it before it first
  // reads the settings; every other command refuses it as a usage error before doing anything.
  void accept_output(const std::string& format) { accepted_formats_.push_back(format); }
  // The clock the services use: VRATHAUS_NOW fixes it (tests, reproducible runs).
  std::shared_ptr<const Clock> clock();

  // Calls an operation and returns its result; warnings are printed to stderr and removed.
  nlohmann::json call(const std::string& operation, const nlohmann::json& params);
  nlohmann::json call_with_file(const std::string& operation, const nlohmann::json& params, const std::string& file);
  void warn(const std::string& message) const;
  void info(const std::string& message) const;  // silenced by -q
  // Marks "done, but a check found problems" (exit 1).
  void problems() { exit_status = exit_status == 0 ? 1 : exit_status; }

private:
  nlohmann::json take_warnings(nlohmann::json result);
  std::unique_ptr<Settings> settings_;
  std::unique_ptr<Backend> backend_;
  std::shared_ptr<const Clock> clock_;
  std::vector<std::string> accepted_formats_{"table", "json", "jsonl", "yaml", "csv"};
};

}  // namespace vrathaus::cli
