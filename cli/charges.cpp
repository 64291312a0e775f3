// `vrathaus charges …`: what is owed for permits, and whether it was collected.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kChargeColumns{{"id", "account_id", "permit_id", "mandate_id", "kind", "amount_cents", "due_on", "status", "batch"}};

struct ChargeOptions {
  std::string account, status, reason, method, reference;
  std::optional<std::int64_t> batch, limit;
  std::int64_t id = 0;
};

}  // namespace

void add_charges_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<ChargeOptions>();
  auto* group = app.add_subcommand("charges", "Charges for permits (collected by SEPA direct debit)");
  group->require_subcommand(1);
  auto* list = group->add_subcommand("list", "List charges");
  list->add_option("--status", o->status, "open, exported, paid, cancelled, returned or disputed");
  list->add_option("--account", o->account, "Of this account (id or login)");
  list->add_option("--batch", o->batch, "Exported in this batch");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "status", o->status);
    put(p, "account", o->account);
    put(p, "batch", o->batch);
    put(p, "limit", o->limit);
    call_and_print(session, "charges.list", p, kChargeColumns);
  });

  auto* show = group->add_subcommand("show", "One charge: settlement, the bank's returns, re-presentation and fee");
  show->add_option("id", o->id, "Charge id")->required();
  show->callback([&session, o] { call_and_print(session, "charges.show", {{"id", o->id}}, {}); });

  auto* cancel = group->add_subcommand("cancel", "Cancel an open charge (before it is in a bank file)");
  cancel->add_option("id", o->id, "Charge id")->required();
  cancel->add_option("--reason", o->reason, "Why (recorded and audited)")->required();
  cancel->callback([&session, o] { call_and_print(session, "charges.cancel", {{"id", o->id}, {"reason", o->reason}}, {}); });

  auto* paid = group->add_subcommand("mark-paid", "Record a payment made without the bank file");
  paid->add_option("id", o->id, "Charge id")->required();
  paid->add_option("--method", o->method, "cash (at the counter), transfer or epayment")
      ->required()
      ->check(CLI::IsMember({"cash", "transfer", "epayment"}));
  paid->add_option("--reference", o->reference, "Receipt number, bank or ePayment reference")->required();
  examples(paid, "  vrathaus --as m.weber charges mark-paid 17 --method cash --reference KASSE-2026-004711\n"
                 "Open, returned and disputed charges can be marked paid; an exported one may still be collected.");
  paid->callback([&session, o] {
    call_and_print(session, "charges.mark-paid", {{"id", o->id}, {"method", o->method}, {"reference", o->reference}}, {});
  });
}

}  // namespace vrathaus::cli
