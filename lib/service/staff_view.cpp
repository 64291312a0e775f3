#include "service/staff_view.hpp"

#include "core/error.hpp"
#include "service/certifications.hpp"
#include "service/presence.hpp"
#include "service/staff_presence.hpp"
#include "store/presence_rows.hpp"

namespace vrathaus {

nlohmann::json staff_view(Context& ctx, const StaffMember& s) {
  auto j = placement_json(ctx, s);
  auto certs = nlohmann::json::array();
  for (const auto& row : load_certifications(ctx.db(), s.id)) certs.push_back(certification_json(row, ctx.today()));
  j["certifications"] = std::move(certs);
  return j;
}

nlohmann::json list_staff_view(Context& ctx, const StaffFilter& filter) {
  const auto& cert = filter.cert;
  if (filter.valid_on && cert.empty()) fail_field("valid_on", "needs cert: which certification must be valid that day");
  if (!cert.empty()) check_certification_kind(ctx.city, cert);
  auto day = filter.valid_on.value_or(ctx.today());
  auto items = nlohmann::json::array();
  // The office a person works in today (a transfer whose day has come counts), not the one recorded.
  const auto& office = filter.office;
  for (const auto& s : list_staff(ctx, "")) {
    if (!cert.empty() && !holds_certification(ctx, s.id, cert, day)) continue;
    auto view = staff_view(ctx, s);
    if (office.empty() || view["office"] == office) items.push_back(std::move(view));
  }
  return items;
}

}  // namespace vrathaus
