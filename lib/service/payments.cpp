#include "service/payments.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "domain/collection_calendar.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "store/payment_file.hpp"
#include "store/permit_rows.hpp"
#include "store/usable_mandate_sql.hpp"

#include "store/sql/sql.hpp"
#include <fmt/format.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

// Open charges due by the collection date whose mandate may be charged on that day.
const std::string kUsable =
    "c.status = 'open' AND c.due_on <= :collection AND " + usable_mandate_sql("m");

// A mandate never collected before is collected once, as FRST, in a batch: its other due charges
// wait for the next export, where they go as RCUR. The EPC rulebook allows one first collection
// per mandate, and German banks reject a file naming a mandate as FRST twice; putting the others
// into the same file's RCUR PmtInf is refused by the banks that still check that a RCUR follows a
// settled FRST, so the safe rule is "the lowest charge id goes first, the rest next time". Ranked
// with a window function over the charges of never-used mandates only (one sort, no index for every
// open charge to keep); the export then leaves out the few held back.
const std::string kHeldBack =
    "SELECT cid, account_id, reference FROM (SELECT c.id AS cid, c.account_id AS account_id, m.reference AS reference,"
    " row_number() OVER (PARTITION BY c.mandate_id ORDER BY c.id) AS nth"
    " FROM charges c JOIN mandates m ON m.id = c.mandate_id WHERE m.last_used_on IS NULL AND " + kUsable +
    ") WHERE nth > 1 ORDER BY cid";

constexpr const char* kBatchColumns =
    "id, msg_id, created_at, created_by, collection_date, creditor_id, transactions, ctrl_sum_cents, sha256, format";

json read_batch(sql::Statement& q) {
  return {{"batch", q.getColumn(0).getInt64()},        {"msg_id", q.getColumn(1).getString()},
          {"created_at", q.getColumn(2).getString()},  {"created_by", q.getColumn(3).getString()},
          {"collection_date", q.getColumn(4).getString()}, {"creditor_id", q.getColumn(5).getString()},
          {"transactions", q.getColumn(6).getInt64()}, {"ctrl_sum_cents", q.getColumn(7).getInt64()},
          {"sha256", q.getColumn(8).getString()}, {"format", q.getColumn(9).getString()}};
}

json load_batch(Context& ctx, std::int64_t batch) {
  sql::Statement q(ctx.db(), std::string("SELECT ") + kBatchColumns + " FROM payment_batches WHERE id = ?");
  q.bind(1, batch);
  if (!q.executeStep()) fail(ErrorKind::not_found, "no payment batch {}", batch);
  auto out = read_batch(q);
  sql::Statement seq(ctx.db(), "SELECT sequence, count(*) FROM charges WHERE batch = ? GROUP BY sequence");
  seq.bind(1, batch);
  out["frst"] = 0;
  out["rcur"] = 0;
  while (seq.executeStep()) out[seq.getColumn(0).getString() == "FRST" ? "frst" : "rcur"] = seq.getColumn(1).getInt64();
  return out;
}

// Due charges that stay open because their mandate cannot be charged: the staff must act.
json skipped_charges(Context& ctx, const Date& collection) {
  sql::Statement q(ctx.db(),
                      "SELECT c.id, c.account_id, m.reference, m.status FROM charges c LEFT JOIN mandates m ON m.id = c.mandate_id"
                      " WHERE c.status = 'open' AND c.due_on <= :collection AND (m.id IS NULL OR NOT " +
                          usable_mandate_sql("m") + ") ORDER BY c.id");
  q.bind(":collection", collection.str());
  bind_usable_mandate(q, collection);
  json out = json::array();
  while (q.executeStep()) {
    std::string why = q.getColumn(2).isNull()     ? "has no mandate"
                      : q.getColumn(3).getString() == "revoked" ? "mandate " + q.getColumn(2).getString() + " is revoked"
                                                           : "mandate " + q.getColumn(2).getString() + " has lapsed (unused for 36 months)";
    out.push_back({{"charge_id", q.getColumn(0).getInt64()}, {"account_id", q.getColumn(1).getInt64()}, {"reason", why}});
  }
  return out;
}

