#include "store/upgrade_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

// Every column but the id, which the store gives (an identity column on PostgreSQL refuses NULL).
constexpr const char* kDataColumns =
    "account_id, from_tier, to_tier, status, method, office, staff, second_staff, document_type, document_hash, "
    "document_expiry, document_country, register_court, register_no, eid_pseudonym_hash, requested_at, requested_by, "
    "decided_at, reason, revoked_at, revoked_by, confirmed_at, awaiting_until";
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

// The optional columns from method to eid_pseudonym_hash, in kColumns order (bind positions 6..16).
std::vector<std::optional<std::string>*> middle(Upgrade& u) {
  return {&u.method,          &u.office,           &u.staff,          &u.second_staff,
          &u.document_type,   &u.document_hash,    &u.document_expiry, &u.document_country,
          &u.register_court,  &u.register_no,      &u.eid_pseudonym_hash};
}

Upgrade read_row(sql::Statement& q) {
  Upgrade u;
  u.id = q.getColumn(0).getInt64();
  u.account_id = q.getColumn(1).getInt64();
  u.from_tier = q.getColumn(2).getString();
  u.to_tier = q.getColumn(3).getString();
  u.status = q.getColumn(4).getString();
  int i = 5;
  for (auto* f : middle(u)) *f = opt(q, i++);
  u.requested_at = q.getColumn(16).getString();
  u.requested_by = q.getColumn(17).getString();
  u.decided_at = opt(q, 18);
  u.reason = opt(q, 19);
  u.revoked_at = opt(q, 20);
  u.revoked_by = opt(q, 21);
  u.confirmed_at = opt(q, 22);
  u.awaiting_until = opt(q, 23);
  return u;
}

void bind_row(sql::Statement& q, Upgrade u) {
  q.bind(2, u.account_id);
  q.bind(3, u.from_tier);
  q.bind(4, u.to_tier);
  q.bind(5, u.status);
  int i = 6;
  for (auto* f : middle(u)) bind_opt(q, i++, *f);
  q.bind(17, u.requested_at);
  q.bind(18, u.requested_by);
  bind_opt(q, 19, u.decided_at);
  bind_opt(q, 20, u.reason);
  bind_opt(q, 21, u.revoked_at);
  bind_opt(q, 22, u.revoked_by);
  bind_opt(q, 23, u.confirmed_at);
  bind_opt(q, 24, u.awaiting_until);
}

std::vector<Upgrade> read_all(sql::Statement& q) {
  std::vector<Upgrade> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

}  // namespace

std::int64_t insert_upgrade(sql::Connection& db, const Upgrade& u) {
  sql::Statement q(db, std::string("INSERT INTO upgrades(") + kDataColumns +
                              ") VALUES (?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24) RETURNING id");
  bind_row(q, u);
  return q.execReturningId();
}

void update_upgrade(sql::Connection& db, const Upgrade& u) {
  sql::Statement q(db,
                      "UPDATE upgrades SET account_id=?2, from_tier=?3, to_tier=?4, status=?5, method=?6, office=?7, "
                      "staff=?8, second_staff=?9, document_type=?10, document_hash=?11, document_expiry=?12, "
                      "document_country=?13, register_court=?14, register_no=?15, eid_pseudonym_hash=?16, "
                      "requested_at=?17, requested_by=?18, decided_at=?19, reason=?20, revoked_at=?21, revoked_by=?22, "
                      "confirmed_at=?23, awaiting_until=?24 "
                      "WHERE id=?1");
  q.bind(1, u.id);
  bind_row(q, u);
  q.exec();
}

std::optional<Upgrade> load_upgrade(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string("SELECT ") + kColumns + " FROM upgrades WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::optional<Upgrade> pending_upgrade(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, std::string("SELECT ") + kColumns + " FROM upgrades WHERE account_id = ? AND status = 'pending'");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::optional<Upgrade> awaiting_upgrade(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, std::string("SELECT ") + kColumns +
                              " FROM upgrades WHERE account_id = ? AND status = 'awaiting-confirmation'");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

