#include "api/access.hpp"

#include "api/operation.hpp"
#include "core/error.hpp"
#include "domain/account.hpp"
#include "service/acting_staff.hpp"

#include <fmt/ranges.h>

#include <optional>

namespace vrathaus {
namespace {

using nlohmann::json;

// A parameter as text, leniently: a value of the wrong type matches no condition (the service
// then refuses it with a field error of its own).
std::optional<std::string> text_param(const json& params, const std::string& name) {
  if (!params.is_object()) return std::nullopt;
  auto it = params.find(name);
  if (it == params.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_boolean()) return it->get<bool>() ? "true" : "false";
  return std::string();
}

bool applies(const Grant& g, const Actor& actor, const json& params) {
  auto value = text_param(params, g.param);
  switch (g.when) {
    case Condition::always: return true;
    case Condition::own_record: return actor.is_staff && value == actor.id;
    case Condition::param_is: return value == g.value;
    case Condition::param_is_not: return value != g.value;
    case Condition::flag_unset: return !value || *value == "false" || *value == "0";
    case Condition::login: return value && !value->empty() && !is_account_id(*value);
  }
  return false;
}

bool holds_any(const Actor& actor, RoleSet roles) {
  for (Role r : kAllRoles)
    if (roles.contains(r) && actor.holds(r)) return true;
  return false;
}

std::vector<std::string_view> names(RoleSet roles) {
  std::vector<std::string_view> out;
  for (Role r : kAllRoles)
    if (roles.contains(r)) out.push_back(role_name(r));
  return out;
}

const char* condition_name(Condition c) {
  switch (c) {
    case Condition::always: return "always";
    case Condition::own_record: return "own_record";
    case Condition::param_is: return "param_is";
    case Condition::param_is_not: return "param_is_not";
    case Condition::flag_unset: return "flag_unset";
    case Condition::login: return "login";
  }
  return "?";
}

// Who could run it, for the refusal's message: the unconditional roles, then the conditional ones.
std::string who_may(const Access& access) {
  RoleSet plain, conditional;
  for (const auto& g : access.grants) {
    if (g.when == Condition::always)
      plain = plain | g.roles;
    else
      conditional = conditional | g.roles;
  }
  if (plain.empty() && conditional.empty()) return "nobody";
  std::string out = plain.empty() ? "" : fmt::format("the role {}", fmt::join(names(plain), " or "));
  if (!conditional.empty())
    out += fmt::format("{}{} under a condition on the request", out.empty() ? "the role " : "; ",
                       fmt::join(names(conditional), " or "));
  return out;
}

}  // namespace

bool declared_allowed(const Access& access, const Actor& actor, const json& params) {
  if (actor.read_only && !access.read_only_token) return false;
  for (const auto& g : access.grants) {
    if (!applies(g, actor, params)) continue;
    if (actor.local_admin ? g.local_admin : holds_any(actor, g.roles)) return true;
  }
  return false;
}

void check_access(const Operation& op, Context& ctx, const json& params) {
  const auto& actor = ctx.actor;
  if (actor.read_only && !op.access.read_only_token)
    fail(ErrorKind::forbidden, "{} acts with a read-only token, which may not run {} (it changes data)", actor.id, op.name);
  if (!declared_allowed(op.access, actor, params)) {
    if (actor.local_admin)
      fail(ErrorKind::forbidden, "the local administrator may not run {}: act as a staff member (--as STAFF) who may", op.name);
    fail(ErrorKind::forbidden, "{} may not run {}: it needs {}", actor.id, op.name, who_may(op.access));
  }
  if (!op.access.certification.empty())
    ctx.store.read_transaction([&] { require_actor_certified(ctx, op.access.certification, "run " + op.name); });
}

json access_json(const Operation& op) {
  const auto& a = op.access;
  RoleSet plain;
  bool local_admin = false;
  json grants = json::array(), ownership = nullptr;
  for (const auto& g : a.grants) {
    local_admin = local_admin || (g.local_admin && g.when != Condition::own_record);
    if (g.when == Condition::always) plain = plain | g.roles;
    if (g.when == Condition::own_record) ownership = {{"param", g.param}, {"roles", names(g.roles)}};
    json grant{{"roles", names(g.roles)}, {"when", condition_name(g.when)}, {"local_admin", g.local_admin}};
    if (g.when != Condition::always) grant["param"] = g.param;
    if (g.when == Condition::param_is || g.when == Condition::param_is_not) grant["value"] = g.value;
    grants.push_back(std::move(grant));
  }
  json out{{"roles", names(plain)},
           {"grants", std::move(grants)},
           {"ownership", std::move(ownership)},
           {"local_admin", local_admin},
           {"read_only_token", a.read_only_token},
           {"certification", a.certification.empty() ? json(nullptr) : json(a.certification)}};
  if (!a.note.empty()) out["note"] = a.note;
  return out;
}

void check_declaration(const Operation& op) {
  if (op.access.grants.empty()) fail(ErrorKind::internal, "{} declares nobody who may run it", op.name);
  if (op.access.read_only_token && op.effect == Effect::write)
    fail(ErrorKind::internal, "{} changes data: a read-only token may not run it", op.name);
  for (const auto& g : op.access.grants) {
    if (g.roles.empty()) fail(ErrorKind::internal, "{} has a grant for no role", op.name);
    if ((g.when == Condition::always) != g.param.empty())
      fail(ErrorKind::internal, "{}: a conditional grant names its parameter, an unconditional one none", op.name);
  }
}

}  // namespace vrathaus
