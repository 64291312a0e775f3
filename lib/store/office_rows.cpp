#include "store/office_rows.hpp"

namespace vrathaus {
namespace {

constexpr const char* kSelect = "SELECT code, name, min_certified, created_at, updated_at FROM offices";

Office read_row(sql::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(), q.getColumn(3).getString(),
          q.getColumn(4).getString()};
}

}  // namespace

std::optional<Office> load_office(sql::Connection& db, const std::string& code) {
  sql::Statement q(db, std::string(kSelect) + " WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::vector<Office> load_offices(sql::Connection& db) {
  sql::Statement q(db, std::string(kSelect) + " ORDER BY code");
  std::vector<Office> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

void insert_office_row(sql::Connection& db, const Office& o) {
  sql::Statement q(db, "INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES (?,?,?,?,?)");
  q.bind(1, o.code);
  q.bind(2, o.name);
  q.bind(3, o.min_certified);
  q.bind(4, o.created_at);
  q.bind(5, o.updated_at);
  q.exec();
}

void update_office_row(sql::Connection& db, const Office& o) {
  sql::Statement q(db, "UPDATE offices SET name = ?, min_certified = ?, updated_at = ? WHERE code = ?");
  q.bind(1, o.name);
  q.bind(2, o.min_certified);
  q.bind(3, o.updated_at);
  q.bind(4, o.code);
  q.exec();
}

}  // namespace vrathaus
