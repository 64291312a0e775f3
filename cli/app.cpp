#include "app.hpp"

#include "common.hpp"
#include "core/error.hpp"
#include "session.hpp"

#include "store/sql/error.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--db", o.db, "Local SQLite store (env VRATHAUS_DB)");
  app.add_option("--remote", o.remote, "Base URL of a vrathaus serve instance (env VRATHAUS_REMOTE)");
  app.add_option("--token-file", o.token_file, "API token file for --remote, '-' for stdin (env VRATHAUS_TOKEN_FILE)");
  app.add_option("--as", o.as, "Act as this staff member, local mode only (env VRATHAUS_STAFF)");
  app.add_option("--config", o.config, "YAML config file (env VRATHAUS_CONFIG)");
  app.add_option("--profile", o.profile, "Named profile in the config file (env VRATHAUS_PROFILE)");
  app.add_option("-o,--output", o.output, "table, json, jsonl (one object per line), yaml, csv, or html for coverage (env VRATHAUS_OUTPUT)");
  app.add_option("--ca-file", o.ca_file, "CA certificate to verify a TLS server (env VRATHAUS_CA_FILE)");
  app.add_flag("-q,--quiet", o.quiet, "Print nothing but data and errors");
  app.add_flag("--insecure-http", o.insecure_http,
               "Allow --remote http:// to a host other than this machine (the API token crosses the network in clear text)");
}

int report(const std::string& message, int code) {
  std::cerr << "vrathaus: error: " << message << "\n";
  return code;
}

using AddCommands = void (*)(CLI::App&, Session&);

struct CommandGroup {
  std::string_view name;  // the top-level command the function adds, with everything under it
  AddCommands add;
};

// In the order `vrathaus --help` lists them. version, openapi and completion are not here: they
// are added with everything else (completion needs the whole tree).
constexpr CommandGroup kCommandGroups[] = {
    {"accounts", add_accounts_commands}, {"upgrades", add_upgrades_commands}, {"offices", add_offices_commands},
    {"staff", add_staff_commands},       {"coverage", add_coverage_command},  {"tokens", add_tokens_commands},
    {"audit", add_audit_commands},       {"mandates", add_mandates_commands}, {"permits", add_permits_commands},
    {"charges", add_charges_commands},   {"payments", add_payments_commands}, {"import", add_import_commands},
    {"db", add_db_commands},             {"config", add_config_commands},     {"serve", add_serve_command},
    {"training", add_training_commands},
    {"doctor", add_doctor_command},
    {"appointments", add_appointments_commands},
};

// The first word on the command line that is not a global option or its value: the command
// asked for. Empty when there is none (--help, --version, or nothing).
std::string_view requested_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--") return i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
    if (!word.starts_with('-') || word == "-") return word;
    if (word.find('=') != std::string_view::npos) continue;  // --db=FILE
    auto* option = app.get_option_no_throw(std::string(word));
    if (option && (option == app.get_help_ptr() || option == app.get_help_all_ptr())) return {};  // all commands' help
    if (option && option->get_items_expected_min() > 0) ++i;  // --db FILE: skip the value (not after a flag)
  }
  return {};
}

// Adds the commands. Building CLI11's tree for all of them is about a third of a local read's
// start-up, so when the command line names one group, only that group is built; its own
// --help and errors are the same. Anything else (a help request, an unknown word) gets the whole tree.
void add_commands(CLI::App& app, Session& session, int argc, char** argv) {
  auto requested = requested_command(app, argc, argv);
  for (const auto& group : kCommandGroups)
    if (group.name == requested) {
      group.add(app, session);
      app.get_subcommand(std::string(group.name));  // throws if the table names the wrong command
      return;
    }
  for (const auto& group : kCommandGroups) group.add(app, session);
  add_misc_commands(app, session);
  add_maintainer_commands(app, session);
}

// The edit distance of two command names (insertions, deletions, substitutions), for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// An unknown command is named, with the commands it is closest to, instead of CLI11's "A
// subcommand is required".
void refuse_unknown_command(CLI::App& app, std::string_view requested) {
  std::vector<std::string> known, close;
  for (const auto* sub : app.get_subcommands({})) known.push_back(sub->get_name());
  if (std::find(known.begin(), known.end(), requested) != known.end()) return;
  for (const auto& name : known)
    if (edit_distance(requested, name) <= std::max<std::size_t>(2, name.size() / 4)) close.push_back(name);
  std::string hint = close.empty() ? "see vrathaus --help" : "did you mean " + close.front() + "?";
  for (std::size_t i = 1; i < close.size(); ++i) hint += (i + 1 == close.size() ? " or " : ", ") + close[i] + "?";
  fail(ErrorKind::usage, "'{}' is not a vrathaus command; {}", requested, hint);
}

// "vrathaus help [COMMAND …]" asks for "vrathaus [COMMAND …] --help".
std::vector<char*> with_help_expanded(int argc, char** argv, CLI::App& probe) {
  std::vector<char*> args(argv, argv + argc);
  auto requested = requested_command(probe, argc, argv);
  if (requested != "help") return args;
  auto at = std::find_if(args.begin() + 1, args.end(), [&](char* a) { return std::string_view(a) == "help"; });
  args.erase(at);
  static char help_flag[] = "--help";
  args.push_back(help_flag);
  return args;
}

}  // namespace

int run(int argc, char** argv) {
  Session session;
  CLI::App app{"vrathaus — the virtual town hall's staff toolkit: accounts, upgrades, coverage, permits, SEPA, imports",
               "vrathaus"};
  app.require_subcommand(1);
  app.fallthrough();
  add_global_options(app, session.options);
  app.set_version_flag("--version", std::string("vrathaus ") + VRATHAUS_VERSION);
  auto args = with_help_expanded(argc, argv, app);
  argc = int(args.size());
  argv = args.data();
  add_commands(app, session, argc, argv);
  examples(&app,
           "  vrathaus db init --seed config/dortmund-seed.yaml\n"
           "  vrathaus accounts create --login anna@example.de --given-name Anna --family-name Schröter\n"
           "  vrathaus accounts search Schroeter -o json\n"
           "  vrathaus --remote http://127.0.0.1:8080 --token-file ~/.config/vrathaus/token accounts list\n"
           "Exit status: 0 ok, 1 problems found, 2 usage, 3 not found, 4 conflict/refused, 5 invalid input,\n"
           "6 not authorised, 7 remote unreachable, 8 store busy, 9 configuration, 70 internal error.");
  try {
    if (auto requested = requested_command(app, argc, argv); !requested.empty()) refuse_unknown_command(app, requested);
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11's RequiredError etc.: one line, exit 2 (its own codes are not ours).
    if (e.get_exit_code() == 0) return app.exit(e);
    return report(std::string(e.what()) + " (see --help)", exit_code(ErrorKind::usage));
  } catch (const Error& e) {
    return report(e.what(), exit_code(e.kind()));
  } catch (const sql::Error& e) {
    try {
      rethrow_sql_error(e);
    } catch (const Error& mapped) {
      return report(mapped.what(), exit_code(mapped.kind()));
    }
  } catch (const std::exception& e) {
    return report(std::string("internal error: ") + e.what(), exit_code(ErrorKind::internal));
  }
  // Cron mails stderr only: a command that found problems but said nothing there (even with -q)
  // would fail silently. Each command names its problems; this is the net under them.
  if (session.exit_status != 0 && !session.told_why())
    session.warn("the command found problems (exit " + std::to_string(session.exit_status) + "); see its output");
  return session.exit_status;
}

}  // namespace vrathaus::cli
