#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
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
         .summary = "Export the due charges as a pain.008.001.02 batch (fetch the file from /payments/exports/{batch})",
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
         .summary = "One export batch with its pain.008.001.02 file in \"xml\", byte for byte as first exported",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return show_payment_batch(ctx, p.integer("batch"), p.opt_str("file"));
         }});
}

}  // namespace vrathaus
