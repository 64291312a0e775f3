#include "store/placement_rows.hpp"

#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

Date stored_date(const std::string& value, const char* what) {
  auto d = Date::parse(value);
  if (!d) fail(ErrorKind::internal, "stored {} '{}' is not a date", what, value);
  return *d;
}

}  // namespace

std::vector<TransferRow> load_transfers(sql::Connection& db, const std::string& staff) {
  sql::Statement q(db, "SELECT id, staff, on_date, from_office, to_office, created_by, created_at FROM staff_transfers"
                          " WHERE ?1 = '' OR staff = ?1 ORDER BY staff, on_date");
  q.bind(1, staff);
  std::vector<TransferRow> out;
  while (q.executeStep()) {
    TransferRow r;
    r.id = q.getColumn(0).getInt64();
    r.staff = q.getColumn(1).getString();
    r.transfer = {stored_date(q.getColumn(2).getString(), "transfer date"), q.getColumn(3).getString(),
                  q.getColumn(4).getString()};
    r.created_by = q.getColumn(5).getString();
    r.created_at = q.getColumn(6).getString();
    out.push_back(std::move(r));
  }
  return out;
}

void insert_transfer(sql::Connection& db, const TransferRow& r) {
  sql::Statement q(db, "INSERT INTO staff_transfers(staff, on_date, from_office, to_office, created_by, created_at)"
                          " VALUES (?,?,?,?,?,?)");
  q.bind(1, r.staff);
  q.bind(2, r.transfer.on.str());
  q.bind(3, r.transfer.from);
  q.bind(4, r.transfer.to);
  q.bind(5, r.created_by);
  q.bind(6, r.created_at);
  q.exec();
}

std::optional<Date> load_leaves_on(sql::Connection& db, const std::string& staff) {
  sql::Statement q(db, "SELECT leaves_on FROM staff WHERE id = ? AND leaves_on IS NOT NULL");
  q.bind(1, staff);
  if (!q.executeStep()) return std::nullopt;
  return stored_date(q.getColumn(0).getString(), "departure date");
}

std::map<std::string, Date> load_all_leaves_on(sql::Connection& db) {
  sql::Statement q(db, "SELECT id, leaves_on FROM staff WHERE leaves_on IS NOT NULL");
  std::map<std::string, Date> out;
  while (q.executeStep()) out.emplace(q.getColumn(0).getString(), stored_date(q.getColumn(1).getString(), "departure date"));
  return out;
}

void store_leaves_on(sql::Connection& db, const std::string& staff, const std::optional<Date>& day,
                     const std::string& updated_at) {
  sql::Statement q(db, "UPDATE staff SET leaves_on = ?, updated_at = ? WHERE id = ?");
  if (day) q.bind(1, day->str());
  else q.bind(1);
  q.bind(2, updated_at);
  q.bind(3, staff);
  q.exec();
}

std::optional<Placement> load_placement(sql::Connection& db, const std::string& staff) {
  sql::Statement q(db, "SELECT office, active, leaves_on FROM staff WHERE id = ?");
  q.bind(1, staff);
  if (!q.executeStep()) return std::nullopt;
  Placement p;
  p.office = q.getColumn(0).isNull() ? "" : q.getColumn(0).getString();
  p.active = q.getColumn(1).getInt() != 0;
  if (!q.getColumn(2).isNull()) p.leaves_on = stored_date(q.getColumn(2).getString(), "departure date");
  for (auto& row : load_transfers(db, staff)) p.transfers.push_back(std::move(row.transfer));
  return p;
}

}  // namespace vrathaus
