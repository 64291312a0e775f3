#include "service/staff.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/duties.hpp"
#include "domain/folding.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"
#include "service/offices.hpp"
#include "service/staff_presence.hpp"
#include "store/placement_rows.hpp"
#include "store/staff_rows.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace vrathaus {
namespace {

std::set<std::string> validate_roles(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& r : roles) {
    if (!known_roles().contains(r))
      fail_field("roles", "'{}' is not a role ({})", r, fmt::join(known_roles(), ", "));
    out.insert(r);
  }
  if (out.empty()) fail_field("roles", "a staff member needs at least one role");
  if (auto why = mixed_roles_reason(out)) fail(ErrorKind::forbidden, "{}", *why);
  return out;
}

// Granting or removing roles is an admin's act; a supervisor may only add a plain clerk.
void require_role_granter(const Context& ctx, const std::set<std::string>& roles, const std::set<std::string>& before) {
  if (ctx.actor.has_role(Role::admin)) return;
  if (before.empty() && roles == std::set<std::string>{std::string(role_name(Role::clerk))}) return;
  fail(ErrorKind::forbidden, "only an admin grants or removes roles; {} is not one", ctx.actor.id);
}

void refuse_own_record(const Context& ctx, const std::string& id, const char* action) {
  if (ctx.actor.is_staff && ctx.actor.id == id)
    fail(ErrorKind::forbidden, "nobody {} their own staff record; another supervisor or admin must", action);
}

// The last active admin is what every other administrative act depends on: losing them locks
// the city out of its own system (their tokens stop working, nothing remote can undo it).
void keep_an_admin(Context& ctx, const StaffMember& leaving) {
  const std::string admin(role_name(Role::admin));
  if (!leaving.active || !leaving.roles.contains(admin)) return;
  for (const auto& other : list_staff(ctx, ""))
    if (other.id != leaving.id && other.active && other.roles.contains(admin)) return;
  fail(ErrorKind::forbidden, "{} is the last active admin: make another admin first", leaving.id);
}

std::optional<std::string> validate_staff_birth_date(const Context& ctx, const std::string& value) {
  if (value.empty()) return std::nullopt;
  return validate_birth_date(value, ctx.today(), "birth_date").str();
}

std::string validate_staff_id(const std::string& id) {
  bool ok = id.size() >= 2 && id.size() <= 40 && id.find(':') == std::string::npos;
  for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_');
  if (!ok) fail_field("id", "'{}' is not a staff id (2-40 of a-z, 0-9, '.', '-', '_')", id);
  return id;
}

}  // namespace

const std::set<std::string>& known_roles() {
  static const std::set<std::string> roles = [] {
    std::set<std::string> names;
    for (Role r : kAllRoles) names.emplace(role_name(r));
    return names;
  }();
  return roles;
}

void to_json(nlohmann::json& j, const StaffMember& s) {
  j = {{"id", s.id},          {"name", s.name},
       {"office", s.office.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.office)},
       {"roles", s.roles},    {"active", s.active},
       {"birth_date", s.birth_date ? nlohmann::json(*s.birth_date) : nlohmann::json(nullptr)},
       {"created_at", s.created_at}, {"updated_at", s.updated_at}};
}

StaffMember find_staff(Context& ctx, const std::string& id) {
  auto s = load_staff(ctx.db(), id);
  if (!s) fail(ErrorKind::not_found, "no staff member {}", id);
  return *s;
}

std::vector<StaffMember> list_staff(Context& ctx, const std::string& office) {
  std::vector<StaffMember> out;
  for (const auto& id : staff_ids(ctx.db(), office)) out.push_back(*load_staff(ctx.db(), id));
  return out;
}

StaffMember add_staff(Context& ctx, const NewStaff& in) {
  StaffMember s;
  s.id = validate_staff_id(in.id);
  s.name = validate_text(in.name, "name", 120);
  s.roles = validate_roles(in.roles.empty() ? std::vector<std::string>{std::string(role_name(Role::clerk))} : in.roles);
  require_role_granter(ctx, s.roles, {});
  s.birth_date = validate_staff_birth_date(ctx, in.birth_date);
  bool service_identity =
      std::any_of(s.roles.begin(), s.roles.end(), [](const std::string& r) { return is_service_role(*parse_role(r)); });
  if (in.office.empty() && !service_identity) fail_field("office", "is required for staff (only service identities have none)");
  if (!in.office.empty()) s.office = find_office(ctx, in.office).code;
  if (load_staff(ctx.db(), s.id)) fail(ErrorKind::conflict, "staff member {} exists already", s.id);
  s.created_at = s.updated_at = ctx.now();
  insert_staff_row(ctx.db(), s);
  audit_append(ctx, {"staff.add", "staff:" + s.id, nullptr, s, ""});
  return s;
}

