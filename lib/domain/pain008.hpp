#pragma once
// The ISO 20022 pain.008 writer (SEPA Core Direct Debit initiation) in the two versions banks
// take: pain.008.001.08 (ISO 20022 2019, EPC rulebook 2023; structured postal addresses, BICFI)
// and the older pain.008.001.02, whose output stays exactly as it always was. Streaming: the caller
// gives the totals first and the transactions one by one, and the writer hands out text as it
// goes, so a file of 100,000 collections never sits in memory. Deterministic: the same input
// gives the same bytes, which is what lets an export be reproduced by batch id.
#include "domain/city.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vrathaus {

struct Pain008Group {
  std::string msg_id;      // unique per file, ≤ 35 SEPA characters
  std::string created_at;  // ISO date-time
  std::int64_t transactions = 0;
  std::int64_t ctrl_sum_cents = 0;
  Creditor creditor;
  std::string format = kPain008v02;  // kPain008v02 or kPain008v08
};

struct Pain008Payment {
  std::string id;        // PmtInfId
  std::string sequence;  // FRST or RCUR
  std::string collection_date;
  std::int64_t transactions = 0;
  std::int64_t ctrl_sum_cents = 0;
};

struct Pain008Transaction {
  std::string end_to_end_id;
  std::int64_t amount_cents = 0;
  std::string mandate_reference;
  std::string mandate_signed_on;
  std::string debtor_bic;  // empty: NOTPROVIDED (allowed for German and SEPA-wide IBAN-only)
  std::string debtor_name;
  std::string debtor_iban;
  std::string remittance;
  // pain.008.001.08 only: written when the town is known (with the country, the least a
  // structured address has); the fields are already in the SEPA character set.
  std::optional<PostalAddress> debtor_address;
  // The mandate's IBAN changed since its last collection: the IBAN collected before. Same bank:
  // the original debtor account; another bank: "same mandate, new debtor agent" (SMNDA).
  std::string original_debtor_iban;
};

class Pain008Writer {
public:
  using Sink = std::function<void(std::string_view)>;
  explicit Pain008Writer(Sink sink) : sink_(std::move(sink)) {}

  void begin(const Pain008Group& group);
  void begin_payment(const Pain008Payment& payment);
  void transaction(const Pain008Transaction& tx);
  void end_payment();
  void end();

private:
  void flush();
  void bic(std::string_view indent, std::string_view value);
  void address(std::string_view indent, const PostalAddress& a);
  Sink sink_;
  Creditor creditor_;
  bool v08_ = false;
  std::string buffer_;
};

// Text for a SEPA file field: transliterated to the SEPA character set (ä → ae, ß → ss, & → +),
// runs of spaces collapsed, trimmed, cut to `max_chars`. Never empty: "NOTPROVIDED" instead.
std::string sepa_field(std::string_view text, std::size_t max_chars);

// The debtor's bank changed when the bank identifier inside two IBANs differs (for German IBANs
// the Bankleitzahl; elsewhere the whole IBAN past the check digits is compared, so any change
// counts as a new bank).
bool same_bank(std::string_view iban_a, std::string_view iban_b);

// Appends a structured address (PostalAddress24, as pain.008.001.08 and pain.001.001.09 carry it):
// only the known parts, in the schema's order, already in the SEPA character set.
void append_postal_address(std::string& out, std::string_view indent, const PostalAddress& a);

// Escapes &, <, > and quotes for XML text and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace vrathaus
