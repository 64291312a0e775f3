#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/accounts.hpp"
#include "service/mandates.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

std::int64_t last_id(const json& items) { return items.empty() ? 0 : items.back()["id"].get<std::int64_t>(); }

}  // namespace

void add_mandate_operations(OperationTable& t) {
  // The portal takes a citizen's mandate for an online permit; everything else is the counter's.
  t.add({.name = "mandates.add",
         .method = "POST",
         .path = "/mandates",
         .effect = Effect::write,
         .summary = "Add a SEPA direct-debit mandate to an account",
         .access = {.grants = {{.roles = kCounterStaff | RoleSet{Role::portal}}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto account = find_account(ctx, p.str("account"));
           return add_mandate(ctx, {account.id, p.str("iban"), p.str_or("bic", ""), p.str("reference"), p.str("signed_on")});
         }});
  t.add({.name = "mandates.list",
         .method = "GET",
         .path = "/mandates",
         .effect = Effect::read,
         .summary = "List SEPA mandates, of one account or all",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               auto account = p.str_or("account", "");
               auto items = list_mandates(ctx, account.empty() ? 0 : find_account(ctx, account).id, page.after, page.limit);
               auto last = last_id(items);
               return page_response(std::move(items), page, last);
             },
         .paged = true});
  t.add({.name = "mandates.show",
         .method = "GET",
         .path = "/mandates/{id}",
         .effect = Effect::read,
         .summary = "Show one SEPA mandate",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return show_mandate(ctx, Params(j).integer("id")); }});
  t.add({.name = "mandates.revoke",
         .method = "POST",
         .path = "/mandates/{id}/revoke",
         .effect = Effect::write,
         .summary = "Revoke a SEPA mandate",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return revoke_mandate(ctx, p.integer("id"), p.str_or("reason", ""));
         }});
}

}  // namespace vrathaus
