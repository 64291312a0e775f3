#pragma once
// Refunds in the store: what a charge may still give back, booking a refund, paying it out by hand,
// and the credit-transfer batches (pain.001) that pay the others.
#include "domain/pain001.hpp"

#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace vrathaus {

// A charge as a refund sees it: what was charged, what was refunded already, and the IBAN the
// money came from (the charge's collection, else its mandate's).
struct RefundableCharge {
  std::int64_t id = 0, account_id = 0, amount_cents = 0, refunded_cents = 0;
  std::string status;
  std::optional<std::int64_t> permit_id;
  std::optional<std::string> iban;
};
std::optional<RefundableCharge> refundable_charge(sql::Connection& db, std::int64_t charge_id);

// The charge of a permit (its issue or renewal), if any.
std::optional<std::int64_t> permit_charge(sql::Connection& db, std::int64_t permit_id);

// Lowers an open (not yet exported) charge to `amount_cents`; false when it is not open.
bool lower_open_charge(sql::Connection& db, std::int64_t charge_id, std::int64_t amount_cents);

struct NewRefund {
  std::int64_t charge_id = 0, account_id = 0, amount_cents = 0;
  std::string reason, created_at, created_by;
  std::optional<std::string> payee_iban;
};
std::int64_t insert_refund(sql::Connection& db, const NewRefund& r);

// A pending refund paid out by hand (cash, transfer made elsewhere); false when it is not pending.
bool mark_refund_paid_out(sql::Connection& db, std::int64_t id, const std::string& reference, const std::string& at,
                          const std::string& by);

nlohmann::json refund_json(sql::Connection& db, std::int64_t id);  // null when there is none
nlohmann::json refunds_of_charge(sql::Connection& db, std::int64_t charge_id);

// Pending refunds without an IBAN: only a payout by hand can settle them.
nlohmann::json refunds_without_iban(sql::Connection& db);

// Puts every pending refund with an IBAN into a new batch (its EndToEndId VR-R<id>, the payee's
// name as the account has it; the file and refund_json show it in the SEPA character set) and
// returns the batch id, or nothing when none is pending.
std::optional<std::int64_t> create_refund_batch(sql::Connection& db, const std::string& created_at,
                                                const std::string& created_by, const std::string& execution_date);
void set_refund_batch_sha(sql::Connection& db, std::int64_t batch, const std::string& sha256);

// The batch's pain.001.001.09 file, paid from `city`'s account; returns its SHA-256.
std::string write_refund_file(sql::Connection& db, std::int64_t batch, const Creditor& city,
                              const Pain001Writer::Sink& sink);
nlohmann::json refund_batch_json(sql::Connection& db, std::int64_t batch);  // null when there is none

}  // namespace vrathaus
