#pragma once
// The ISO 20022 pain.001.001.09 writer (SEPA credit transfer initiation, the 2019 version German
// banks take under the EPC rulebook 2023): how the city pays refunds back to citizens. One PmtInf
// (the city's account, one execution date) holding every transfer. Streaming like the pain.008
// writer: totals first, then the transfers one by one, text handed out as it goes.
#include "domain/city.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vrathaus {

inline constexpr const char* kPain001v09 = "pain.001.001.09";

struct Pain001Batch {
  std::string msg_id;      // unique per file, ≤ 35 SEPA characters; also the PmtInfId's stem
  std::string created_at;  // ISO date-time
  std::string execution_date;
  std::int64_t transactions = 0;
  std::int64_t ctrl_sum_cents = 0;
  Creditor city;  // the city's account pays (the debtor of a credit transfer)
};

struct Pain001Transfer {
  std::string end_to_end_id;
  std::int64_t amount_cents = 0;
  std::string payee_name;  // already in the SEPA character set
  std::string payee_iban;
  std::string remittance;  // already in the SEPA character set
};

class Pain001Writer {
public:
  using Sink = std::function<void(std::string_view)>;
  explicit Pain001Writer(Sink sink) : sink_(std::move(sink)) {}

  void begin(const Pain001Batch& batch);
  void transfer(const Pain001Transfer& t);
  void end();

private:
  Sink sink_;
  std::string buffer_;
};

}  // namespace vrathaus
