#include "api/operation.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "service/business_import.hpp"

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
}

}  // namespace vrathaus