// Due charges held back for the next export because their mandate has its first collection in
// this batch (see kHeldBack).
json deferred_charges(Context& ctx, const Date& collection) {
  sql::Statement q(ctx.db(), kHeldBack);
  q.bind(":collection", collection.str());
  bind_usable_mandate(q, collection);
  json out = json::array();
  while (q.executeStep())
    out.push_back({{"charge_id", q.getColumn(0).getInt64()}, {"account_id", q.getColumn(1).getInt64()},
                   {"reason", "mandate " + q.getColumn(2).getString() +
                                  " has its first collection (FRST) in this batch: collected as RCUR in the next export"}});
  return out;
}

Date collection_date_for(const Context& ctx, std::optional<Date> requested) {
  auto today = ctx.today();
  if (!requested) return next_target_business_day(today);
  if (*requested <= today) fail_field("collection_date", "{} is not after today ({})", requested->str(), today.str());
  if (!is_target_business_day(*requested))
    fail_field("collection_date", "{} is not a TARGET2 business day (weekend, 1 January, Good Friday, Easter Monday,"
               " 1 May, 25 or 26 December)", requested->str());
  return *requested;
}

}  // namespace

json list_charges(Context& ctx, const ChargeListFilter& f) {
  static const std::vector<std::string> statuses{"open", "exported", "paid", "cancelled", "returned", "disputed"};
  if (!f.status.empty() && std::find(statuses.begin(), statuses.end(), f.status) == statuses.end())
    fail_field("status", "'{}' is not a charge status (open, exported, paid, cancelled, returned, disputed)", f.status);
  ChargeQuery q;
  q.account_id = f.account.empty() ? 0 : find_account(ctx, f.account).id;
  q.status = f.status;
  q.batch = f.batch;
  q.after_id = f.after_id;
  q.limit = f.limit;
  q.overdue = f.overdue;
  q.today = ctx.today().str();
  q.grace_days = ctx.city.permits.unpaid_grace_days;
  json items = json::array();
  for (const auto& c : query_charges(ctx.db(), q)) items.push_back(charge_json(c));
  return items;
}

