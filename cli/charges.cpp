// `vrathaus charges …`: what is owed for permits, and whether it was collected.
#include "common.hpp"

#include <fmt/format.h>

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kChargeColumns{{"id", "account_id", "permit_id", "mandate_id", "kind", "amount_cents", "due_on", "status", "batch"}};

const Columns kOverdueColumns{{"id", "account_id", "permit_id", "kind", "amount_cents", "due_on", "status", "return_reason",
                                "overdue_since", "days_overdue"}};

struct ChargeOptions {
  std::string account, status, reason, method, reference, paid_out;
  std::optional<std::int64_t> batch, limit;
  std::int64_t id = 0, amount = 0;
  bool overdue = false;
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
  list->add_flag("--overdue", o->overdue, "Only overdue charges (as `charges overdue` lists them)");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    if (o->overdue) p["overdue"] = true;
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

  auto* refund = group->add_subcommand("refund", "Give (part of) a paid or collected charge back");
  refund->add_option("id", o->id, "Charge id")->required();
  refund->add_option("--amount", o->amount, "Cents to give back (at most what the charge brought in)")->required();
  refund->add_option("--reason", o->reason, "Why (recorded, audited, and in the transfer's remittance text)")->required();
  refund->add_option("--paid-out", o->paid_out, "Paid out by hand already: the receipt or transfer reference");
  examples(refund, "  vrathaus charges refund 17 --amount 1535 --reason 'Umzug, Parkausweis zurueckgegeben'\n"
                   "  vrathaus charges refund 17 --amount 500 --reason Kulanz --paid-out KASSE-2026-004712\n"
                   "Without --paid-out the refund waits for `payments refunds export` (a pain.001 credit transfer\n"
                   "to the IBAN the charge was collected from).");
  refund->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"amount", o->amount}, {"reason", o->reason}};
    put(p, "paid_out", o->paid_out);
    call_and_print(session, "charges.refund", p, {});
  });

  auto* overdue = group->add_subcommand("overdue", "Overdue charges for dunning; exit 1 when there are any (a cron job)");
  examples(overdue, "  vrathaus charges overdue -o csv > mahnliste-$(date +%F).csv\n"
                    "Returned charges (not re-presented) and open charges that no mandate can collect, unpaid past\n"
                    "their due date plus city.permits.unpaid_grace_days. Their permits are not renewed until they\n"
                    "are settled.");
  overdue->callback([&session] {
    auto result = session.call("charges.overdue", nlohmann::json::object());
    print_result(session, result, kOverdueColumns);
    if (result.is_array() && !result.empty()) {
      session.warn(fmt::format("{} overdue charge(s)", result.size()));
      session.problems();
    }
  });
}

}  // namespace vrathaus::cli
