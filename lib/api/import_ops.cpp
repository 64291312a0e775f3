#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "service/business_import.hpp"
#include "service/import_runs.hpp"

namespace vrathaus {

void add_import_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "import.business",
         .method = "POST",
         .path = "/imports/business",
         .effect = Effect::write,
         .summary = "Import business customers from the IT provider's CSV file (the request body; options as query "
                    "parameters: dry_run, on_error=abort|skip, delimiter, encoding, name)",
         .access = {.grants = {{.roles = {Role::importer, Role::admin}}}},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               BusinessImport in;
               in.file = p.str("file");
               in.name = p.str_or("name", in.file);
               auto on_error = p.str_or("on_error", "abort");
               if (on_error != "abort" && on_error != "skip") fail_field("on_error", "'{}': choose abort or skip", on_error);
               in.skip_invalid = on_error == "skip";
               if (auto d = p.opt_str("delimiter")) {
                 if (*d != ";" && *d != ",") fail_field("delimiter", "'{}': choose ';' or ','", *d);
                 in.delimiter = (*d)[0];
               }
               if (auto e = p.opt_str("encoding")) in.encoding = csv::parse_encoding(*e, "encoding");
               return import_business(ctx, in);
             },
         .streamed_body = true,
         .own_transactions = true});
  // The IT provider's importer sees its own runs (what a killed or rejected run did); the city's
  // managers and auditors see every run.
  t.add({.name = "import.runs",
         .method = "GET",
         .path = "/imports",
         .effect = Effect::read,
         .summary = "List import runs: file, SHA-256, who ran it, running or done, and what each did "
                    "(the importer sees its own runs only)",
         .access = {.grants = {{.roles = kAuditReaders}, {.roles = {Role::importer}}},
                    .read_only_token = true,
                    .note = "the importer's list holds only the runs it made"},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               ImportRunQuery q;
               q.status = p.str_or("status", "");
               if (!q.status.empty() && q.status != "running" && q.status != "done")
                 fail_field("status", "'{}': choose running or done", q.status);
               bool sees_all = ctx.actor.has_role(Role::admin) || ctx.actor.has_role(Role::supervisor) ||
                               ctx.actor.has_role(Role::auditor);
               if (!sees_all) q.actor = ctx.actor.id;
               q.after_id = page.after;
               q.limit = page.limit;
               auto items = list_import_runs(ctx, q);
               std::int64_t last = items.empty() ? 0 : items.back()["id"].get<std::int64_t>();
               return page_response(std::move(items), page, last);
             },
         .paged = true});
}

}  // namespace vrathaus
