#pragma once
// The direct-debit export in the store: which due charges a batch takes, which wait or cannot be
// charged, the batch row itself and its totals. Every statement is of the neutral dialect, so the
// export runs the same on SQLite and PostgreSQL. The debtor's texts are stored as they are in the
// account (not yet in the SEPA character set): the file's writer transliterates them.
#include "core/date.hpp"
#include "domain/city.hpp"

#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

// A due charge that stays open because its mandate cannot be charged on the collection date.
struct UnchargeableCharge {
  std::int64_t id = 0, account_id = 0;
  std::optional<std::string> mandate_reference;  // none: the charge has no mandate
  std::string mandate_status;
};
std::vector<UnchargeableCharge> unchargeable_due_charges(sql::Connection& db, const Date& collection);

// A due charge held back for the next export: its mandate has its first collection (FRST) in
// this batch with a lower charge id.
struct HeldBackCharge {
  std::int64_t id = 0, account_id = 0;
  std::string mandate_reference;
};
std::vector<HeldBackCharge> held_back_charges(sql::Connection& db, const Date& collection);

// Whether any open charge due by the collection date may be collected on it.
bool has_collectable_charges(sql::Connection& db, const Date& collection);

struct NewPaymentBatch {
  std::string created_at, created_by, collection_date, format;
  Creditor creditor;
};
std::int64_t insert_payment_batch(sql::Connection& db, const NewPaymentBatch& b);

// Moves every collectable, not held-back charge into `batch` (status exported) with what the
// file says about it, marks their mandates used on the collection date, and stores the batch's
// msg_id and totals. Only charges still open at that moment are taken, so a charge lands in one
// batch even when two exports run at once. Returns how many charges it took.
// `some_held_back`: whether held_back_charges() found any in this transaction; when it
// found none (the usual case) the ranking that finds them is not run a second time.
int fill_payment_batch(sql::Connection& db, std::int64_t batch, const std::string& msg_id, bool some_held_back,
                       const Date& collection, const std::string& now);
// A batch that took no charge (another export took them first) is removed again.
void delete_empty_payment_batch(sql::Connection& db, std::int64_t batch);
void set_payment_batch_sha(sql::Connection& db, std::int64_t batch, const std::string& sha256);

// One batch (batch, msg_id, created_at, created_by, collection_date, creditor_id, transactions,
// ctrl_sum_cents, sha256, format, frst, rcur); null when there is none.
nlohmann::json payment_batch_json(sql::Connection& db, std::int64_t batch);
nlohmann::json payment_batches(sql::Connection& db, std::int64_t after_id, std::optional<std::int64_t> limit);

}  // namespace vrathaus
