// `vrathaus mandates …`: SEPA direct-debit mandates.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kMandateColumns{{"id", "account_id", "iban", "bic", "reference", "signed_on", "status", "last_used_on"}};

struct MandateOptions {
  std::string account, iban, bic, reference, signed_on, reason;
  std::int64_t id = 0;
  std::optional<std::int64_t> limit;
  bool dry_run = false;
};

}  // namespace

void add_mandates_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<MandateOptions>();
  auto* group = app.add_subcommand("mandates", "SEPA direct-debit mandates");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "Add a signed SEPA mandate to an account");
  add->add_option("account", o->account, "Account id or login")->required();
  add->add_option("--iban", o->iban, "Debtor IBAN (spaces allowed)")->required();
  add->add_option("--bic", o->bic, "Debtor BIC (optional)");
  add->add_option("--reference", o->reference, "Mandate reference, unique, at most 35 SEPA characters")->required();
  add->add_option("--signed-on", o->signed_on, "Date of signature (YYYY-MM-DD)")->required();
  add_dry_run(add, o->dry_run);
  examples(add, "  vrathaus mandates add 42 --iban 'DE89 3704 0044 0532 0130 00' --reference BWP-2026-000042 --signed-on 2026-11-20");
  add->callback([&session, o] {
    nlohmann::json p{{"account", o->account}, {"iban", o->iban}, {"reference", o->reference}, {"signed_on", o->signed_on}};
    put(p, "bic", o->bic);
    call_and_print(session, "mandates.add", p, {}, o->dry_run);
  });

  auto* list = group->add_subcommand("list", "List mandates (of one account, or all)");
  list->add_option("account", o->account, "Account id or login");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "account", o->account);
    put(p, "limit", o->limit);
    call_and_print(session, "mandates.list", p, kMandateColumns);
  });

  auto* show = group->add_subcommand("show", "Show one mandate");
  show->add_option("id", o->id, "Mandate id")->required();
  show->callback([&session, o] { call_and_print(session, "mandates.show", {{"id", o->id}}); });

  auto* revoke = group->add_subcommand("revoke", "Revoke a mandate: it is never charged again");
  revoke->add_option("id", o->id, "Mandate id")->required();
  revoke->add_option("--reason", o->reason, "Why (optional: debtors may revoke without one)");
  add_dry_run(revoke, o->dry_run);
  revoke->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "reason", o->reason);
    call_and_print(session, "mandates.revoke", p, {}, o->dry_run);
  });
}

}  // namespace vrathaus::cli
