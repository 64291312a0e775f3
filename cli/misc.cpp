// `vrathaus version`, `vrathaus openapi` and (completion.cpp) `vrathaus completion SHELL`.
#include "api/openapi.hpp"
#include "common.hpp"
#include "store/store.hpp"

#include <cstdlib>
#include <iostream>

namespace vrathaus::cli {

void add_misc_commands(CLI::App& app, Session& session) {
  app.add_subcommand("version", "Print the version")->callback([&session] {
    nlohmann::json v{{"version", VRATHAUS_VERSION}, {"schema_version", Store::latest_schema_version()}};
    if (session.options.output.empty() && !std::getenv("VRATHAUS_OUTPUT"))
      std::cout << "vrathaus " << VRATHAUS_VERSION << " (store schema " << Store::latest_schema_version() << ")\n";
    else
      print_result(session, v);
  });

  app.add_subcommand("openapi", "Print the OpenAPI 3 document of the REST API (docs/openapi.json)")->callback([] {
    std::cout << openapi_document().dump(2) << "\n";
  });

  add_completion_commands(app, session);
}

}  // namespace vrathaus::cli
