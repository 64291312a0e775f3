#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/folding.hpp"
#include "domain/plate.hpp"
#include "service/accounts.hpp"
#include "store/account_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

FieldValues account_fields(const Params& p) {
  FieldValues fields;
  for (const auto& name : editable_account_fields())
    if (auto v = p.opt_str(name)) fields[name] = *v;
  return fields;
}

// The search text as a plate, when it is one ("DO-AB 123", "do ab123"); else nothing.
std::string plate_or_empty(const std::string& text) {
  try {
    return normalise_plate(text);
  } catch (const Error&) {
    return {};
  }
}

json account_page(Context& ctx, const Params& p, AccountQuery q) {
  auto page = read_page(p);
  q.after_id = page.after;
  q.limit = page.limit;
  auto rows = query_accounts(ctx.db(), q);
  json items = json::array();
  for (const auto& a : rows) items.push_back(a);
  return page_response(std::move(items), page, rows.empty() ? 0 : rows.back().id);
}

}  // namespace

void add_account_operations(OperationTable& t) {
  t.add({"accounts.create", "POST", "/accounts", Effect::write, "Create a (guest) account",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto created = create_account(ctx, {p.str("login"), account_fields(p)});
           json out = created.account;
           if (!created.warnings.empty()) out["warnings"] = created.warnings;
           return out;
         }});
  t.add({"accounts.show", "GET", "/accounts/{id}", Effect::read, "Show one account by id or login",
         [](Context& ctx, const json& j) { return json(find_account(ctx, Params(j).str("id"))); }});
  t.add({"accounts.list", "GET", "/accounts", Effect::read, "List accounts",
         [](Context& ctx, const json& j) {
           Params p(j);
           AccountQuery q;
           q.tier = p.str_or("tier", "");
           q.status = p.str_or("status", "");
           q.office = p.str_or("office", "");
           if (!q.tier.empty()) tier_rank(q.tier);
           if (!q.status.empty()) check_account_status(q.status);
           return account_page(ctx, p, q);
         },
         false, true});
  t.add({"accounts.search", "GET", "/accounts/search", Effect::read, "Search accounts by name (German-aware), login, customer number or plate",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto text = trim(p.str("q"));
           AccountQuery q;
           q.folded_text = fold_german(text);
           if (q.folded_text.empty()) fail_field("q", "must not be empty");
           q.login_text = to_lower_ascii(text);
           q.customer_no = to_upper_ascii(text);
           q.plate = plate_or_empty(text);
           auto page = account_page(ctx, p, q);
           page["total"] = count_accounts(ctx.db(), q);
           return page;
         },
         false, true});
  t.add({"accounts.update", "PATCH", "/accounts/{id}", Effect::write, "Change account fields",
         [](Context& ctx, const json& j) {
           Params p(j);
           AccountChange c{p.str("id"), p.opt_str("login"), account_fields(p), p.str_or("reason", ""), p.opt_int("if_version")};
           return json(update_account(ctx, c));
         }});
  t.add({"accounts.suspend", "POST", "/accounts/{id}/suspend", Effect::write, "Suspend an account",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(suspend_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({"accounts.reactivate", "POST", "/accounts/{id}/reactivate", Effect::write, "Reactivate a suspended account",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(reactivate_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({"accounts.close", "POST", "/accounts/{id}/close", Effect::write, "Close an account, optionally erasing personal data",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(close_account(ctx, p.str("id"), p.str_or("reason", ""), p.flag("erase")));
         }});
  t.add({"accounts.export", "GET", "/accounts/{id}/export", Effect::read, "Everything held about one account (GDPR art. 15)",
         [](Context& ctx, const json& j) { return export_account(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