json export_payments(Context& ctx, std::optional<Date> requested, const std::optional<std::string>& out_file) {
  if (!ctx.city.sepa.creditor)
    fail(ErrorKind::config, "city.sepa.creditor is not configured: the bank file needs the city's name, IBAN, BIC and creditor id");
  const auto& creditor = *ctx.city.sepa.creditor;
  auto collection = collection_date_for(ctx, requested);
  auto skipped = skipped_charges(ctx, collection);
  auto deferred = deferred_charges(ctx, collection);

  // Any usable charge means something to export: each mandate's lowest due charge always goes.
  sql::Statement count(ctx.db(), std::string("SELECT EXISTS (SELECT 1 FROM charges c JOIN mandates m ON m.id = c.mandate_id WHERE ") +
                                        kUsable + ")");
  count.bind(":collection", collection.str());
  bind_usable_mandate(count, collection);
  count.executeStep();
  if (count.getColumn(0).getInt64() == 0)
    return {{"batch", nullptr}, {"collection_date", collection.str()}, {"transactions", 0}, {"ctrl_sum_cents", 0}, {"skipped", skipped},
            {"deferred", deferred}};

  const auto now = ctx.now();
  sql::Statement batch_row(ctx.db(),
                              "INSERT INTO payment_batches(msg_id, created_at, created_by, collection_date, creditor_name,"
                              " creditor_iban, creditor_bic, creditor_id, transactions, ctrl_sum_cents, sha256, format,"
                              " creditor_street, creditor_house_no, creditor_postal_code, creditor_town, creditor_country)"
                              " VALUES (?,?,?,?,?,?,?,?,0,0,'',?,?,?,?,?,?) RETURNING id");
  batch_row.bind(1, "pending-" + now);
  batch_row.bind(2, now);
  batch_row.bind(3, ctx.actor.id);
  batch_row.bind(4, collection.str());
  batch_row.bind(5, creditor.name);
  batch_row.bind(6, creditor.iban);
  batch_row.bind(7, creditor.bic);
  batch_row.bind(8, creditor.creditor_id);
  batch_row.bind(9, ctx.city.sepa.format);
  if (const auto& a = creditor.address) {
    int column = 10;
    for (const auto* part : {&a->street, &a->house_no, &a->postal_code, &a->town, &a->country}) {
      if (part->empty()) batch_row.bind(column++);
      else batch_row.bind(column++, *part);
    }
  }
  const auto batch = batch_row.execReturningId();
  // Unique per store and within the 35 characters of the SEPA set.
  auto msg_id = fmt::format("VRATHAUS-{}-{:06}", ctx.today().str(), batch);

  // Mark the charges and record what the file says about each, in one statement. Names, address
  // parts and remittance text are transliterated by the same function the writer's tests cover
  // and cut to the EPC field lengths. The EndToEndId is unique per charge (a re-presentation is
  // a charge of its own). When the mandate's previous collection went to another IBAN, that IBAN
  // is recorded: the file then carries the amendment the debtor's bank needs.
  sql::Statement mark(
      ctx.db(),
      std::string("UPDATE charges SET status = 'exported', batch = :batch, sequence = src.seq, debtor_name = src.name,"
                  " debtor_iban = src.iban, debtor_bic = src.bic, mandate_reference = src.reference,"
                  " mandate_signed_on = src.signed_on, remittance = src.rmt, end_to_end_id = 'VR-C' || src.cid,"
                  " debtor_street = src.street, debtor_house_no = src.house_no, debtor_postal_code = src.postal_code,"
                  " debtor_town = src.town, debtor_country = CASE WHEN src.town IS NULL THEN NULL ELSE 'DE' END,"
                  " original_debtor_iban = CASE WHEN src.previous_iban <> src.iban THEN src.previous_iban END"
                  // Materialized: every decision (FRST or not, previous IBAN) is made before any row changes.
                  " FROM (WITH s AS MATERIALIZED (SELECT c.id AS cid, CASE WHEN m.last_used_on IS NULL THEN 'FRST' ELSE 'RCUR' END AS seq,"
                  "   vr_sepa_text(coalesce(a.company_name, coalesce(a.given_name, '') || ' ' || coalesce(a.family_name, '')), 70) AS name,"
                  "   m.iban AS iban, m.bic AS bic, m.reference AS reference, m.signed_on AS signed_on,"
                  "   CASE WHEN trim(coalesce(a.street, '')) = '' THEN NULL ELSE vr_sepa_text(a.street, 70) END AS street,"
                  "   CASE WHEN trim(coalesce(a.house_no, '')) = '' THEN NULL ELSE vr_sepa_text(a.house_no, 16) END AS house_no,"
                  "   CASE WHEN trim(coalesce(a.postal_code, '')) = '' THEN NULL ELSE vr_sepa_text(a.postal_code, 16) END AS postal_code,"
                  "   CASE WHEN trim(coalesce(a.city, '')) = '' THEN NULL ELSE vr_sepa_text(a.city, 35) END AS town,"
                  "   (SELECT prev.debtor_iban FROM charges prev WHERE prev.mandate_id = m.id AND prev.batch IS NOT NULL"
                  "     ORDER BY prev.batch DESC LIMIT 1) AS previous_iban,"
                  "   vr_sepa_text(CASE WHEN c.kind = 'return-fee' THEN 'Gebuehr Ruecklastschrift ' ||"
                  "     coalesce((SELECT o.end_to_end_id FROM charges o WHERE o.id = c.origin), '')"
                  "     WHEN p.id IS NULL THEN 'Gebuehr' ELSE 'Bewohnerparkausweis ' || p.zone || ' ' || p.plate"
                  "     || ' ' || p.valid_from || ' bis ' || p.valid_until END, 140) AS rmt"
                  "   FROM charges c JOIN mandates m ON m.id = c.mandate_id JOIN accounts a ON a.id = c.account_id"
                  "   LEFT JOIN permits p ON p.id = c.permit_id WHERE ") +
          kUsable + " AND c.id NOT IN (SELECT value FROM json_each(:deferred))) SELECT * FROM s) AS src"
          " WHERE charges.id = src.cid");
  mark.bind(":batch", batch);
  mark.bind(":collection", collection.str());
  bind_usable_mandate(mark, collection);
  json held_back = json::array();
  for (const auto& d : deferred) held_back.push_back(d["charge_id"]);
  mark.bind(":deferred", held_back.dump());
  mark.exec();

  sql::Statement used(ctx.db(),
                         "UPDATE mandates SET last_used_on = ?, updated_at = ? WHERE id IN (SELECT mandate_id FROM charges WHERE batch = ?)");
  used.bind(1, collection.str());
  used.bind(2, now);
  used.bind(3, batch);
  used.exec();

  sql::Statement totals(ctx.db(), "SELECT count(*), sum(amount_cents) FROM charges WHERE batch = ?");
  totals.bind(1, batch);
  totals.executeStep();
  auto transactions = totals.getColumn(0).getInt64(), ctrl_sum = totals.getColumn(1).getInt64();
  sql::Statement set_totals(ctx.db(), "UPDATE payment_batches SET msg_id = ?, transactions = ?, ctrl_sum_cents = ? WHERE id = ?");
  set_totals.bind(1, msg_id);
  set_totals.bind(2, transactions);
  set_totals.bind(3, ctrl_sum);
  set_totals.bind(4, batch);
  set_totals.exec();

  // The file's hash is part of the record: a reproduction must match it byte for byte.
  std::string sha;
  std::optional<AtomicFile> file;
  if (out_file && !ctx.dry_run) file.emplace(*out_file);
  sha = write_payment_file(ctx.db(), batch, [&](std::string_view chunk) {
    if (file) file->write(chunk);
  });
  sql::Statement set_sha(ctx.db(), "UPDATE payment_batches SET sha256 = ? WHERE id = ?");
  set_sha.bind(1, sha);
  set_sha.bind(2, batch);
  set_sha.exec();

  auto out = load_batch(ctx, batch);
  audit_append(ctx, {"payments.export", "batch:" + std::to_string(batch), nullptr, out, ""});
  // Renamed into place last: a failure before this leaves no file; the transaction commits next.
  if (file) file->commit(), out["file"] = *out_file;
  out["skipped"] = skipped;
  out["deferred"] = deferred;
  if (!skipped.empty())
    out["warnings"] = json::array({fmt::format("{} due charge(s) stay open: their mandate cannot be charged (see skipped)",
                                               skipped.size())});
  return out;
}

