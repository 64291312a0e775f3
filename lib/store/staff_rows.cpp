#include "store/staff_rows.hpp"

#include "store/prepared.hpp"

#include <fmt/ranges.h>

namespace vrathaus {
namespace {

// Roles are stored as one comma-separated column.
std::string join_roles(const std::set<std::string>& roles) { return fmt::format("{}", fmt::join(roles, ",")); }

std::set<std::string> split_roles(const std::string& text) {
  std::set<std::string> roles;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) roles.insert(text.substr(start, comma - start));
    start = comma + 1;
  }
  return roles;
}

void bind_or_null(sql::Statement& q, int i, const std::optional<std::string>& value) {
  if (value)
    q.bind(i, *value);
  else
    q.bind(i);
}

// Binds every column of `s` by number: 1 id, 2 name, 3 office, 4 roles, 5 active, 6 created_at,
// 7 updated_at, 8 birth_date.
void bind_staff(sql::Statement& q, const StaffMember& s, bool with_created_at) {
  q.bind(1, s.id);
  q.bind(2, s.name);
  bind_or_null(q, 3, s.office.empty() ? std::nullopt : std::optional(s.office));
  q.bind(4, join_roles(s.roles));
  q.bind(5, s.active ? 1 : 0);
  if (with_created_at) q.bind(6, s.created_at);
  q.bind(7, s.updated_at);
  bind_or_null(q, 8, s.birth_date);
}

}  // namespace

StaffMember staff_from_columns(sql::Statement& q, int first) {
  auto column = [&](int i) { return q.getColumn(first + i); };
  StaffMember s{column(0).getString(), column(1).getString(), column(2).isNull() ? "" : column(2).getString(),
                split_roles(column(3).getString()), column(4).getInt() != 0, std::nullopt, column(5).getString(),
                column(6).getString()};
  if (!column(7).isNull()) s.birth_date = column(7).getString();
  return s;
}

std::optional<StaffMember> load_staff(sql::Connection& db, const std::string& id) {
  Prepared q(db, "SELECT id, name, office, roles, active, created_at, updated_at, birth_date FROM staff WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return staff_from_columns(*q, 0);
}

std::vector<std::string> staff_ids(sql::Connection& db, const std::string& office) {
  sql::Statement q(db, office.empty() ? "SELECT id FROM staff ORDER BY id" : "SELECT id FROM staff WHERE office = ? ORDER BY id");
  if (!office.empty()) q.bind(1, office);
  std::vector<std::string> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
  return ids;
}

void insert_staff_row(sql::Connection& db, const StaffMember& s) {
  sql::Statement q(db, "INSERT INTO staff(id, name, office, roles, active, created_at, updated_at, birth_date) "
                       "VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
  bind_staff(q, s, true);
  q.exec();
}

void update_staff_row(sql::Connection& db, const StaffMember& s) {
  sql::Statement q(db, "UPDATE staff SET name=?2, office=?3, roles=?4, active=?5, updated_at=?7, birth_date=?8 WHERE id=?1");
  bind_staff(q, s, false);
  q.exec();
}

void set_staff_office(sql::Connection& db, const std::string& id, const std::string& office, const std::string& now) {
  sql::Statement q(db, "UPDATE staff SET office = ?, updated_at = ? WHERE id = ?");
  q.bind(1, office);
  q.bind(2, now);
  q.bind(3, id);
  q.exec();
}

std::vector<StaffPlacementRow> staff_placements(sql::Connection& db, const std::string& office) {
  sql::Statement q(db, "SELECT id, office, active, leaves_on, roles FROM staff WHERE office IS NOT NULL AND (?1 = '' OR "
                       "office = ?1 OR id IN (SELECT staff FROM staff_transfers WHERE ?1 IN (from_office, to_office)))");
  q.bind(1, office);
  std::vector<StaffPlacementRow> rows;
  while (q.executeStep()) {
    StaffPlacementRow row{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
                          std::nullopt, q.getColumn(4).getString()};
    if (!q.getColumn(3).isNull()) row.leaves_on = q.getColumn(3).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vrathaus