std::vector<Upgrade> query_upgrades(sql::Connection& db, const UpgradeQuery& f) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM upgrades WHERE id > :after";
  // With a day given, an awaiting upgrade whose day has passed is filtered as the expired one it is.
  if (!f.status.empty() && !f.today.empty())
    sql += " AND (CASE WHEN status = 'awaiting-confirmation' AND awaiting_until < :today THEN 'expired' "
           "ELSE status END) = :status";
  else if (!f.status.empty())
    sql += " AND status = :status";
  if (f.account_id) sql += " AND account_id = :account";
  sql += " ORDER BY id";
  if (f.limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  q.bind(":after", f.after_id);
  if (!f.status.empty()) q.bind(":status", f.status);
  if (!f.status.empty() && !f.today.empty()) q.bind(":today", f.today);
  if (f.account_id) q.bind(":account", *f.account_id);
  if (f.limit) q.bind(":limit", *f.limit);
  return read_all(q);
}

int expire_lapsed_upgrades(sql::Connection& db, const std::string& today) {
  sql::Statement q(db, "UPDATE upgrades SET status = 'expired' "
                          "WHERE status = 'awaiting-confirmation' AND awaiting_until < ?");
  q.bind(1, today);
  return q.exec();
}

std::vector<std::int64_t> accounts_with_document(sql::Connection& db, const std::string& document_hash,
                                                 std::int64_t except_account) {
  sql::Statement q(db,
                      "SELECT DISTINCT account_id FROM upgrades WHERE document_hash = ? AND account_id <> ? "
                      "AND status IN ('performed', 'revoked') ORDER BY account_id");
  q.bind(1, document_hash);
  q.bind(2, except_account);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::optional<std::int64_t> eid_account(sql::Connection& db, const std::string& pseudonym_hash) {
  sql::Statement q(db, "SELECT account_id FROM eid_pseudonyms WHERE pseudonym_hash = ?");
  q.bind(1, pseudonym_hash);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void bind_eid(sql::Connection& db, const std::string& pseudonym_hash, std::int64_t account_id, const std::string& at) {
  sql::Statement q(db, "INSERT INTO eid_pseudonyms(pseudonym_hash, account_id, bound_at) VALUES (?, ?, ?) "
                          "ON CONFLICT(pseudonym_hash) DO NOTHING");
  q.bind(1, pseudonym_hash);
  q.bind(2, account_id);
  q.bind(3, at);
  q.exec();
}

void erase_upgrade_evidence(sql::Connection& db, std::int64_t account_id) {
  sql::Statement u(db,
                      "UPDATE upgrades SET document_hash = NULL, document_expiry = NULL, document_country = NULL, "
                      "eid_pseudonym_hash = NULL WHERE account_id = ?");
  u.bind(1, account_id);
  u.exec();
  sql::Statement e(db, "DELETE FROM eid_pseudonyms WHERE account_id = ?");
  e.bind(1, account_id);
  e.exec();
}

std::vector<std::string> staff_owning_account(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, "SELECT staff FROM staff_accounts WHERE account_id = ? ORDER BY staff");
  q.bind(1, account_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::int64_t> accounts_of_staff(sql::Connection& db, const std::string& staff) {
  sql::Statement q(db, "SELECT account_id FROM staff_accounts WHERE staff = ? ORDER BY account_id");
  q.bind(1, staff);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool link_staff_account(sql::Connection& db, const std::string& staff, std::int64_t account_id, const std::string& at) {
  sql::Statement q(db, "INSERT INTO staff_accounts(staff, account_id, linked_at) VALUES (?, ?, ?) "
                          "ON CONFLICT(staff, account_id) DO NOTHING");
  q.bind(1, staff);
  q.bind(2, account_id);
  q.bind(3, at);
  return q.exec() > 0;
}

bool unlink_staff_account(sql::Connection& db, const std::string& staff, std::int64_t account_id) {
  sql::Statement q(db, "DELETE FROM staff_accounts WHERE staff = ? AND account_id = ?");
  q.bind(1, staff);
  q.bind(2, account_id);
  return q.exec() > 0;
}

}  // namespace vrathaus
