// `vrathaus tokens …`: API tokens for remote clients.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

struct TokenOptions {
  std::string staff, expires, id;
  bool read_only = false;
  bool dry_run = false;
};

}  // namespace

void add_tokens_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<TokenOptions>();
  auto* group = app.add_subcommand("tokens", "API tokens (the secret is printed once, stored hashed)");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "Create a token for a staff member or service identity");
  create->add_option("--staff", o->staff, "Owner of the token")->required();
  create->add_option("--expires", o->expires, "Last valid day (default: 90 days)");
  create->add_flag("--read-only", o->read_only, "The token may only read: every change is refused (exit 6, HTTP 403)");
  add_dry_run(create, o->dry_run);
  examples(create, "  umask 077; vrathaus tokens create --staff portal -o json | jq -r .token > portal.token\n"
                   "  umask 077; vrathaus tokens create --staff a.auditor --read-only -o json | jq -r .token > audit.token");
  create->callback([&session, o] {
    nlohmann::json p{{"staff", o->staff}};
    put(p, "expires", o->expires);
    if (o->read_only) p["read_only"] = true;
    call_and_print(session, "tokens.create", p, {}, o->dry_run);
  });

  group->add_subcommand("list", "List tokens (never their secrets)")->callback([&session] {
    call_and_print(session, "tokens.list", nlohmann::json::object(), {{"id", "staff", "expires_on", "read_only", "status"}});
  });

  auto* revoke = group->add_subcommand("revoke", "Revoke a token");
  revoke->add_option("id", o->id, "Token id")->required();
  add_dry_run(revoke, o->dry_run);
  revoke->callback([&session, o] { call_and_print(session, "tokens.revoke", {{"id", o->id}}, {}, o->dry_run); });
}

}  // namespace vrathaus::cli
