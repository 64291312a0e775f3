#include "store/refund_rows.hpp"

#include "core/crypto.hpp"
#include "domain/pain008.hpp"
#include "store/row_json.hpp"

#include "store/sql/sql.hpp"
#include <fmt/format.h>

namespace vrathaus {
namespace {

using nlohmann::json;

constexpr const char* kRefundColumns =
    "id, charge_id, account_id, amount_cents, reason, status, created_at, created_by, payee_iban, payee_name, batch,"
    " end_to_end_id, paid_out_at, paid_out_by, paid_out_reference";

// The payee's name is recorded as the account has it and written in the SEPA character set.
std::string sepa_payee(std::string_view name) { return sepa_field(name, 70); }

json refund_row(sql::Statement& q) {
  auto row = row_json(q);
  if (row["payee_name"].is_string()) row["payee_name"] = sepa_payee(row["payee_name"].get<std::string>());
  return row;
}

}  // namespace

std::optional<RefundableCharge> refundable_charge(sql::Connection& db, std::int64_t charge_id) {
  sql::Statement q(db,
                      "SELECT c.id, c.account_id, c.amount_cents,"
                      " (SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r WHERE r.charge_id = c.id), c.status,"
                      " c.permit_id, coalesce(c.debtor_iban, m.iban)"
                      " FROM charges c LEFT JOIN mandates m ON m.id = c.mandate_id WHERE c.id = ?");
  q.bind(1, charge_id);
  if (!q.executeStep()) return std::nullopt;
  RefundableCharge c;
  c.id = q.getColumn(0).getInt64();
  c.account_id = q.getColumn(1).getInt64();
  c.amount_cents = q.getColumn(2).getInt64();
  c.refunded_cents = q.getColumn(3).getInt64();
  c.status = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) c.permit_id = q.getColumn(5).getInt64();
  if (!q.getColumn(6).isNull()) c.iban = q.getColumn(6).getString();
  return c;
}

