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
         .summary = "Create an API token (the secret is shown once)",
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               return create_token(ctx, p.str("staff"), p.opt_date("expires"));
             },
         .response_holds_secret = true});
  t.add({"tokens.list", "GET", "/tokens", Effect::read, "List API tokens (never their secrets)",
         [](Context& ctx, const json&) { return whole_list(list_tokens(ctx)); }});
  t.add({"tokens.revoke", "POST", "/tokens/{id}/revoke", Effect::write, "Revoke an API token",
         [](Context& ctx, const json& j) { return revoke_token(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
