// `vrathaus accounts …`: citizen and business accounts.
#include "common.hpp"

#include <fmt/format.h>
#include "domain/account.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kAccountColumns{{"id", "login", "tier", "status", "given_name", "family_name", "company_name", "city",
                               "assurance"}};

const Columns kIdentityChangeColumns{{"id", "account_id", "status", "requested_by", "second_staff", "awaiting_until",
                                      "decided_by"}};

struct AccountOptions {
  std::string id, login, text, reason, tier, status, office, second_staff;
  std::map<std::string, std::string> fields;
  std::optional<std::int64_t> if_version, limit;
  bool dry_run = false, erase = false;
};

std::string flag_name(std::string field) {
  for (auto& c : field)
    if (c == '_') c = '-';
  return "--" + field;
}

// One option per account field: --given-name, --postal-code, … (only those given are sent).
void add_field_options(CLI::App* cmd, std::map<std::string, std::string>& fields) {
  for (const auto& field : editable_account_fields())
    cmd->add_option_function<std::string>(
        flag_name(field), [&fields, field](const std::string& v) { fields[field] = v; }, "Set " + field);
}

nlohmann::json field_params(const AccountOptions& o) {
  nlohmann::json p = nlohmann::json::object();
  for (const auto& [k, v] : o.fields) p[k] = v;
  return p;
}

}  // namespace

