#include "store/bank_return_rows.hpp"

namespace vrathaus {
namespace {

constexpr const char* kFileColumns =
    "id, sha256, name, kind, namespace, msg_id, imported_at, imported_by, entries, applied, unmatched";

void bind_optional(sql::Statement& q, int index, const std::optional<std::int64_t>& v) {
  if (v) q.bind(index, *v);
  else q.bind(index);
}

}  // namespace

std::optional<BankFileRow> find_bank_file(sql::Connection& db, const std::string& sha256) {
  sql::Statement q(db, std::string("SELECT ") + kFileColumns + " FROM bank_files WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.executeStep()) return std::nullopt;
  BankFileRow f;
  f.id = q.getColumn(0).getInt64();
  f.sha256 = q.getColumn(1).getString();
  f.name = q.getColumn(2).getString();
  f.kind = q.getColumn(3).getString();
  f.namespace_uri = q.getColumn(4).getString();
  f.msg_id = q.getColumn(5).getString();
  f.imported_at = q.getColumn(6).getString();
  f.imported_by = q.getColumn(7).getString();
  f.entries = q.getColumn(8).getInt64();
  f.applied = q.getColumn(9).getInt64();
  f.unmatched = q.getColumn(10).getInt64();
  return f;
}

std::int64_t insert_bank_file(sql::Connection& db, const BankFileRow& f) {
  sql::Statement q(db,
                      "INSERT INTO bank_files(sha256, name, kind, namespace, msg_id, imported_at, imported_by, entries,"
                      " applied, unmatched) VALUES (?,?,?,?,?,?,?,0,0,0) RETURNING id");
  q.bind(1, f.sha256);
  q.bind(2, f.name);
  q.bind(3, f.kind);
  q.bind(4, f.namespace_uri);
  q.bind(5, f.msg_id);
  q.bind(6, f.imported_at);
  q.bind(7, f.imported_by);
  return q.execReturningId();
}

void set_bank_file_counts(sql::Connection& db, std::int64_t id, std::int64_t entries, std::int64_t applied,
                          std::int64_t unmatched) {
  sql::Statement q(db, "UPDATE bank_files SET entries = ?, applied = ?, unmatched = ? WHERE id = ?");
  q.bind(1, entries);
  q.bind(2, applied);
  q.bind(3, unmatched);
  q.bind(4, id);
  q.exec();
}

nlohmann::json bank_file_json(const BankFileRow& f) {
  return {{"file_id", f.id},         {"sha256", f.sha256},       {"name", f.name},
          {"kind", f.kind},          {"namespace", f.namespace_uri}, {"msg_id", f.msg_id},
          {"imported_at", f.imported_at}, {"imported_by", f.imported_by}, {"entries", f.entries},
          {"applied", f.applied},    {"unmatched", f.unmatched}};
}

BankReturnRows::BankReturnRows(sql::Connection& db)
    : db_(db),
      find_(db,
            "SELECT c.id, c.account_id, c.amount_cents, c.permit_id, c.mandate_id, c.status, c.kind,"
            " EXISTS (SELECT 1 FROM charges r WHERE r.origin = c.id AND r.kind = 're-presentation')"
            " FROM charges c WHERE c.end_to_end_id = ?"),
      settle_(db,
              "UPDATE charges SET status = ?, return_reason = ?, returned_on = ? WHERE id = ? AND status = 'exported'"),
      follow_up_(db,
                 "INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at, kind, origin)"
                 " VALUES (?,?,?,?,?,'open',?,?,?) RETURNING id"),
      revoke_(db,
              "UPDATE mandates SET status = 'revoked', revoked_on = ?, revoke_reason = ?, updated_at = ?"
              " WHERE id = ? AND status = 'active'"),
      stop_renew_(db, "UPDATE permits SET auto_renew = 0, updated_at = ? WHERE account_id = ? AND auto_renew = 1"
                      " AND status = 'active'"),
      record_(db,
              "INSERT INTO bank_returns(file_id, end_to_end_id, mandate_id, amount_cents, reason, charge_id, outcome)"
              " VALUES (?,?,?,?,?,?,?)") {}

std::optional<ReturnTarget> BankReturnRows::find_charge(const std::string& end_to_end_id) {
  find_.reset();
  find_.bind(1, end_to_end_id);
  if (!find_.executeStep()) return std::nullopt;
  ReturnTarget t;
  t.charge_id = find_.getColumn(0).getInt64();
  t.account_id = find_.getColumn(1).getInt64();
  t.amount_cents = find_.getColumn(2).getInt64();
  if (!find_.getColumn(3).isNull()) t.permit_id = find_.getColumn(3).getInt64();
  if (!find_.getColumn(4).isNull()) t.mandate_id = find_.getColumn(4).getInt64();
  t.status = find_.getColumn(5).getString();
  t.kind = find_.getColumn(6).getString();
  t.re_presented = find_.getColumn(7).getInt() != 0;
  find_.reset();
  return t;
}

bool BankReturnRows::settle(std::int64_t charge_id, const std::string& status, const std::string& reason,
                            const std::string& day) {
  settle_.reset();
  settle_.bind(1, status);
  settle_.bind(2, reason);
  settle_.bind(3, day);
  settle_.bind(4, charge_id);
  return settle_.exec() == 1;
}

std::int64_t BankReturnRows::add_follow_up(const ReturnTarget& origin, const std::string& kind, std::int64_t amount_cents,
                                           const std::string& due_on, const std::string& now) {
  follow_up_.reset();
  follow_up_.bind(1, origin.account_id);
  // A fee is not a permit's charge; a re-presentation collects the same permit's fee again.
  bind_optional(follow_up_, 2, kind == "re-presentation" ? origin.permit_id : std::nullopt);
  bind_optional(follow_up_, 3, origin.mandate_id);
  follow_up_.bind(4, amount_cents);
  follow_up_.bind(5, due_on);
  follow_up_.bind(6, now);
  follow_up_.bind(7, kind);
  follow_up_.bind(8, origin.charge_id);
  return follow_up_.execReturningId();
}

bool BankReturnRows::revoke_mandate(std::int64_t mandate_id, const std::string& day, const std::string& reason,
                                    const std::string& now) {
  revoke_.reset();
  revoke_.bind(1, day);
  revoke_.bind(2, reason);
  revoke_.bind(3, now);
  revoke_.bind(4, mandate_id);
  return revoke_.exec() == 1;
}

std::int64_t BankReturnRows::stop_auto_renew(std::int64_t account_id, const std::string& now) {
  stop_renew_.reset();
  stop_renew_.bind(1, now);
  stop_renew_.bind(2, account_id);
  return stop_renew_.exec();
}

void BankReturnRows::record(std::int64_t file_id, const std::string& end_to_end_id, const std::string& mandate_id,
                            std::optional<std::int64_t> amount_cents, const std::string& reason,
                            std::optional<std::int64_t> charge_id, const std::string& outcome) {
  record_.reset();
  record_.bind(1, file_id);
  record_.bind(2, end_to_end_id);
  if (mandate_id.empty()) record_.bind(3);
  else record_.bind(3, mandate_id);
  bind_optional(record_, 4, amount_cents);
  record_.bind(5, reason);
  bind_optional(record_, 6, charge_id);
  record_.bind(7, outcome);
  record_.exec();
}

nlohmann::json bank_returns_of_charge(sql::Connection& db, std::int64_t charge_id) {
  sql::Statement q(db,
                      "SELECT f.name, f.kind, f.msg_id, f.imported_at, r.reason, r.amount_cents, r.outcome"
                      " FROM bank_returns r JOIN bank_files f ON f.id = r.file_id WHERE r.charge_id = ? ORDER BY r.id");
  q.bind(1, charge_id);
  auto out = nlohmann::json::array();
  while (q.executeStep())
    out.push_back({{"file", q.getColumn(0).getString()},
                   {"kind", q.getColumn(1).getString()},
                   {"msg_id", q.getColumn(2).getString()},
                   {"imported_at", q.getColumn(3).getString()},
                   {"reason", q.getColumn(4).getString()},
                   {"amount_cents", q.getColumn(5).isNull() ? nlohmann::json(nullptr) : nlohmann::json(q.getColumn(5).getInt64())},
                   {"outcome", q.getColumn(6).getString()}});
  return out;
}

}  // namespace vrathaus
