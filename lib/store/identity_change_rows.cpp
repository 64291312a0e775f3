#include "store/identity_change_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

// Every column but the id, which the store gives (an identity column on PostgreSQL refuses NULL).
constexpr const char* kDataColumns =
    "account_id, fields, reason, status, requested_by, requested_at, second_staff, awaiting_until, decided_at, "
    "decided_by";
const std::string kColumns = std::string("id, ") + kDataColumns;

std::optional<std::string> opt(sql::Statement& q, int i) {
  auto c = q.getColumn(i);
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

void bind_opt(sql::Statement& q, int i, const std::optional<std::string>& v) {
  if (v)
    q.bind(i, *v);
  else
    q.bind(i);
}

IdentityChange read_row(sql::Statement& q) {
  IdentityChange c;
  c.id = q.getColumn(0).getInt64();
  c.account_id = q.getColumn(1).getInt64();
  c.fields = nlohmann::json::parse(q.getColumn(2).getString()).get<std::map<std::string, std::string>>();
  c.reason = q.getColumn(3).getString();
  c.status = q.getColumn(4).getString();
  c.requested_by = q.getColumn(5).getString();
  c.requested_at = q.getColumn(6).getString();
  c.second_staff = q.getColumn(7).getString();
  c.awaiting_until = q.getColumn(8).getString();
  c.decided_at = opt(q, 9);
  c.decided_by = opt(q, 10);
  return c;
}

}  // namespace

std::int64_t insert_identity_change(sql::Connection& db, const IdentityChange& c) {
  sql::Statement q(db, std::string("INSERT INTO identity_changes(") + kDataColumns +
                           ") VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, c.account_id);
  q.bind(2, nlohmann::json(c.fields).dump());
  q.bind(3, c.reason);
  q.bind(4, c.status);
  q.bind(5, c.requested_by);
  q.bind(6, c.requested_at);
  q.bind(7, c.second_staff);
  q.bind(8, c.awaiting_until);
  bind_opt(q, 9, c.decided_at);
  bind_opt(q, 10, c.decided_by);
  return q.execReturningId();
}

void update_identity_change(sql::Connection& db, const IdentityChange& c) {
  sql::Statement q(db, "UPDATE identity_changes SET status = ?2, decided_at = ?3, decided_by = ?4 WHERE id = ?1");
  q.bind(1, c.id);
  q.bind(2, c.status);
  bind_opt(q, 3, c.decided_at);
  bind_opt(q, 4, c.decided_by);
  q.exec();
}

std::optional<IdentityChange> load_identity_change(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string("SELECT ") + kColumns + " FROM identity_changes WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::optional<IdentityChange> awaiting_identity_change(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, std::string("SELECT ") + kColumns +
                              " FROM identity_changes WHERE account_id = ? AND status = 'awaiting-confirmation'");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

int expire_lapsed_identity_changes(sql::Connection& db, const std::string& today) {
  sql::Statement q(db, "UPDATE identity_changes SET status = 'expired' "
                          "WHERE status = 'awaiting-confirmation' AND awaiting_until < ?");
  q.bind(1, today);
  return q.exec();
}

std::vector<IdentityChange> query_identity_changes(sql::Connection& db, const IdentityChangeQuery& f) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM identity_changes WHERE TRUE";
  if (f.account_id) sql += " AND account_id = :account";
  if (!f.status.empty() && !f.today.empty())
    sql += " AND (CASE WHEN status = 'awaiting-confirmation' AND awaiting_until < :today THEN 'expired' "
           "ELSE status END) = :status";
  else if (!f.status.empty())
    sql += " AND status = :status";
  sql += " ORDER BY id";
  sql::Statement q(db, sql);
  if (f.account_id) q.bind(":account", *f.account_id);
  if (!f.status.empty()) q.bind(":status", f.status);
  if (!f.status.empty() && !f.today.empty()) q.bind(":today", f.today);
  std::vector<IdentityChange> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

}  // namespace vrathaus
