#include "store/permit_rows.hpp"

#include "core/error.hpp"
#include "domain/overdue.hpp"
#include "store/overdue_sql.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

constexpr const char* kPermitColumns =
    "id, account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, renewed_from, revoked_on, "
    "revoke_reason, created_by, created_at";

constexpr const char* kChargeColumns =
    "id, account_id, permit_id, mandate_id, amount_cents, due_on, status, batch, created_at, sequence, kind, origin,"
    " end_to_end_id, return_reason";

Date date_column(sql::Statement& q, int i) { return Date::parse(q.getColumn(i).getString()).value_or(Date()); }

std::optional<std::int64_t> opt_int(sql::Statement& q, int i) {
  auto c = q.getColumn(i);
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<std::string> opt_text(sql::Statement& q, int i) {
  auto c = q.getColumn(i);
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

PermitRow read_permit(sql::Statement& q) {
  PermitRow p;
  p.id = q.getColumn(0).getInt64();
  p.account_id = q.getColumn(1).getInt64();
  p.plate = q.getColumn(2).getString();
  p.zone = q.getColumn(3).getString();
  p.period = {date_column(q, 4), date_column(q, 5)};
  p.status = q.getColumn(6).getString();
  p.auto_renew = q.getColumn(7).getInt() != 0;
  p.fee_cents = q.getColumn(8).getInt64();
  p.renewed_from = opt_int(q, 9);
  if (auto r = opt_text(q, 10)) p.revoked_on = Date::parse(*r);
  p.revoke_reason = opt_text(q, 11);
  p.created_by = q.getColumn(12).getString();
  p.created_at = q.getColumn(13).getString();
  return p;
}

ChargeRow read_charge(sql::Statement& q) {
  ChargeRow c;
  c.id = q.getColumn(0).getInt64();
  c.account_id = q.getColumn(1).getInt64();
  c.permit_id = opt_int(q, 2);
  c.mandate_id = opt_int(q, 3);
  c.amount_cents = q.getColumn(4).getInt64();
  c.due_on = date_column(q, 5);
  c.status = q.getColumn(6).getString();
  c.batch = opt_int(q, 7);
  c.created_at = q.getColumn(8).getString();
  c.sequence = opt_text(q, 9);
  c.kind = q.getColumn(10).getString();
  c.origin = opt_int(q, 11);
  c.end_to_end_id = opt_text(q, 12);
  c.return_reason = opt_text(q, 13);
  return c;
}

template <typename T>
json nullable(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

std::optional<PermitRow> load_permit(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string("SELECT ") + kPermitColumns + " FROM permits WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_permit(q);
}

std::int64_t insert_permit(sql::Connection& db, const PermitRow& p, const std::string& now) {
  sql::Statement q(db,
                      "INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents,"
                      " renewed_from, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, p.account_id);
  q.bind(2, p.plate);
  q.bind(3, p.zone);
  q.bind(4, p.period.from.str());
  q.bind(5, p.period.until.str());
  q.bind(6, p.status);
  q.bind(7, p.auto_renew ? 1 : 0);
  q.bind(8, p.fee_cents);
  if (p.renewed_from)
    q.bind(9, *p.renewed_from);
  else
    q.bind(9);
  q.bind(10, p.created_by);
  q.bind(11, now);
  q.bind(12, now);
  return q.execReturningId();
}

std::optional<std::int64_t> renewal_of(sql::Connection& db, std::int64_t permit_id) {
  sql::Statement q(db, "SELECT id FROM permits WHERE renewed_from = ?");
  q.bind(1, permit_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<PermitRow> query_permits(sql::Connection& db, const PermitQuery& pq) {
  std::string sql = std::string("SELECT ") + kPermitColumns + " FROM permits WHERE id > :after";
  if (pq.account_id) sql += " AND account_id = :account";
  if (pq.expiring_before) sql += " AND status = 'active' AND valid_until < :before";
  sql += " ORDER BY id";
  // The shown status is the domain's (permit_status_on), decided per row below, so the limit
  // applies to the rows that pass it.
  if (pq.limit && pq.status.empty()) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  q.bind(":after", pq.after_id);
  if (pq.account_id) q.bind(":account", pq.account_id);
  if (pq.expiring_before) q.bind(":before", pq.expiring_before->str());
  if (pq.limit && pq.status.empty()) q.bind(":limit", *pq.limit);
  std::vector<PermitRow> out;
  while ((!pq.limit || std::int64_t(out.size()) < *pq.limit) && q.executeStep()) {
    auto p = read_permit(q);
    if (pq.status.empty() || pq.status == permit_status_on(p.period, p.revoked_on, pq.today)) out.push_back(std::move(p));
  }
  return out;
}

std::optional<std::pair<std::int64_t, Date>> active_permit_for_plate(sql::Connection& db, const std::string& plate,
                                                                     const Date& today) {
  sql::Statement q(db,
                   "SELECT id, valid_until FROM permits WHERE plate = ? AND status = 'active' AND valid_until >= ?"
                   " ORDER BY id LIMIT 1");
  q.bind(1, plate);
  q.bind(2, today.str());
  if (!q.executeStep()) return std::nullopt;
  return std::pair{q.getColumn(0).getInt64(), date_column(q, 1)};
}

std::int64_t permits_held(sql::Connection& db, std::int64_t account_id, const Date& today) {
  sql::Statement q(db,
                   "SELECT count(*) FROM permits p WHERE p.account_id = ? AND p.status = 'active' AND p.valid_until >= ?"
                   " AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id AND r.status = 'active')");
  q.bind(1, account_id);
  q.bind(2, today.str());
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void mark_permit_revoked(sql::Connection& db, std::int64_t id, const Date& on, const std::string& reason, const std::string& now) {
  sql::Statement q(db, "UPDATE permits SET status = 'revoked', revoked_on = ?, revoke_reason = ?, updated_at = ? WHERE id = ?");
  q.bind(1, on.str());
  q.bind(2, reason);
  q.bind(3, now);
  q.bind(4, id);
  q.exec();
}

std::vector<std::int64_t> cancel_open_charges_of_permit(sql::Connection& db, std::int64_t permit_id) {
  sql::Statement q(db, "UPDATE charges SET status = 'cancelled' WHERE permit_id = ? AND status = 'open' RETURNING id");
  q.bind(1, permit_id);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

json permit_json(const PermitRow& p, const Date& today) {
  return {{"id", p.id},
          {"account_id", p.account_id},
          {"plate", p.plate},
          {"zone", p.zone},
          {"valid_from", p.period.from.str()},
          {"valid_until", p.period.until.str()},
          {"status", permit_status_on(p.period, p.revoked_on, today)},
          {"auto_renew", p.auto_renew},
          {"fee_cents", p.fee_cents},
          {"renewed_from", nullable(p.renewed_from)},
          {"revoked_on", p.revoked_on ? json(p.revoked_on->str()) : json(nullptr)},
          {"revoke_reason", nullable(p.revoke_reason)},
          {"created_by", p.created_by},
          {"created_at", p.created_at}};
}

std::int64_t insert_charge(sql::Connection& db, const ChargeRow& c) {
  sql::Statement q(db,
                      "INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at, kind,"
                      " origin) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, c.account_id);
  if (c.permit_id)
    q.bind(2, *c.permit_id);
  else
    q.bind(2);
  if (c.mandate_id)
    q.bind(3, *c.mandate_id);
  else
    q.bind(3);
  q.bind(4, c.amount_cents);
  q.bind(5, c.due_on.str());
  q.bind(6, c.status);
  q.bind(7, c.created_at);
  q.bind(8, c.kind);
  if (c.origin)
    q.bind(9, *c.origin);
  else
    q.bind(9);
  return q.execReturningId();
}

std::optional<ChargeRow> load_charge(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string("SELECT ") + kChargeColumns + " FROM charges WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_charge(q);
}

std::optional<ChargeRow> load_charge_of_permit(sql::Connection& db, std::int64_t permit_id) {
  sql::Statement q(db, std::string("SELECT ") + kChargeColumns + " FROM charges WHERE permit_id = ? AND kind = 'permit'");
  q.bind(1, permit_id);
  if (!q.executeStep()) return std::nullopt;
  return read_charge(q);
}

std::vector<ChargeRow> query_charges(sql::Connection& db, const ChargeQuery& cq) {
  std::string sql = std::string("SELECT ") + kChargeColumns + " FROM charges c WHERE id > :after";
  if (cq.overdue) sql += " AND " + kOverdueCharge;
  if (cq.account_id) sql += " AND account_id = :account";
  if (!cq.status.empty()) sql += " AND status = :status";
  if (cq.batch) sql += " AND batch = :batch";
  sql += " ORDER BY id";
  if (cq.limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  q.bind(":after", cq.after_id);
  if (cq.account_id) q.bind(":account", cq.account_id);
  if (!cq.status.empty()) q.bind(":status", cq.status);
  if (cq.batch) q.bind(":batch", *cq.batch);
  if (cq.limit) q.bind(":limit", *cq.limit);
  if (cq.overdue) {
    auto today = Date::parse(cq.today);
    if (!today) fail(ErrorKind::internal, "'{}' is not a day", cq.today);
    q.bind(":grace_cutoff", overdue_grace_cutoff(*today, cq.grace_days).str());
    bind_usable_mandate(q, *today);
  }
  std::vector<ChargeRow> out;
  while (q.executeStep()) out.push_back(read_charge(q));
  return out;
}

json charge_json(const ChargeRow& c) {
  return {{"id", c.id},
          {"account_id", c.account_id},
          {"permit_id", nullable(c.permit_id)},
          {"mandate_id", nullable(c.mandate_id)},
          {"amount_cents", c.amount_cents},
          {"due_on", c.due_on.str()},
          {"status", c.status},
          {"batch", nullable(c.batch)},
          {"sequence", nullable(c.sequence)},
          {"kind", c.kind},
          {"origin", nullable(c.origin)},
          {"end_to_end_id", nullable(c.end_to_end_id)},
          {"return_reason", nullable(c.return_reason)},
          {"created_at", c.created_at}};
}

}  // namespace vrathaus
