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
  t.add({"mandates.add", "POST", "/mandates", Effect::write, "Add a SEPA direct-debit mandate to an account",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto account = find_account(ctx, p.str("account"));
           return add_mandate(ctx, {account.id, p.str("iban"), p.str_or("bic", ""), p.str("reference"), p.str("signed_on")});
         }});
  t.add({"mandates.list", "GET", "/mandates", Effect::read, "List SEPA mandates, of one account or all",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto page = read_page(p);
           auto account = p.str_or("account", "");
           auto items = list_mandates(ctx, account.empty() ? 0 : find_account(ctx, account).id, page.after, page.limit);
           auto last = last_id(items);
           return page_response(std::move(items), page, last);
         },
         false, true});
  t.add({"mandates.show", "GET", "/mandates/{id}", Effect::read, "Show one SEPA mandate",
         [](Context& ctx, const json& j) {
           require_role(ctx, {"clerk", "supervisor", "admin", "auditor", "importer", "portal"}, "show SEPA mandates");
           return show_mandate(ctx, Params(j).integer("id"));
         }});
  t.add({"mandates.revoke", "POST", "/mandates/{id}/revoke", Effect::write, "Revoke a SEPA mandate",
         [](Context& ctx, const json& j) {
           Params p(j);
           return revoke_mandate(ctx, p.integer("id"), p.str_or("reason", ""));
         }});
}

}  // namespace vrathaus
