// Hidden commands for maintainers and tests: print the authorisation matrix (docs/authorisation.md)
// and run any operation of the table by name, locally or remotely, so that a test can walk every
// operation without knowing each command's options.
#include "api/authorisation_doc.hpp"
#include "api/operation.hpp"
#include "common.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

struct CallOptions {
  std::string operation, params = "{}", file;
};

}  // namespace

void add_maintainer_commands(CLI::App& app, Session& session) {
  app.add_subcommand("authorisation", "Print docs/authorisation.md, the operation × role matrix")
      ->group("")
      ->callback([] { std::cout << authorisation_markdown(); });

  auto o = std::make_shared<CallOptions>();
  auto* call = app.add_subcommand("call", "Run one operation of the table by name with JSON parameters")->group("");
  call->add_option("operation", o->operation, "Operation name, e.g. accounts.show")->required();
  call->add_option("params", o->params, "Its parameters as one JSON object (default {})");
  call->add_option("--file", o->file, "The file an operation takes as its body (import business)");
  call->callback([&session, o] {
    const auto& all = operations().all();
    if (std::none_of(all.begin(), all.end(), [&](const Operation& op) { return op.name == o->operation; }))
      throw Error(ErrorKind::usage, "no operation named " + o->operation + " (see vrathaus openapi)");
    auto params = nlohmann::json::parse(o->params, nullptr, false);
    if (params.is_discarded() || !params.is_object()) throw Error(ErrorKind::usage, "params: not a JSON object");
    if (o->file.empty())
      call_and_print(session, o->operation, params);
    else
      print_result(session, session.call_with_file(o->operation, params, o->file));
  });
}

}  // namespace vrathaus::cli
