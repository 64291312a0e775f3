#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/audit.hpp"
#include "service/audit_seal.hpp"
#include "service/document_key.hpp"
#include "service/store_admin.hpp"

namespace vrathaus {
namespace {

// Sealing the audit chain and the store's document key. Setting up keys and verifying with the
// verification key are local only: that key must never travel to, or be handled by, a server.
void add_audit_sealing_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "audit.seal",
         .method = "POST",
         .path = "/audit/seals",
         .effect = Effect::write,
         .summary = "Seal the audit chain's current head with the current epoch's key (run regularly, e.g. hourly)",
         .run = [](Context& ctx, const json&) {
           require_role(ctx, {"admin", "auditor"}, "seal the audit log");
           return seal_audit(ctx);
         }});
  t.add({.name = "audit.setup-keys",
         .method = "POST",
         .path = "/audit/sealing",
         .effect = Effect::write,
         .summary = "Start sealing the audit chain; returns the verification key once",
         .run =
             [](Context& ctx, const json&) {
               require_role(ctx, {"admin"}, "set up audit sealing");
               return setup_audit_sealing(ctx);
             },
         .local_only = true,
         .response_holds_secret = true});
  t.add({.name = "audit.verify-sealed",
         .method = "POST",
         .path = "/audit/verify-sealed",
         .effect = Effect::read,
         .summary = "Verify the audit chain and every seal with the verification key",
         .run =
             [](Context& ctx, const json& j) {
               require_role(ctx, {"auditor", "admin", "supervisor"}, "verify the audit log");
               return verify_audit_seals(ctx.store, parse_verification_key(Params(j).str("verification_key"),
                                                                           "the verification key"));
             },
         .local_only = true});
  t.add({.name = "db.rotate-document-key",
         .method = "POST",
         .path = "/db/document-key/rotate",
         .effect = Effect::write,
         .summary = "Add a generation to the document key and re-key every stored document and eID hash",
         .run =
             [](Context& ctx, const json&) {
               require_role(ctx, {"admin"}, "rotate the document key");
               return rotate_document_key(ctx);
             },
         .local_only = true,
         .own_transactions = true});
}

}  // namespace

void add_audit_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({"audit.list", "GET", "/audit", Effect::read, "List audit entries",
         [](Context& ctx, const json& j) {
           require_role(ctx, {"auditor", "admin", "supervisor"}, "read the audit log");
           Params p(j);
           auto page = read_page(p);
           AuditFilter f{p.str_or("object", ""), p.str_or("actor", ""), p.opt_date("since"), page.after, page.limit};
           auto items = audit_list(ctx, f);
           std::int64_t last = items.empty() ? 0 : items.back()["seq"].get<std::int64_t>();
           return page_response(std::move(items), page, last);
         },
         false, true});
  t.add({"audit.verify", "GET", "/audit/verify", Effect::read, "Verify the audit hash chain",
         [](Context& ctx, const json&) {
           require_role(ctx, {"auditor", "admin", "supervisor"}, "verify the audit log");
           return audit_verify(ctx.store);
         }});
  t.add({"db.check", "GET", "/db/check", Effect::read,
         "Integrity, foreign keys, the audit chain, the document key and whether the audit is sealed",
         [](Context& ctx, const json&) {
           require_role(ctx, {"auditor", "admin"}, "check the store");
           return check_store(ctx);
         }});
  add_audit_sealing_operations(t);
}

}  // namespace vrathaus
