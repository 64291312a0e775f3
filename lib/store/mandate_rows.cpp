#include "store/mandate_rows.hpp"

#include "store/usable_mandate_sql.hpp"

#include <fmt/format.h>

#include <functional>

namespace vrathaus {
namespace {

constexpr const char* kColumns =
    "id, account_id, iban, bic, reference, signed_on, status, last_used_on, revoked_on, revoke_reason, created_at";

std::optional<std::string> opt_text(sql::Statement& q, int i) {
  if (q.getColumn(i).isNull()) return std::nullopt;
  return q.getColumn(i).getString();
}

MandateRow read_mandate(sql::Statement& q) {
  MandateRow m;
  m.id = q.getColumn(0).getInt64();
  m.account_id = q.getColumn(1).getInt64();
  m.iban = q.getColumn(2).getString();
  m.bic = opt_text(q, 3);
  m.reference = q.getColumn(4).getString();
  m.signed_on = q.getColumn(5).getString();
  m.status = q.getColumn(6).getString();
  m.last_used_on = opt_text(q, 7);
  m.revoked_on = opt_text(q, 8);
  m.revoke_reason = opt_text(q, 9);
  m.created_at = q.getColumn(10).getString();
  return m;
}

std::optional<MandateRow> load_where(sql::Connection& db, const char* where, const std::function<void(sql::Statement&)>& bind) {
  sql::Statement q(db, std::string("SELECT ") + kColumns + " FROM mandates WHERE " + where);
  bind(q);
  if (!q.executeStep()) return std::nullopt;
  return read_mandate(q);
}

}  // namespace

std::optional<MandateRow> load_mandate(sql::Connection& db, std::int64_t id) {
  return load_where(db, "id = ?", [&](sql::Statement& q) { q.bind(1, id); });
}

std::optional<MandateRow> load_mandate_by_reference(sql::Connection& db, const std::string& reference) {
  return load_where(db, "upper(reference) = upper(?)", [&](sql::Statement& q) { q.bind(1, reference); });
}

std::vector<MandateRow> query_mandates(sql::Connection& db, std::int64_t account_id, std::int64_t after_id,
                                       std::optional<std::int64_t> limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM mandates WHERE id > :after";
  if (account_id) sql += " AND account_id = :account";
  sql += " ORDER BY id";
  if (limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  q.bind(":after", after_id);
  if (account_id) q.bind(":account", account_id);
  if (limit) q.bind(":limit", *limit);
  std::vector<MandateRow> out;
  while (q.executeStep()) out.push_back(read_mandate(q));
  return out;
}

std::int64_t insert_mandate(sql::Connection& db, const MandateRow& m, const std::string& now) {
  sql::Statement q(db,
                   "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,'active',?,?) RETURNING id");
  q.bind(1, m.account_id);
  q.bind(2, m.iban);
  if (m.bic && !m.bic->empty())
    q.bind(3, *m.bic);
  else
    q.bind(3);
  q.bind(4, m.reference);
  q.bind(5, m.signed_on);
  q.bind(6, now);
  q.bind(7, now);
  return q.execReturningId();
}

std::string charging_mandate_sql(std::string_view account_id_sql) {
  return fmt::format("(SELECT u.id FROM mandates u WHERE u.account_id = {} AND {} ORDER BY u.signed_on DESC, u.id DESC LIMIT 1)",
                     account_id_sql, usable_mandate_sql("u"));
}

std::optional<std::int64_t> usable_mandate_of(sql::Connection& db, std::int64_t account_id, const Date& day) {
  sql::Statement q(db, "SELECT " + charging_mandate_sql(":account"));
  q.bind(":account", account_id);
  bind_usable_mandate(q, day);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void mark_mandate_revoked(sql::Connection& db, std::int64_t id, const Date& on, const std::string& reason, const std::string& now) {
  sql::Statement q(db, "UPDATE mandates SET status = 'revoked', revoked_on = ?, revoke_reason = ?, updated_at = ? WHERE id = ?");
  q.bind(1, on.str());
  q.bind(2, reason);
  q.bind(3, now);
  q.bind(4, id);
  q.exec();
}

}  // namespace vrathaus
