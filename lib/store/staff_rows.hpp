#pragma once
// Reading and writing staff rows; no rules here, only SQL with bound parameters.
#include "store/sql/sql.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vrathaus {

struct StaffMember {
  std::string id;
  std::string name;
  std::string office;  // "" for service identities (portal, importer)
  std::set<std::string> roles;
  bool active = true;
  // So that nobody verifies an account that is their own person (same folded name, same birth date).
  std::optional<std::string> birth_date;
  std::string created_at, updated_at;
};

std::optional<StaffMember> load_staff(sql::Connection& db, const std::string& id);
// The member in a row holding, from column `first` on, id, name, office, roles, active,
// created_at, updated_at, birth_date: load_staff's columns, also read where staff is joined.
StaffMember staff_from_columns(sql::Statement& q, int first);
// The ids of all staff, or of those whose record names `office`, in id order.
std::vector<std::string> staff_ids(sql::Connection& db, const std::string& office);
void insert_staff_row(sql::Connection& db, const StaffMember& s);
// Writes every column but the id and created_at.
void update_staff_row(sql::Connection& db, const StaffMember& s);
void set_staff_office(sql::Connection& db, const std::string& id, const std::string& office, const std::string& now);

// What the coverage rule needs of a staff member with an office.
struct StaffPlacementRow {
  std::string id, office;
  bool active = true;
  std::optional<std::string> leaves_on;
  std::string roles;  // as stored: comma-separated
};
// Staff with an office: all of them, or (office not "") those of `office` and those who move
// into or out of it.
std::vector<StaffPlacementRow> staff_placements(sql::Connection& db, const std::string& office);

}  // namespace vrathaus
