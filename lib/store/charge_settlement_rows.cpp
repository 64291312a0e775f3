#include "store/charge_settlement_rows.hpp"

#include "domain/pain008.hpp"
#include "store/bank_return_rows.hpp"
#include "store/refund_rows.hpp"
#include "store/row_json.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

nlohmann::json charge_details(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db,
                      "SELECT id, account_id, permit_id, mandate_id, amount_cents, due_on, status, kind, origin, batch,"
                      " sequence, end_to_end_id, debtor_name, debtor_iban, mandate_reference, remittance, return_reason,"
                      " returned_on, settled_at, settled_by, paid_method, paid_reference, cancel_reason, created_at"
                      " FROM charges WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return nullptr;
  auto out = row_json(q);
  // Recorded as the account had them; shown as the bank file carries them.
  for (auto [field, max_chars] : {std::pair{"debtor_name", 70}, std::pair{"remittance", 140}})
    if (out[field].is_string()) out[field] = sepa_field(out[field].get<std::string>(), max_chars);
  out["bank_returns"] = bank_returns_of_charge(db, id);
  out["refunds"] = refunds_of_charge(db, id);
  sql::Statement follow(db, "SELECT id, kind, status, amount_cents FROM charges WHERE origin = ? ORDER BY id");
  follow.bind(1, id);
  out["follow_ups"] = nlohmann::json::array();
  while (follow.executeStep())
    out["follow_ups"].push_back({{"id", follow.getColumn(0).getInt64()},
                                 {"kind", follow.getColumn(1).getString()},
                                 {"status", follow.getColumn(2).getString()},
                                 {"amount_cents", follow.getColumn(3).getInt64()}});
  return out;
}

bool cancel_open_charge(sql::Connection& db, std::int64_t id, const std::string& reason, const std::string& at,
                        const std::string& by) {
  sql::Statement q(db,
                      "UPDATE charges SET status = 'cancelled', cancel_reason = ?, settled_at = ?, settled_by = ?"
                      " WHERE id = ? AND status = 'open'");
  q.bind(1, reason);
  q.bind(2, at);
  q.bind(3, by);
  q.bind(4, id);
  return q.exec() == 1;
}

bool mark_charge_paid(sql::Connection& db, std::int64_t id, const std::string& method, const std::string& reference,
                      const std::string& at, const std::string& by) {
  sql::Statement q(db,
                      "UPDATE charges SET status = 'paid', paid_method = ?, paid_reference = ?, settled_at = ?, settled_by = ?"
                      " WHERE id = ? AND status IN ('open', 'returned', 'disputed')");
  q.bind(1, method);
  q.bind(2, reference);
  q.bind(3, at);
  q.bind(4, by);
  q.bind(5, id);
  return q.exec() == 1;
}

}  // namespace vrathaus
