#include "store/payment_export_rows.hpp"

#include "store/usable_mandate_sql.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// Open charges due by the collection date whose mandate may be charged on that day (bind both
// :collection and the usable-mandate parameters, see bind_collection).
const std::string kUsable = "c.status = 'open' AND c.due_on <= :collection AND " + usable_mandate_sql("m");

void bind_collection(sql::Statement& q, const Date& collection) {
  q.bind(":collection", collection.str());
  bind_usable_mandate(q, collection);
}

// A mandate never collected before is collected once, as FRST, in a batch: its other due charges
// wait for the next export, where they go as RCUR. The EPC rulebook allows one first collection
// per mandate, and German banks reject a file naming a mandate as FRST twice; putting the others
// into the same file's RCUR PmtInf is refused by the banks that still check that a RCUR follows a
// settled FRST, so the safe rule is "the lowest charge id goes first, the rest next time". Ranked
// with a window function over the charges of never-used mandates only (one sort, no index for every
// open charge to keep); the rows ranked after the first are held back.
std::string ranked_first_collections() {
  return "(SELECT c.id AS cid, c.account_id AS account_id, m.reference AS reference,"
             " row_number() OVER (PARTITION BY c.mandate_id ORDER BY c.id) AS nth"
         " FROM charges c JOIN mandates m ON m.id = c.mandate_id WHERE m.last_used_on IS NULL AND " + kUsable +
         ") AS ranked";
}

constexpr const char* kBatchColumns =
    "id, msg_id, created_at, created_by, collection_date, creditor_id, transactions, ctrl_sum_cents, sha256, format";

json read_batch(sql::Statement& q) {
  return {{"batch", q.getColumn(0).getInt64()},        {"msg_id", q.getColumn(1).getString()},
          {"created_at", q.getColumn(2).getString()},  {"created_by", q.getColumn(3).getString()},
          {"collection_date", q.getColumn(4).getString()}, {"creditor_id", q.getColumn(5).getString()},
          {"transactions", q.getColumn(6).getInt64()}, {"ctrl_sum_cents", q.getColumn(7).getInt64()},
          {"sha256", q.getColumn(8).getString()}, {"format", q.getColumn(9).getString()}};
}

void bind_text_or_null(sql::Statement& q, int column, const std::string& text) {
  if (text.empty()) q.bind(column);
  else q.bind(column, text);
}

}  // namespace

std::vector<UnchargeableCharge> unchargeable_due_charges(sql::Connection& db, const Date& collection) {
  sql::Statement q(db,
                   "SELECT c.id, c.account_id, m.reference, m.status FROM charges c LEFT JOIN mandates m ON m.id = c.mandate_id"
                   " WHERE c.status = 'open' AND c.due_on <= :collection AND (m.id IS NULL OR NOT " +
                       usable_mandate_sql("m") + ") ORDER BY c.id");
  bind_collection(q, collection);
  std::vector<UnchargeableCharge> out;
  while (q.executeStep()) {
    UnchargeableCharge c{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), std::nullopt, q.getColumn(3).getString()};
    if (!q.getColumn(2).isNull()) c.mandate_reference = q.getColumn(2).getString();
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<HeldBackCharge> held_back_charges(sql::Connection& db, const Date& collection) {
  sql::Statement q(db, "SELECT cid, account_id, reference FROM " + ranked_first_collections() + " WHERE nth > 1 ORDER BY cid");
  bind_collection(q, collection);
  std::vector<HeldBackCharge> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()});
  return out;
}

bool has_collectable_charges(sql::Connection& db, const Date& collection) {
  // Any usable charge means something to export: each mandate's lowest due charge always goes.
  sql::Statement q(db, std::string("SELECT c.id FROM charges c JOIN mandates m ON m.id = c.mandate_id WHERE ") + kUsable +
                           " LIMIT 1");
  bind_collection(q, collection);
  return q.executeStep();
}

std::int64_t insert_payment_batch(sql::Connection& db, const NewPaymentBatch& b) {
  sql::Statement q(db,
                   "INSERT INTO payment_batches(msg_id, created_at, created_by, collection_date, creditor_name,"
                   " creditor_iban, creditor_bic, creditor_id, transactions, ctrl_sum_cents, sha256, format,"
                   " creditor_street, creditor_house_no, creditor_postal_code, creditor_town, creditor_country)"
                   " VALUES (?,?,?,?,?,?,?,?,0,0,'',?,?,?,?,?,?) RETURNING id");
  // Replaced by the real msg_id once the batch id is known (fill_payment_batch).
  q.bind(1, "pending-" + b.created_at);
  q.bind(2, b.created_at);
  q.bind(3, b.created_by);
  q.bind(4, b.collection_date);
  q.bind(5, b.creditor.name);
  q.bind(6, b.creditor.iban);
  q.bind(7, b.creditor.bic);
  q.bind(8, b.creditor.creditor_id);
  q.bind(9, b.format);
  const PostalAddress none;
  const auto& a = b.creditor.address ? *b.creditor.address : none;
  int column = 10;
  for (const auto* part : {&a.street, &a.house_no, &a.postal_code, &a.town, &a.country}) bind_text_or_null(q, column++, *part);
  return q.execReturningId();
}

