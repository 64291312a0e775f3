#pragma once
// Helpers every command group shares: the --dry-run flag, "call and print", option → param.
#include "output.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus::cli {

// The command groups, one file each.
void add_accounts_commands(CLI::App& app, Session& session);
void add_offices_commands(CLI::App& app, Session& session);
void add_staff_commands(CLI::App& app, Session& session);
void add_coverage_command(CLI::App& app, Session& session);
void add_tokens_commands(CLI::App& app, Session& session);
void add_audit_commands(CLI::App& app, Session& session);
void add_upgrades_commands(CLI::App& app, Session& session);
// Sub-commands of `staff` that belong to the upgrade rules (own accounts).
void add_own_account_commands(CLI::App* staff_group, Session& session);
void add_import_commands(CLI::App& app, Session& session);
void add_db_commands(CLI::App& app, Session& session);
void add_config_commands(CLI::App& app, Session& session);
void add_serve_command(CLI::App& app, Session& session);
void add_misc_commands(CLI::App& app, Session& session);
void add_maintainer_commands(CLI::App& app, Session& session);  // hidden: authorisation, call
void add_mandates_commands(CLI::App& app, Session& session);
void add_permits_commands(CLI::App& app, Session& session);
void add_charges_commands(CLI::App& app, Session& session);
void add_payments_commands(CLI::App& app, Session& session);
void add_training_commands(CLI::App& app, Session& session);
void add_doctor_command(CLI::App& app, Session& session);
void add_audit_follow_command(CLI::App* audit_group, Session& session);
void add_completion_commands(CLI::App& app, Session& session);  // completion, hidden __complete
void add_appointments_commands(CLI::App& app, Session& session);
// `staff hours`: duty times, beside the appointments they decide.
void add_duty_hours_commands(CLI::App* staff_group, Session& session);

void add_dry_run(CLI::App* cmd, bool& flag);
void add_limit(CLI::App* cmd, std::optional<std::int64_t>& limit);
// A whole number of at least 1, with a message people read (not CLI11's "0 not in range 0.000000 to …").
const CLI::Validator& at_least_one();

// Sets params[key] when the option was given.
void put(nlohmann::json& params, const std::string& key, const std::string& value);
void put(nlohmann::json& params, const std::string& key, const std::optional<std::int64_t>& value);

// Calls the operation and prints its result. For a dry run, says so on stderr.
nlohmann::json call_and_print(Session& session, const std::string& operation, nlohmann::json params,
                              const Columns& columns = {}, bool dry_run = false);

// A search is for finding someone: prints the first matches (--limit, default 50) and says on
// stderr how many more there are.
void search_and_print(Session& session, const std::string& operation, const std::string& text,
                      const std::optional<std::int64_t>& limit, const Columns& columns);

// Examples shown at the end of a command's --help.
void examples(CLI::App* cmd, const std::string& text);

}  // namespace vrathaus::cli
