#include "api/operation.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "service/coverage.hpp"

namespace vrathaus {

void add_coverage_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "coverage.report",
         .method = "GET",
         .path = "/coverage",
         .effect = Effect::read,
         .summary = "Certified staff present per office and opening day against the minimum; gaps and expiring "
                    "certifications (ok is false when there is a gap)",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           CoverageQuery q;
           q.cert = p.str_or("cert", q.cert);
           q.from = p.opt_date("from");
           q.to = p.opt_date("to");
           q.office = p.str_or("office", "");
           if (auto h = p.opt_int("horizon")) {
             if (*h < 0 || *h > kMaxCoverageDays) fail_field("horizon", "must be between 0 and {} days", kMaxCoverageDays);
             q.horizon_days = int(*h);
           }
           q.daily = p.flag("daily");
           return coverage_report(ctx, q);
         }});
}

}  // namespace vrathaus