json show_payment_batch(Context& ctx, std::int64_t batch, const std::optional<std::string>& out_file) {
  auto out = load_batch(ctx, batch);
  std::string sha;
  if (out_file) {
    AtomicFile file(*out_file);
    sha = write_payment_file(ctx.db(), batch, [&](std::string_view chunk) { file.write(chunk); });
    if (sha != out["sha256"]) fail(ErrorKind::internal, "batch {} no longer reproduces its file (SHA-256 differs): the store was changed", batch);
    file.commit();
    out["file"] = *out_file;
  } else {
    std::string xml;
    sha = write_payment_file(ctx.db(), batch, [&](std::string_view chunk) { xml.append(chunk); });
    if (sha != out["sha256"]) fail(ErrorKind::internal, "batch {} no longer reproduces its file (SHA-256 differs): the store was changed", batch);
    out["xml"] = std::move(xml);
  }
  return out;
}

json list_payment_batches(Context& ctx, std::int64_t after_id, std::optional<std::int64_t> limit) {
  std::string sql = std::string("SELECT ") + kBatchColumns + " FROM payment_batches WHERE id > ? ORDER BY id";
  if (limit) sql += " LIMIT ?";
  sql::Statement q(ctx.db(), sql);
  q.bind(1, after_id);
  if (limit) q.bind(2, *limit);
  json items = json::array();
  while (q.executeStep()) items.push_back(read_batch(q));
  return items;
}

}  // namespace vrathaus
