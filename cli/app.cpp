#include "app.hpp"

#include "common.hpp"
#include "core/error.hpp"
#include "session.hpp"

#include <SQLiteCpp/Exception.h>

#include <iostream>

namespace vrathaus::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("--db", o.db, "Local SQLite store (env VRATHAUS_DB)");
  app.add_option("--remote", o.remote, "Base URL of a vrathaus serve instance (env VRATHAUS_REMOTE)");
  app.add_option("--token-file", o.token_file, "API token file for --remote, '-' for stdin (env VRATHAUS_TOKEN_FILE)");
  app.add_option("--as", o.as, "Act as this staff member, local mode only (env VRATHAUS_STAFF)");
  app.add_option("--config", o.config, "YAML config file (env VRATHAUS_CONFIG)");
  app.add_option("--profile", o.profile, "Named profile in the config file (env VRATHAUS_PROFILE)");
  app.add_option("-o,--output", o.output, "table, json, yaml or csv (env VRATHAUS_OUTPUT)");
  app.add_option("--ca-file", o.ca_file, "CA certificate to verify a TLS server (env VRATHAUS_CA_FILE)");
  app.add_flag("-q,--quiet", o.quiet, "Print nothing but data and errors");
}

int report(const std::string& message, int code) {
  std::cerr << "vrathaus: error: " << message << "\n";
  return code;
}

}  // namespace

int run(int argc, char** argv) {
  Session session;
  CLI::App app{"vrathaus — the virtual town hall's staff toolkit: accounts, upgrades, coverage, permits, SEPA, imports",
               "vrathaus"};
  app.require_subcommand(1);
  app.fallthrough();
  add_global_options(app, session.options);
  add_accounts_commands(app, session);
  add_upgrades_commands(app, session);
  add_offices_commands(app, session);
  add_staff_commands(app, session);
  add_coverage_command(app, session);
  add_tokens_commands(app, session);
  add_audit_commands(app, session);
  add_mandates_commands(app, session);
  add_permits_commands(app, session);
  add_charges_commands(app, session);
  add_payments_commands(app, session);
  add_import_commands(app, session);
  add_db_commands(app, session);
  add_config_commands(app, session);
  add_serve_command(app, session);
  add_misc_commands(app, session);
  examples(&app,
           "  vrathaus db init --seed config/dortmund-seed.yaml\n"
           "  vrathaus accounts create --login anna@example.de --given-name Anna --family-name Schröter\n"
           "  vrathaus accounts search Schroeter -o json\n"
           "  vrathaus --remote http://127.0.0.1:8080 --token-file ~/.config/vrathaus/token accounts list\n"
           "Exit status: 0 ok, 1 problems found, 2 usage, 3 not found, 4 conflict/refused, 5 invalid input,\n"
           "6 not authorised, 7 remote unreachable, 8 store busy, 9 configuration, 70 internal error.");
  try {
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
  } catch (const SQLite::Exception& e) {
    try {
      rethrow_sqlite(e);
    } catch (const Error& mapped) {
      return report(mapped.what(), exit_code(mapped.kind()));
    }
  } catch (const std::exception& e) {
    return report(std::string("internal error: ") + e.what(), exit_code(ErrorKind::internal));
  }
  return session.exit_status;
}

}  // namespace vrathaus::cli
