#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/bank_returns.hpp"
#include "service/charges.hpp"
#include "service/payments.hpp"

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
               ChargeListFilter f{p.str_or("account", ""), p.str_or("status", ""), p.opt_int("batch"), page.after, page.limit};
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
}

}  // namespace vrathaus
