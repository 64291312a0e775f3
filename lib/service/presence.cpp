#include "service/presence.hpp"

#include "domain/certification.hpp"
#include "store/presence_rows.hpp"

namespace vrathaus {

bool holds_certification(Context& ctx, const std::string& staff, const std::string& kind, const Date& day) {
  for (const auto& row : load_certifications(ctx.db(), staff, kind))
    if (valid_on(row.period, day)) return true;  // the one rule, shared with the coverage report
  return false;
}

bool is_absent(Context& ctx, const std::string& staff, const Date& day) {
  // A half-day absence leaves the person there that day (coverage counts whole days alike).
  for (const auto& row : load_absences(ctx.db(), staff, day, day))
    if (!row.part) return true;
  return false;
}

}  // namespace vrathaus