std::optional<std::int64_t> permit_charge(sql::Connection& db, std::int64_t permit_id) {
  sql::Statement q(db, "SELECT id FROM charges WHERE permit_id = ? AND kind = 'permit'");
  q.bind(1, permit_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

bool lower_open_charge(sql::Connection& db, std::int64_t charge_id, std::int64_t amount_cents) {
  sql::Statement q(db, "UPDATE charges SET amount_cents = ? WHERE id = ? AND status = 'open'");
  q.bind(1, amount_cents);
  q.bind(2, charge_id);
  return q.exec() == 1;
}

std::int64_t insert_refund(sql::Connection& db, const NewRefund& r) {
  sql::Statement q(db,
                      "INSERT INTO refunds(charge_id, account_id, amount_cents, reason, status, created_at, created_by, payee_iban)"
                      " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id");
  q.bind(1, r.charge_id);
  q.bind(2, r.account_id);
  q.bind(3, r.amount_cents);
  q.bind(4, r.reason);
  q.bind(5, r.created_at);
  q.bind(6, r.created_by);
  if (r.payee_iban) q.bind(7, *r.payee_iban);
  else q.bind(7);
  return q.execReturningId();
}

bool mark_refund_paid_out(sql::Connection& db, std::int64_t id, const std::string& reference, const std::string& at,
                          const std::string& by) {
  sql::Statement q(db,
                      "UPDATE refunds SET status = 'paid-out', paid_out_reference = ?, paid_out_at = ?, paid_out_by = ?"
                      " WHERE id = ? AND status = 'pending'");
  q.bind(1, reference);
  q.bind(2, at);
  q.bind(3, by);
  q.bind(4, id);
  return q.exec() == 1;
}

json refund_json(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string("SELECT ") + kRefundColumns + " FROM refunds WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return nullptr;
  return refund_row(q);
}

json refunds_of_charge(sql::Connection& db, std::int64_t charge_id) {
  sql::Statement q(db, std::string("SELECT ") + kRefundColumns + " FROM refunds WHERE charge_id = ? ORDER BY id");
  q.bind(1, charge_id);
  json out = json::array();
  while (q.executeStep()) out.push_back(refund_row(q));
  return out;
}

json refunds_without_iban(sql::Connection& db) {
  sql::Statement q(db,
                      "SELECT id AS refund_id, charge_id, account_id, amount_cents FROM refunds"
                      " WHERE status = 'pending' AND payee_iban IS NULL ORDER BY id");
  json out = json::array();
  while (q.executeStep()) {
    auto row = row_json(q);
    row["reason"] = "no IBAN is known for this account: pay it out by hand (payments refunds paid-out)";
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<std::int64_t> create_refund_batch(sql::Connection& db, const std::string& created_at,
                                                const std::string& created_by, const std::string& execution_date) {
  sql::Statement pending(db, "SELECT id FROM refunds WHERE status = 'pending' AND payee_iban IS NOT NULL LIMIT 1");
  if (!pending.executeStep()) return std::nullopt;
  pending.reset();
  sql::Statement batch_row(db,
                           "INSERT INTO refund_batches(msg_id, created_at, created_by, execution_date, transactions,"
                           " ctrl_sum_cents, sha256) VALUES (?, ?, ?, ?, 0, 0, '') RETURNING id");
  batch_row.bind(1, "pending-" + created_at);
  batch_row.bind(2, created_at);
  batch_row.bind(3, created_by);
  batch_row.bind(4, execution_date);
  const auto batch = batch_row.execReturningId();
  // The refunds still pending at this moment are claimed, and the totals are those of the claimed
  // ones: an export running at the same time on another instance never pays a refund twice.
  sql::Statement mark(db,
                      "UPDATE refunds SET status = 'exported', batch = ?, end_to_end_id = 'VR-R' || id,"
                      " payee_name = (SELECT coalesce(a.company_name, coalesce(a.given_name, '') || ' ' ||"
                      "   coalesce(a.family_name, '')) FROM accounts a WHERE a.id = refunds.account_id)"
                      " WHERE status = 'pending' AND payee_iban IS NOT NULL");
  mark.bind(1, batch);
  if (mark.exec() == 0) {
    sql::Statement none(db, "DELETE FROM refund_batches WHERE id = ?");
    none.bind(1, batch);
    none.exec();
    return std::nullopt;
  }
  sql::Statement totals(db,
                        "UPDATE refund_batches SET msg_id = ?1, transactions = (SELECT count(*) FROM refunds WHERE batch = ?2),"
                        " ctrl_sum_cents = (SELECT sum(amount_cents) FROM refunds WHERE batch = ?2) WHERE id = ?2");
  // Unique per store and within the 35 characters of the SEPA set.
  totals.bind(1, fmt::format("VRATHAUS-RF-{}-{:06}", execution_date, batch));
  totals.bind(2, batch);
  totals.exec();
  return batch;
}

void set_refund_batch_sha(sql::Connection& db, std::int64_t batch, const std::string& sha256) {
  sql::Statement q(db, "UPDATE refund_batches SET sha256 = ? WHERE id = ?");
  q.bind(1, sha256);
  q.bind(2, batch);
  q.exec();
}

std::string write_refund_file(sql::Connection& db, std::int64_t batch, const Creditor& city, const Pain001Writer::Sink& sink) {
  sql::Statement head(db, "SELECT msg_id, created_at, execution_date, transactions, ctrl_sum_cents FROM refund_batches WHERE id = ?");
  head.bind(1, batch);
  if (!head.executeStep()) return {};
  Pain001Batch b{head.getColumn(0).getString(), head.getColumn(1).getString(), head.getColumn(2).getString(),
                 head.getColumn(3).getInt64(), head.getColumn(4).getInt64(), city};
  Sha256 hash;
  Pain001Writer writer([&](std::string_view chunk) {
    hash.update(chunk);
    sink(chunk);
  });
  writer.begin(b);
  sql::Statement rows(db,
                         "SELECT r.end_to_end_id, r.amount_cents, r.payee_name, r.payee_iban,"
                         " 'Erstattung ' || r.reason || ' ' || coalesce(c.end_to_end_id, 'Gebuehr ' || c.id)"
                         " FROM refunds r JOIN charges c ON c.id = r.charge_id WHERE r.batch = ? ORDER BY r.id");
  rows.bind(1, batch);
  while (rows.executeStep())
    writer.transfer({rows.getColumn(0).getString(), rows.getColumn(1).getInt64(), sepa_payee(rows.getColumn(2).getStringView()),
                     rows.getColumn(3).getString(), sepa_field(rows.getColumn(4).getStringView(), 140)});
  writer.end();
  return hash.hex();
}

json refund_batch_json(sql::Connection& db, std::int64_t batch) {
  sql::Statement q(db,
                      "SELECT id AS batch, msg_id, created_at, created_by, execution_date, transactions, ctrl_sum_cents, sha256"
                      " FROM refund_batches WHERE id = ?");
  q.bind(1, batch);
  if (!q.executeStep()) return nullptr;
  auto out = row_json(q);
  out["format"] = kPain001v09;
  return out;
}

}  // namespace vrathaus
