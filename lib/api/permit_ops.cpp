#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/permits.hpp"

namespace vrathaus {

using nlohmann::json;

void add_permit_operations(OperationTable& t) {
  // Online, the portal issues a permit against the citizen's mandate; paying at the counter
  // (--paid) is only for the counter's staff.
  t.add({.name = "permits.issue",
         .method = "POST",
         .path = "/permits",
         .effect = Effect::write,
         .summary = "Issue a resident parking permit and its charge",
         .access = {.grants = {{.roles = kCounterStaff}, {.roles = {Role::portal}, .when = Condition::flag_unset, .param = "paid"}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           PermitRequest r;
           r.account = p.str("account");
           r.plate = p.str("plate");
           r.zone = p.str("zone");
           r.from = p.opt_date("from");
           r.auto_renew = !p.has("auto_renew") || p.flag("auto_renew");
           r.paid = p.flag("paid");
           return issue_permit(ctx, r);
         }});
  t.add({.name = "permits.list",
         .method = "GET",
         .path = "/permits",
         .effect = Effect::read,
         .summary = "List parking permits",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               PermitListFilter f{p.str_or("account", ""), p.str_or("status", ""), p.opt_date("expiring_before"), page.after,
                                  page.limit};
               auto items = list_permits(ctx, f);
               auto last = items.empty() ? 0 : items.back()["id"].get<std::int64_t>();
               return page_response(std::move(items), page, last);
             },
         .paged = true});
  t.add({.name = "permits.show",
         .method = "GET",
         .path = "/permits/{id}",
         .effect = Effect::read,
         .summary = "Show one parking permit with its charge",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return show_permit(ctx, Params(j).integer("id")); }});
  t.add({.name = "permits.revoke",
         .method = "POST",
         .path = "/permits/{id}/revoke",
         .effect = Effect::write,
         .summary = "Revoke a parking permit with a reason",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return revoke_permit(ctx, p.integer("id"), p.str_or("reason", ""));
         }});
  t.add({.name = "permits.renew",
         .method = "POST",
         .path = "/permits/renewals",
         .effect = Effect::write,
         .summary = "Renew every due auto-renew permit once (the cron job); ok=false when some were not renewable",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) { return renew_permits(ctx, Params(j).opt_date("due_before")); }});
}

}  // namespace vrathaus
