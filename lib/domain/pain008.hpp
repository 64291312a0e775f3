#pragma once
// The ISO 20022 pain.008.001.02 writer (SEPA Core Direct Debit initiation). Streaming: the caller
// gives the totals first and the transactions one by one, and the writer hands out text as it
// goes, so a file of 100,000 collections never sits in memory. Deterministic: the same input
// gives the same bytes, which is what lets an export be reproduced by batch id.
#include "config/city.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vrathaus {

struct Pain008Group {
  std::string msg_id;      // unique per file, ≤ 35 SEPA characters
  std::string created_at;  // ISO date-time
  std::int64_t transactions = 0;
  std::int64_t ctrl_sum_cents = 0;
  Creditor creditor;
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
  Sink sink_;
  Creditor creditor_;
  std::string buffer_;
};

// Text for a SEPA file field: transliterated to the SEPA character set (ä → ae, ß → ss, & → +),
// runs of spaces collapsed, trimmed, cut to `max_chars`. Never empty: "NOTPROVIDED" instead.
std::string sepa_field(std::string_view text, std::size_t max_chars);

// Escapes &, <, > and quotes for XML text and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace vrathaus
