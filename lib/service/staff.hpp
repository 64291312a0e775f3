#pragma once
// Staff records: who works where, with which roles, and whether they are active.
#include "service/appointment_keeping.hpp"
#include "service/context.hpp"
#include "store/staff_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vrathaus {

void to_json(nlohmann::json& j, const StaffMember& s);

const std::set<std::string>& known_roles();

struct NewStaff {
  std::string id, name, office;
  std::vector<std::string> roles;
  std::string birth_date{};  // "" when not given
};

struct StaffChange {
  std::optional<std::string> name, office;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> birth_date{};  // "" clears it
};

// Separation of duties: nobody changes their own staff record or active flag; only an admin
// grants or removes roles (a supervisor may add a plain clerk), and only another admin the role
// admin; service roles are never combined with human roles; the last active admin stays.
StaffMember add_staff(Context& ctx, const NewStaff& input);
StaffMember update_staff(Context& ctx, const std::string& id, const StaffChange& change);
// Without `on` (or on today) at once, as always; a later `on` plans the departure: the person
// counts until the day before (domain/placement.hpp). Returns the member with coverage warnings.
struct PresenceResult {
  StaffMember staff;
  nlohmann::json warnings = nlohmann::json::array();  // coverage gaps the change leaves
  std::vector<AppointmentMoved> moved;                 // booked appointments it moved or left unserved
};
PresenceResult deactivate_staff(Context& ctx, const std::string& id, const std::string& reason,
                                std::optional<Date> on = std::nullopt);
// The same separation of duties as deactivating: never one's own record, an admin only by an admin.
StaffMember reactivate_staff(Context& ctx, const std::string& id, const std::string& reason);
StaffMember find_staff(Context& ctx, const std::string& id);  // not found → exit 3
std::vector<StaffMember> list_staff(Context& ctx, const std::string& office);
// Staff whose id contains `text` or whose name does, German-aware (Schröter = Schroeter), by id.
std::vector<StaffMember> search_staff(Context& ctx, const std::string& text);

// The actor a staff record acts as (local --as, or a token's owner). Unknown or inactive → exit 6.
Actor staff_actor(sql::Connection& db, const std::string& id);
// The same for a record read already (nullopt: there is no staff member `id`).
Actor staff_actor(const std::optional<StaffMember>& member, const std::string& id);

}  // namespace vrathaus
