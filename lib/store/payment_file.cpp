#include "store/payment_file.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

// Transactions read per statement while the file is written.
constexpr std::int64_t kPageRows = 10000;

// An address part the account may leave out: empty stays empty (the element is then omitted).
std::string optional_sepa_field(std::string_view raw, std::size_t max_chars) {
  return raw.empty() ? std::string() : sepa_field(raw, max_chars);
}

}  // namespace

std::string write_payment_file(sql::Connection& db, std::int64_t batch, const Pain008Writer::Sink& sink) {
  sql::Statement head(db,
                         "SELECT msg_id, created_at, collection_date, creditor_name, creditor_iban, creditor_bic, creditor_id,"
                         " transactions, ctrl_sum_cents, format, coalesce(creditor_street, ''), coalesce(creditor_house_no, ''),"
                         " coalesce(creditor_postal_code, ''), coalesce(creditor_town, ''), coalesce(creditor_country, '')"
                         " FROM payment_batches WHERE id = ?");
  head.bind(1, batch);
  if (!head.executeStep()) fail(ErrorKind::not_found, "no payment batch {}", batch);
  Pain008Group group;
  group.msg_id = head.getColumn(0).getString();
  group.created_at = head.getColumn(1).getString();
  auto collection_date = head.getColumn(2).getString();
  group.creditor = {head.getColumn(3).getString(), head.getColumn(4).getString(), head.getColumn(5).getString(),
                    head.getColumn(6).getString(), std::nullopt};
  group.transactions = head.getColumn(7).getInt64();
  group.ctrl_sum_cents = head.getColumn(8).getInt64();
  group.format = head.getColumn(9).getString();
  // The creditor's address as configured at export time, in the SEPA character set.
  if (auto town = head.getColumn(13).getString(); !town.empty()) {
    group.creditor.address = PostalAddress{optional_sepa_field(head.getColumn(10).getStringView(), 70),
                                           optional_sepa_field(head.getColumn(11).getStringView(), 16),
                                           optional_sepa_field(head.getColumn(12).getStringView(), 16), sepa_field(town, 35),
                                           head.getColumn(14).getString()};
  }

  Sha256 hash;
  Pain008Writer writer([&](std::string_view chunk) {
    hash.update(chunk);
    sink(chunk);
  });
  writer.begin(group);
  sql::Statement totals(db,
                           "SELECT sequence, count(*), sum(amount_cents) FROM charges WHERE batch = ? GROUP BY sequence"
                           " ORDER BY sequence");
  totals.bind(1, batch);
  std::vector<Pain008Payment> payments;
  while (totals.executeStep())
    payments.push_back({group.msg_id + "-" + totals.getColumn(0).getString(), totals.getColumn(0).getString(),
                        collection_date, totals.getColumn(1).getInt64(), totals.getColumn(2).getInt64()});
  // Read in pages after the last id: PostgreSQL's client holds a statement's whole result, and a
  // file's memory must not grow with its transactions.
  sql::Statement rows(db,
                         "SELECT coalesce(end_to_end_id, 'VR-C' || id), amount_cents, mandate_reference, mandate_signed_on,"
                         " coalesce(debtor_bic, ''), debtor_name, debtor_iban, remittance, coalesce(debtor_street, ''),"
                         " coalesce(debtor_house_no, ''), coalesce(debtor_postal_code, ''), coalesce(debtor_town, ''),"
                         " coalesce(debtor_country, ''), coalesce(original_debtor_iban, ''), id"
                         " FROM charges WHERE batch = ?1 AND sequence = ?2 AND id > ?3 ORDER BY id LIMIT ?4");
  for (const auto& payment : payments) {
    writer.begin_payment(payment);
    Pain008Transaction tx;
    for (std::int64_t after = 0, read = kPageRows; read == kPageRows;) {
      rows.reset();
      rows.bind(1, batch);
      rows.bind(2, payment.sequence);
      rows.bind(3, after);
      rows.bind(4, kPageRows);
      for (read = 0; rows.executeStep(); ++read) {
        tx.end_to_end_id = rows.getColumn(0).getString();
        tx.amount_cents = rows.getColumn(1).getInt64();
        tx.mandate_reference = rows.getColumn(2).getString();
        tx.mandate_signed_on = rows.getColumn(3).getString();
        tx.debtor_bic = rows.getColumn(4).getString();
        tx.debtor_name = sepa_field(rows.getColumn(5).getStringView(), 70);
        tx.debtor_iban = rows.getColumn(6).getString();
        tx.remittance = sepa_field(rows.getColumn(7).getStringView(), 140);
        tx.debtor_address.reset();
        if (auto town = rows.getColumn(11).getStringView(); !town.empty())
          tx.debtor_address = PostalAddress{optional_sepa_field(rows.getColumn(8).getStringView(), 70),
                                            optional_sepa_field(rows.getColumn(9).getStringView(), 16),
                                            optional_sepa_field(rows.getColumn(10).getStringView(), 16),
                                            sepa_field(town, 35), rows.getColumn(12).getString()};
        tx.original_debtor_iban = rows.getColumn(13).getString();
        after = rows.getColumn(14).getInt64();
        writer.transaction(tx);
      }
    }
    writer.end_payment();
  }
  writer.end();
  return hash.hex();
}

}  // namespace vrathaus
