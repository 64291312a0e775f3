#include "service/context.hpp"

#include "core/error.hpp"

#include <fmt/ranges.h>

#include <vector>

namespace vrathaus {

void require_role(const Context& ctx, std::initializer_list<const char*> roles, const std::string& action) {
  if (ctx.actor.has_any_role(roles)) return;
  fail(ErrorKind::forbidden, "{} may not {}: needs the role {}", ctx.actor.id, action,
       fmt::join(std::vector<const char*>(roles), " or "));
}

}  // namespace vrathaus
