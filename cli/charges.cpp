// `vrathaus charges …`: what is owed for permits, and whether it was collected.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kChargeColumns{{"id", "account_id", "permit_id", "mandate_id", "kind", "amount_cents", "due_on", "status", "batch"}};

struct ChargeOptions {
  std::string account, status;
  std::optional<std::int64_t> batch, limit;
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
}

}  // namespace vrathaus::cli
