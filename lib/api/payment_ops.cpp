#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/bank_returns.hpp"
#include "service/charges.hpp"
#include "service/payments.hpp"
#include "service/refunds.hpp"
#include "service/statement.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

json paged(json items, const Page& page, const char* key) {
  auto last = items.empty() ? 0 : items.back()[key].get<std::int64_t>();
  return page_response(std::move(items), page, last);
}

}  // namespace

void add_payment_operations(OperationTable& t) {
  t.add({.name = "charges.list",
         .method = "GET",
         .path = "/charges",
         .effect = Effect::read,
         .summary = "List charges",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               ChargeListFilter f{p.str_or("account", ""), p.str_or("status", ""), p.opt_int("batch"), page.after, page.limit,
                                  p.flag("overdue")};
               return paged(list_charges(ctx, f), page, "id");
             },
         .paged = true});
  t.add({.name = "payments.export",
         .method = "POST",
         .path = "/payments/exports",
         .effect = Effect::write,
         .summary = "Export the due charges as a pain.008 batch, pain.008.001.08 unless city.sepa.format says "
                    "pain.008.001.02 (fetch the file from /payments/exports/{batch})",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return export_payments(ctx, p.opt_date("collection_date"), p.opt_str("file"));
         }});
  t.add({.name = "payments.list",
         .method = "GET",
         .path = "/payments/exports",
         .effect = Effect::read,
         .summary = "List payment export batches",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               return paged(list_payment_batches(ctx, page.after, page.limit), page, "batch");
             },
         .paged = true});
  // The server never passes "file" from a client (only its own upload handler sets it), so only
  // a local caller can have the file written directly; remote callers get it as "xml".
  t.add({.name = "payments.show",
         .method = "GET",
         .path = "/payments/exports/{batch}",
         .effect = Effect::read,
         .summary = "One export batch with its pain.008 file in \"xml\", byte for byte as first exported (in its format)",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return show_payment_batch(ctx, p.integer("batch"), p.opt_str("file"));
         }});
  // The bank's file is the request body, spooled by the server's upload handler like a bulk
  // import (hence below /imports/, where large bodies are accepted); locally it is read in place.
  t.add({.name = "payments.returns.import",
         .method = "POST",
         .path = "/imports/payment-returns",
         .effect = Effect::write,
         .summary = "Import the bank's camt.054 (returned debits) or pain.002 (rejected debits) file, the request body; "
                    "once per file (SHA-256); entries are matched to charges by EndToEndId (query parameter: name)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto file = p.str("file");
           return import_bank_returns(ctx, file, p.str_or("name", file));
         },
         .streamed_body = true});
  t.add({.name = "charges.show",
         .method = "GET",
         .path = "/charges/{id}",
         .effect = Effect::read,
         .summary = "One charge with its settlement, the bank's returns and the charges that follow from it",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return show_charge(ctx, Params(j).integer("id")); }});
  t.add({.name = "charges.cancel",
         .method = "POST",
         .path = "/charges/{id}/cancel",
         .effect = Effect::write,
         .summary = "Cancel an open charge (not yet in a bank file), with a reason",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return cancel_charge(ctx, p.integer("id"), p.str_or("reason", ""));
         }});
  t.add({.name = "charges.mark-paid",
         .method = "POST",
         .path = "/charges/{id}/mark-paid",
         .effect = Effect::write,
         .summary = "Mark an open, returned or disputed charge paid (method cash, transfer or epayment, with a reference)",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return mark_charge_paid(ctx, p.integer("id"), p.str("method"), p.str_or("reference", ""));
         }});
  t.add({.name = "charges.refund",
         .method = "POST",
         .path = "/charges/{id}/refunds",
         .effect = Effect::write,
         .summary = "Refund (part of) a paid or collected charge: paid by SEPA credit transfer with the next refunds "
                    "export, or paid out by hand at once (paid_out: its reference)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return refund_charge(ctx, {.charge_id = p.integer("id"),
                                      .amount_cents = p.integer("amount"),
                                      .reason = p.str_or("reason", ""),
                                      .paid_out_reference = p.opt_str("paid_out")});
         }});
  t.add({.name = "refunds.paid-out",
         .method = "POST",
         .path = "/refunds/{id}/paid-out",
         .effect = Effect::write,
         .summary = "Mark a pending refund as paid out by hand (cash, or a transfer made elsewhere), with a reference",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return mark_refund_paid_out(ctx, p.integer("id"), p.str_or("reference", ""));
         }});
  t.add({.name = "payments.refunds.export",
         .method = "POST",
         .path = "/payments/refund-exports",
         .effect = Effect::write,
         .summary = "Every pending refund in one pain.001.001.09 credit-transfer batch (the file in \"xml\")",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json&) { return export_refunds(ctx); }});
  t.add({.name = "payments.refunds.show",
         .method = "GET",
         .path = "/payments/refund-exports/{batch}",
         .effect = Effect::read,
         .summary = "One refund batch with its pain.001.001.09 file in \"xml\", byte for byte as first exported",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return show_refund_batch(ctx, Params(j).integer("batch")); }});
  t.add({.name = "charges.overdue",
         .method = "GET",
         .path = "/dunning/overdue-charges",
         .effect = Effect::read,
         .summary = "Overdue charges: returned (and not re-presented) or open past due + city.permits.unpaid_grace_days",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return list_overdue_charges(ctx); }});
  t.add({.name = "accounts.statement",
         .method = "GET",
         .path = "/accounts/{id}/statement",
         .effect = Effect::read,
         .summary = "Every charge, collection, return, payment, fee, refund and payout of an account with a running balance",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return account_statement(ctx, p.str("id"), p.opt_date("from"), p.opt_date("to"));
         }});
}

}  // namespace vrathaus