StaffMember update_staff(Context& ctx, const std::string& id, const StaffChange& change) {
  refuse_own_record(ctx, id, "changes");
  auto s = find_staff(ctx, id);
  auto before = s;
  if (change.name) s.name = validate_text(*change.name, "name", 120);
  if (change.office) s.office = find_office(ctx, *change.office).code;
  if (change.birth_date) s.birth_date = validate_staff_birth_date(ctx, *change.birth_date);
  if (change.roles) {
    s.roles = validate_roles(*change.roles);
    if (s.roles != before.roles) {
      require_role_granter(ctx, s.roles, before.roles);
      if (!s.roles.contains(std::string(role_name(Role::admin)))) keep_an_admin(ctx, before);
    }
  }
  nlohmann::json b = before, a = s;
  if (b == a) return s;
  s.updated_at = ctx.now();
  update_staff_row(ctx.db(), s);
  audit_append(ctx, {"staff.update", "staff:" + s.id, b, s, ""});
  return s;
}

PresenceResult deactivate_staff(Context& ctx, const std::string& id, const std::string& reason, std::optional<Date> on) {
  refuse_own_record(ctx, id, "deactivates");
  auto s = find_staff(ctx, id);
  if (!s.active) fail(ErrorKind::conflict, "staff member {} is inactive already", id);
  // Deactivating an admin takes their role away in effect: that is an admin's decision too.
  if (s.roles.contains(std::string(role_name(Role::admin))) && !ctx.actor.has_role(Role::admin))
    fail(ErrorKind::forbidden, "only an admin deactivates an admin; {} is not one", ctx.actor.id);
  keep_an_admin(ctx, s);
  auto today = ctx.today();
  Date day = on.value_or(today);
  if (day < today) fail_field("on", "{} is in the past: a departure is recorded on the day or planned ahead", day.str());
  nlohmann::json after{{"active", false}};
  auto previous = *load_placement(ctx.db(), s.id);
  s.updated_at = ctx.now();
  if (today < day) {  // planned: active until then, counted until the day before
    store_leaves_on(ctx.db(), s.id, day, s.updated_at);
    after["on"] = day.str();
  } else {
    s.active = false;
    update_staff_row(ctx.db(), s);
  }
  std::vector<std::string> offices;
  if (!s.office.empty()) offices.push_back(stint_on(previous, day).office);
  PresenceResult result{s, {}, {}};
  auto effects =
      on_staff_presence_changed(ctx, {s.id, "staff.deactivate", day, offices, {{"active", true}}, after, reason, previous});
  result.warnings = std::move(effects.warnings);
  result.moved = std::move(effects.moved);
  return result;
}

StaffMember reactivate_staff(Context& ctx, const std::string& id, const std::string& reason) {
  refuse_own_record(ctx, id, "reactivates");
  auto s = find_staff(ctx, id);
  // A planned departure (past or to come) is undone by a reactivation too: the person stays.
  auto leaves_on = load_leaves_on(ctx.db(), s.id);
  if (s.active && !leaves_on) fail(ErrorKind::conflict, "staff member {} is active already", id);
  // Reactivating an admin gives their role back in effect: that is an admin's decision too.
  if (s.roles.contains(std::string(role_name(Role::admin))) && !ctx.actor.has_role(Role::admin))
    fail(ErrorKind::forbidden, "only an admin reactivates an admin; {} is not one", ctx.actor.id);
  nlohmann::json before{{"active", s.active}};
  if (leaves_on) before["leaves_on"] = leaves_on->str();
  s.active = true;
  s.updated_at = ctx.now();
  update_staff_row(ctx.db(), s);
  if (leaves_on) store_leaves_on(ctx.db(), s.id, std::nullopt, s.updated_at);
  audit_append(ctx, {"staff.reactivate", "staff:" + s.id, before, {{"active", true}}, reason});
  return s;
}

std::vector<StaffMember> search_staff(Context& ctx, const std::string& text) {
  auto folded = fold_german(text);
  auto lowered = to_lower_ascii(text);
  if (folded.empty()) fail_field("q", "must not be empty");
  std::vector<StaffMember> out;
  for (auto& s : list_staff(ctx, ""))
    if (s.id.find(lowered) != std::string::npos || fold_german(s.name).find(folded) != std::string::npos)
      out.push_back(std::move(s));
  return out;
}

Actor staff_actor(sql::Connection& db, const std::string& id) { return staff_actor(load_staff(db, id), id); }

Actor staff_actor(const std::optional<StaffMember>& s, const std::string& id) {
  if (!s) fail(ErrorKind::forbidden, "unknown staff member {}", id);
  if (!s->active) fail(ErrorKind::forbidden, "staff member {} is inactive", id);
  Actor a;
  a.id = s->id;
  a.roles = s->roles;
  a.is_staff = true;
  return a;
}

}  // namespace vrathaus
