#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/tokens.hpp"

namespace vrathaus {

void add_token_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "tokens.create",
         .method = "POST",
         .path = "/tokens",
         .effect = Effect::write,
         .summary = "Create an API token (the secret is shown once); read_only makes one that may only read",
         .access = {.grants = {{.roles = kAdmins}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return create_token(ctx, p.str("staff"), p.opt_date("expires"), p.flag("read_only"));
         },
         .response_holds_secret = true});
  t.add({.name = "tokens.list",
         .method = "GET",
         .path = "/tokens",
         .effect = Effect::read,
         .summary = "List API tokens (never their secrets)",
         .access = {.grants = {{.roles = kAdmins}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return whole_list(list_tokens(ctx)); }});
  t.add({.name = "tokens.revoke",
         .method = "POST",
         .path = "/tokens/{id}/revoke",
         .effect = Effect::write,
         .summary = "Revoke an API token",
         .access = {.grants = {{.roles = kAdmins}}},
         .run = [](Context& ctx, const json& j) { return revoke_token(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
