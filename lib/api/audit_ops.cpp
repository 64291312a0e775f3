#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/clock.hpp"
#include "core/rfc3339.hpp"
#include "service/audit.hpp"
#include "service/audit_seal.hpp"
#include "service/doctor.hpp"
#include "service/document_key.hpp"
#include "service/store_admin.hpp"

namespace vrathaus {
namespace {

// "since" as a day (from its first second, UTC) or an RFC 3339 instant with any offset, turned
// into the stored times' form (UTC, whole seconds) so that they compare as text.
std::optional<std::string> audit_since(const Params& p) {
  auto text = p.str_or("since", "");
  if (text.empty()) return std::nullopt;
  if (text.size() == 10) return Date::parse_field(text, "since").str();
  auto exact = parse_rfc3339(text, "since");
  auto at = std::chrono::ceil<std::chrono::seconds>(exact);  // 09:00:00.5 starts after 09:00:00
  return format_rfc3339(at);
}

// Sealing the audit chain and the store's document key. Setting up keys and verifying with the
// verification key are local only: that key must never travel to, or be handled by, a server.
void add_audit_sealing_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "audit.seal",
         .method = "POST",
         .path = "/audit/seals",
         .effect = Effect::write,
         .summary = "Seal the audit chain's current head with the current epoch's key (run regularly, e.g. hourly)",
         .access = {.grants = {{.roles = {Role::admin, Role::auditor}}}},
         .run = [](Context& ctx, const json&) { return seal_audit(ctx); }});
  t.add({.name = "audit.setup-keys",
         .method = "POST",
         .path = "/audit/sealing",
         .effect = Effect::write,
         .summary = "Start sealing the audit chain; returns the verification key once",
         .access = {.grants = {{.roles = kAdmins}}},
         .run = [](Context& ctx, const json&) { return setup_audit_sealing(ctx); },
         .local_only = true,
         .response_holds_secret = true});
  t.add({.name = "audit.verify-sealed",
         .method = "POST",
         .path = "/audit/verify-sealed",
         .effect = Effect::read,
         .summary = "Verify the audit chain and every seal with the verification key",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               return verify_audit_seals(ctx.store, parse_verification_key(Params(j).str("verification_key"),
                                                                           "the verification key"));
             },
         .local_only = true});
  t.add({.name = "db.rotate-document-key",
         .method = "POST",
         .path = "/db/document-key/rotate",
         .effect = Effect::write,
         .summary = "Add a generation to the document key and re-key every stored document and eID hash",
         .access = {.grants = {{.roles = kAdmins}}},
         .run = [](Context& ctx, const json&) { return rotate_document_key(ctx); },
         .local_only = true,
         .own_transactions = true});
}

}  // namespace

void add_audit_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "audit.list",
         .method = "GET",
         .path = "/audit",
         .effect = Effect::read,
         .summary = "List audit entries",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               // after_seq resumes a feed where the reader stopped; a cursor pages within it.
               auto after = std::max(page.after, p.opt_int("after_seq").value_or(0));
               AuditFilter f{p.str_or("object", ""), p.str_or("actor", ""), audit_since(p), after, page.limit};
               auto items = audit_list(ctx, f);
               std::int64_t last = items.empty() ? 0 : items.back()["seq"].get<std::int64_t>();
               return page_response(std::move(items), page, last);
             },
         .paged = true});
  t.add({.name = "audit.verify",
         .method = "GET",
         .path = "/audit/verify",
         .effect = Effect::read,
         .summary = "Verify the audit hash chain",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return audit_verify(ctx.store); }});
  t.add({.name = "db.check",
         .method = "GET",
         .path = "/db/check",
         .effect = Effect::read,
         .summary = "Integrity, foreign keys, the audit chain, the document key and whether the audit is sealed",
         .access = {.grants = {{.roles = {Role::auditor, Role::admin}}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return check_store(ctx); }});
  t.add({.name = "doctor",
         .method = "GET",
         .path = "/doctor",
         .effect = Effect::read,
         .summary = "Self-check of the store for cron and monitoring: each check ok, warning or error",
         .access = {.grants = {{.roles = {Role::auditor, Role::admin}}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) {
           auto report = doctor_report(store_checks(ctx));
           report["version"] = VRATHAUS_VERSION;  // remotely: the server's own version
           return report;
         }});
  add_audit_sealing_operations(t);
}

}  // namespace vrathaus
