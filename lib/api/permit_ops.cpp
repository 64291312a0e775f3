#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/permits.hpp"

namespace vrathaus {

using nlohmann::json;

void add_permit_operations(OperationTable& t) {
  t.add({"permits.issue", "POST", "/permits", Effect::write, "Issue a resident parking permit and its charge",
         [](Context& ctx, const json& j) {
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
  t.add({"permits.list", "GET", "/permits", Effect::read, "List parking permits",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto page = read_page(p);
           PermitListFilter f{p.str_or("account", ""), p.str_or("status", ""), p.opt_date("expiring_before"), page.after,
                              page.limit};
           auto items = list_permits(ctx, f);
           auto last = items.empty() ? 0 : items.back()["id"].get<std::int64_t>();
           return page_response(std::move(items), page, last);
         },
         false, true});
  t.add({"permits.show", "GET", "/permits/{id}", Effect::read, "Show one parking permit with its charge",
         [](Context& ctx, const json& j) { return show_permit(ctx, Params(j).integer("id")); }});
  t.add({"permits.revoke", "POST", "/permits/{id}/revoke", Effect::write, "Revoke a parking permit with a reason",
         [](Context& ctx, const json& j) {
           Params p(j);
           return revoke_permit(ctx, p.integer("id"), p.str_or("reason", ""));
         }});
  t.add({"permits.renew", "POST", "/permits/renewals", Effect::write,
         "Renew every due auto-renew permit once (the cron job); ok=false when some were not renewable",
         [](Context& ctx, const json& j) { return renew_permits(ctx, Params(j).opt_date("due_before")); }});
}

}  // namespace vrathaus