int fill_payment_batch(sql::Connection& db, std::int64_t batch, const std::string& msg_id, bool some_held_back,
                       const Date& collection, const std::string& now) {
  // Marks the charges and records what the file says about each, in one statement. The debtor's
  // name, address parts and the remittance text are kept as the account has them; the file's
  // writer puts them into the SEPA character set and the EPC field lengths. The EndToEndId is
  // unique per charge (a re-presentation is a charge of its own). When the mandate's previous
  // collection went to another IBAN, that IBAN is recorded: the file then carries the amendment
  // the debtor's bank needs. `charges.status = 'open'` is checked again on the row being changed:
  // a concurrent export that took the charge first leaves it out of this batch.
  sql::Statement mark(
      db,
      std::string("UPDATE charges SET status = 'exported', batch = :batch, sequence = src.seq, debtor_name = src.name,"
                  " debtor_iban = src.iban, debtor_bic = src.bic, mandate_reference = src.reference,"
                  " mandate_signed_on = src.signed_on, remittance = src.rmt, end_to_end_id = 'VR-C' || src.cid,"
                  " debtor_street = src.street, debtor_house_no = src.house_no, debtor_postal_code = src.postal_code,"
                  " debtor_town = src.town, debtor_country = CASE WHEN src.town IS NULL THEN NULL ELSE 'DE' END,"
                  " original_debtor_iban = CASE WHEN src.previous_iban <> src.iban THEN src.previous_iban END"
                  // Materialized: every decision (FRST or not, previous IBAN) is made before any row changes.
                  " FROM (WITH s AS MATERIALIZED (SELECT c.id AS cid, CASE WHEN m.last_used_on IS NULL THEN 'FRST' ELSE 'RCUR' END AS seq,"
                  "   coalesce(a.company_name, coalesce(a.given_name, '') || ' ' || coalesce(a.family_name, '')) AS name,"
                  "   m.iban AS iban, m.bic AS bic, m.reference AS reference, m.signed_on AS signed_on,"
                  "   CASE WHEN trim(coalesce(a.street, '')) = '' THEN NULL ELSE a.street END AS street,"
                  "   CASE WHEN trim(coalesce(a.house_no, '')) = '' THEN NULL ELSE a.house_no END AS house_no,"
                  "   CASE WHEN trim(coalesce(a.postal_code, '')) = '' THEN NULL ELSE a.postal_code END AS postal_code,"
                  "   CASE WHEN trim(coalesce(a.city, '')) = '' THEN NULL ELSE a.city END AS town,"
                  "   (SELECT prev.debtor_iban FROM charges prev WHERE prev.mandate_id = m.id AND prev.batch IS NOT NULL"
                  "     ORDER BY prev.batch DESC LIMIT 1) AS previous_iban,"
                  "   CASE WHEN c.kind = 'return-fee' THEN 'Gebuehr Ruecklastschrift ' ||"
                  "     coalesce((SELECT o.end_to_end_id FROM charges o WHERE o.id = c.origin), '')"
                  "     WHEN p.id IS NULL THEN 'Gebuehr' ELSE 'Bewohnerparkausweis ' || p.zone || ' ' || p.plate"
                  "     || ' ' || p.valid_from || ' bis ' || p.valid_until END AS rmt"
                  "   FROM charges c JOIN mandates m ON m.id = c.mandate_id JOIN accounts a ON a.id = c.account_id"
                  "   LEFT JOIN permits p ON p.id = c.permit_id WHERE ") +
          kUsable +
          (some_held_back ? " AND c.id NOT IN (SELECT cid FROM " + ranked_first_collections() + " WHERE nth > 1)" : std::string()) +
          ") SELECT * FROM s) AS src WHERE charges.id = src.cid AND charges.status = 'open'");
  mark.bind(":batch", batch);
  bind_collection(mark, collection);
  const auto claimed = mark.exec();

  sql::Statement used(db, "UPDATE mandates SET last_used_on = ?, updated_at = ? WHERE id IN (SELECT mandate_id FROM charges WHERE batch = ?)");
  used.bind(1, collection.str());
  used.bind(2, now);
  used.bind(3, batch);
  used.exec();

  sql::Statement totals(db,
                        "UPDATE payment_batches SET msg_id = ?1, transactions = (SELECT count(*) FROM charges WHERE batch = ?2),"
                        " ctrl_sum_cents = (SELECT coalesce(sum(amount_cents), 0) FROM charges WHERE batch = ?2) WHERE id = ?2");
  totals.bind(1, msg_id);
  totals.bind(2, batch);
  totals.exec();
  return claimed;
}

void delete_empty_payment_batch(sql::Connection& db, std::int64_t batch) {
  sql::Statement q(db, "DELETE FROM payment_batches WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM charges WHERE batch = ?1)");
  q.bind(1, batch);
  q.exec();
}

void set_payment_batch_sha(sql::Connection& db, std::int64_t batch, const std::string& sha256) {
  sql::Statement q(db, "UPDATE payment_batches SET sha256 = ? WHERE id = ?");
  q.bind(1, sha256);
  q.bind(2, batch);
  q.exec();
}

json payment_batch_json(sql::Connection& db, std::int64_t batch) {
  sql::Statement q(db, std::string("SELECT ") + kBatchColumns + " FROM payment_batches WHERE id = ?");
  q.bind(1, batch);
  if (!q.executeStep()) return nullptr;
  auto out = read_batch(q);
  sql::Statement seq(db, "SELECT sequence, count(*) FROM charges WHERE batch = ? GROUP BY sequence");
  seq.bind(1, batch);
  out["frst"] = 0;
  out["rcur"] = 0;
  while (seq.executeStep()) out[seq.getColumn(0).getString() == "FRST" ? "frst" : "rcur"] = seq.getColumn(1).getInt64();
  return out;
}

json payment_batches(sql::Connection& db, std::int64_t after_id, std::optional<std::int64_t> limit) {
  std::string text = std::string("SELECT ") + kBatchColumns + " FROM payment_batches WHERE id > ? ORDER BY id";
  if (limit) text += " LIMIT ?";
  sql::Statement q(db, text);
  q.bind(1, after_id);
  if (limit) q.bind(2, *limit);
  json items = json::array();
  while (q.executeStep()) items.push_back(read_batch(q));
  return items;
}

}  // namespace vrathaus
