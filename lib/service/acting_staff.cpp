#include "service/acting_staff.hpp"

#include "core/error.hpp"
#include "service/presence.hpp"
#include "service/staff.hpp"
#include "store/placement_rows.hpp"

namespace vrathaus {

std::optional<std::string> why_not_certified_today(Context& ctx, const std::string& staff, const std::string& cert) {
  auto member = load_staff(ctx.db(), staff);
  auto today = ctx.today();
  if (!member) return fmt::format("{} is not a staff member", staff);
  if (!member->active) return fmt::format("{} is inactive", staff);
  // A planned departure whose day has come: gone, though the record is not deactivated yet.
  if (auto placement = load_placement(ctx.db(), staff); placement->leaves_on && *placement->leaves_on <= today)
    return fmt::format("{} left on {}", staff, placement->leaves_on->str());
  if (is_absent(ctx, staff, today)) return fmt::format("{} is absent on {}", staff, today.str());
  if (!holds_certification(ctx, staff, cert, today))
    return fmt::format("{} holds no valid {} certification on {}", staff, cert, today.str());
  return std::nullopt;
}

void require_actor_certified(Context& ctx, const std::string& cert, const std::string& action) {
  if (!ctx.actor.is_staff)
    fail(ErrorKind::forbidden, "to {} act as a staff member certified for {} (--as STAFF); {} is not a staff member",
         action, cert, ctx.actor.id);
  if (auto why = why_not_certified_today(ctx, ctx.actor.id, cert))
    fail(ErrorKind::forbidden, "{} may not {}: {}", ctx.actor.id, action, *why);
}

void require_staff_certified(Context& ctx, const std::string& staff, const std::string& cert, const std::string& role) {
  if (!load_staff(ctx.db(), staff)) fail(ErrorKind::not_found, "no staff member {}", staff);
  if (auto why = why_not_certified_today(ctx, staff, cert)) fail(ErrorKind::forbidden, "{} cannot act: {}", role, *why);
}

}  // namespace vrathaus