void add_accounts_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<AccountOptions>();
  auto* group = app.add_subcommand("accounts", "Citizen and business accounts");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "Create a guest account");
  create->add_option("--login", o->login, "E-mail address used to log in")->required();
  add_field_options(create, o->fields);
  add_dry_run(create, o->dry_run);
  examples(create,
           "  vrathaus accounts create --login anna.schroeter@example.de --given-name Anna --family-name Schröter \\\n"
           "      --birth-date 1984-03-12 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund");
  create->callback([&session, o] {
    auto p = field_params(*o);
    p["login"] = o->login;
    call_and_print(session, "accounts.create", p, {}, o->dry_run);
  });

  auto* show = group->add_subcommand("show", "Show one account");
  show->add_option("account", o->id, "Account id or login")->required();
  show->callback([&session, o] { call_and_print(session, "accounts.show", {{"id", o->id}}); });

  auto* list = group->add_subcommand("list", "List accounts");
  list->add_option("--tier", o->tier, "guest, private, business or authority");
  list->add_option("--status", o->status, "active, suspended or closed");
  list->add_option("--office", o->office, "Verified at this office");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "tier", o->tier);
    put(p, "status", o->status);
    put(p, "office", o->office);
    put(p, "limit", o->limit);
    call_and_print(session, "accounts.list", p, kAccountColumns);
  });

  auto* search = group->add_subcommand(
      "search", "Find accounts by name (Schröter = Schroeter = SCHRÖTER), login, customer number or plate");
  search->add_option("text", o->text, "Name or part of it, a login, a customer number or a plate")->required();
  add_limit(search, o->limit);
  examples(search, "  vrathaus accounts search Schroeter\n  vrathaus accounts search SH-0000002\n"
                   "  vrathaus accounts search 'DO-AB 123'\n  vrathaus accounts search 'müller gmbh' --limit 500 -o csv");
  search->callback([&session, o] { search_and_print(session, "accounts.search", o->text, o->limit, kAccountColumns); });

  auto* update = group->add_subcommand("update", "Change account fields");
  update->add_option("account", o->id, "Account id or login")->required();
  update->add_option("--login", o->login, "New login e-mail");
  add_field_options(update, o->fields);
  update->add_option("--reason", o->reason, "Why (required for verified fields)");
  update->add_option("--if-version", o->if_version, "Refuse if the account changed since this version");
  update->add_option("--second-staff", o->second_staff,
                     "authority account's identity fields: the second staff member who must confirm the change");
  add_dry_run(update, o->dry_run);
  examples(update, "  vrathaus accounts update 42 --street Lindemannstraße --house-no 7\n"
                   "  vrathaus --as s.kruse accounts update 43 --family-name Schroeter --reason 'Ausweis' --second-staff k.schulz");
  update->callback([&session, o] {
    auto p = field_params(*o);
    p["id"] = o->id;
    put(p, "login", o->login);
    put(p, "reason", o->reason);
    put(p, "if_version", o->if_version);
    put(p, "second_staff", o->second_staff);
    call_and_print(session, "accounts.update", p, {}, o->dry_run);
  });

  auto* changes = group->add_subcommand("identity-changes", "Changes of authority accounts' identity fields (four-eyes)");
  changes->add_option("--account", o->id, "Only this account (id or login)");
  changes->add_option("--status", o->status, "awaiting-confirmation, confirmed, rejected or expired");
  changes->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "account", o->id);
    put(p, "status", o->status);
    call_and_print(session, "accounts.identity_changes", p, kIdentityChangeColumns);
  });

  auto* confirm = group->add_subcommand("confirm-identity-change",
                                        "Confirm an identity change awaiting you as its second staff member");
  confirm->add_option("change", o->id, "Identity change id")->required();
  add_dry_run(confirm, o->dry_run);
  confirm->callback([&session, o] {
    call_and_print(session, "accounts.confirm_identity_change", {{"id", o->id}}, {}, o->dry_run);
  });

  auto* reject = group->add_subcommand("reject-identity-change",
                                       "Refuse an identity change awaiting you as its second staff member");
  reject->add_option("change", o->id, "Identity change id")->required();
  reject->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(reject, o->dry_run);
  reject->callback([&session, o] {
    call_and_print(session, "accounts.reject_identity_change", {{"id", o->id}, {"reason", o->reason}}, {}, o->dry_run);
  });

  for (auto [name, help] : {std::pair{"suspend", "Suspend an account"}, std::pair{"reactivate", "Reactivate a suspended account"}}) {
    auto* cmd = group->add_subcommand(name, help);
    cmd->add_option("account", o->id, "Account id or login")->required();
    cmd->add_option("--reason", o->reason, "Why")->required();
    add_dry_run(cmd, o->dry_run);
    cmd->callback([&session, o, op = std::string("accounts.") + name] {
      call_and_print(session, op, {{"id", o->id}, {"reason", o->reason}}, {}, o->dry_run);
    });
  }

  auto* close = group->add_subcommand("close", "Close an account; --erase removes personal data (GDPR art. 17)");
  close->add_option("account", o->id, "Account id or login")->required();
  close->add_option("--reason", o->reason, "Why")->required();
  close->add_flag("--erase", o->erase, "Erase personal data (refused while a permit or open charge depends on it)");
  add_dry_run(close, o->dry_run);
  close->callback([&session, o] {
    call_and_print(session, "accounts.close", {{"id", o->id}, {"reason", o->reason}, {"erase", o->erase}}, {}, o->dry_run);
  });

  auto* exp = group->add_subcommand("export", "Everything held about one account (GDPR art. 15)");
  exp->add_option("account", o->id, "Account id or login")->required();
  exp->callback([&session, o] {
    // A data-subject export is a document, not a table: JSON unless YAML was asked for.
    auto result = session.call("accounts.export", {{"id", o->id}});
    auto format = session.output_format();
    std::cout << render(result, format == "yaml" ? "yaml" : "json", {}) << std::flush;
  });

  struct StatementOptions {
    std::string account, from, to;
  };
  auto so = std::make_shared<StatementOptions>();
  auto* statement = group->add_subcommand("statement", "Charges, collections, returns, payments, fees and refunds with a running balance");
  statement->add_option("account", so->account, "Account id or login")->required();
  statement->add_option("--from", so->from, "First day (earlier lines are summed into an opening balance)");
  statement->add_option("--to", so->to, "Last day");
  examples(statement, "  vrathaus accounts statement 4711 --from 2026-01-01 -o csv\n"
                      "balance_cents is what the account owes the city after each line (negative: the city owes it).");
  statement->callback([&session, so] {
    nlohmann::json p{{"id", so->account}};
    put(p, "from", so->from);
    put(p, "to", so->to);
    call_and_print(session, "accounts.statement", p,
                   {{"date", "kind", "charge_id", "amount_cents", "balance_cents", "reference"}});
  });
}

}  // namespace vrathaus::cli
