#include "store/statement_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

// One SELECT per kind of movement. A re-presentation carries the debt of the charge it presents
// again, so it has no line of its own as a charge, only its collection (and return). A cancelled
// charge never was owed. Disputed (MD06) is a return the debtor asked its bank for.
constexpr const char* kLines = R"sql(
SELECT substr(c.created_at, 1, 10) AS day, 1 AS ord, CASE c.kind WHEN 'return-fee' THEN 'fee' ELSE 'charge' END,
       c.id, c.amount_cents,
       CASE WHEN c.kind = 'return-fee' THEN 'return fee for charge ' || c.origin
            WHEN c.permit_id IS NULL THEN 'charge' ELSE 'permit ' || c.permit_id END
  FROM charges c WHERE c.account_id = :account AND c.kind <> 're-presentation' AND c.status <> 'cancelled'
UNION ALL
SELECT b.collection_date, 2, 'collection', c.id, -c.amount_cents, c.end_to_end_id
  FROM charges c JOIN payment_batches b ON b.id = c.batch WHERE c.account_id = :account
UNION ALL
SELECT coalesce(c.returned_on, substr(c.settled_at, 1, 10)), 3, 'return', c.id, c.amount_cents,
       coalesce(c.return_reason, '') || CASE c.status WHEN 'disputed' THEN ' (disputed)' ELSE '' END
  FROM charges c WHERE c.account_id = :account AND c.batch IS NOT NULL AND c.return_reason IS NOT NULL
UNION ALL
SELECT substr(c.settled_at, 1, 10), 4, 'payment', c.id, -c.amount_cents, c.paid_method || ' ' || c.paid_reference
  FROM charges c WHERE c.account_id = :account AND c.status = 'paid' AND c.paid_method IS NOT NULL
UNION ALL
SELECT substr(r.created_at, 1, 10), 5, 'refund', r.charge_id, -r.amount_cents, 'refund ' || r.id || ': ' || r.reason
  FROM refunds r WHERE r.account_id = :account
UNION ALL
SELECT coalesce(b.execution_date, substr(r.paid_out_at, 1, 10)), 6, 'payout', r.charge_id, r.amount_cents,
       coalesce(r.end_to_end_id, r.paid_out_reference)
  FROM refunds r LEFT JOIN refund_batches b ON b.id = r.batch WHERE r.account_id = :account AND r.status <> 'pending'
ORDER BY 1, 2, 4
)sql";

}  // namespace

std::vector<StatementLine> statement_lines(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, kLines);
  q.bind(":account", account_id);
  std::vector<StatementLine> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                   q.getColumn(4).getInt64(), q.getColumn(5).getString()});
  return out;
}

}  // namespace vrathaus
