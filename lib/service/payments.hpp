#pragma once
// Charges and the SEPA bank file: list charges, export the due ones as pain.008 (in the format
// city.sepa.format names), reproduce an earlier export byte for byte in the format it was written.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct ChargeListFilter {
  std::string account;  // id or login; empty: all
  std::string status;   // open, exported, paid, cancelled, returned, disputed
  std::optional<std::int64_t> batch;
  std::int64_t after_id = 0;
  std::optional<std::int64_t> limit;
  bool overdue = false;  // only overdue charges (see list_overdue_charges)
};
nlohmann::json list_charges(Context& ctx, const ChargeListFilter& filter);

// Marks every open charge due by the collection date (default: the next TARGET2 business day)
// whose mandate may be charged with a new export batch, and records what the file needs to be
// written again identically. Charges whose mandate was revoked or has lapsed stay open and are
// listed under "skipped". Returns the batch (id, msg_id, collection_date, transactions,
// ctrl_sum_cents, frst, rcur, sha256), or "batch": null when nothing is due. With `out_file`
// (local callers only), the file is written in the same pass that computes its hash.
nlohmann::json export_payments(Context& ctx, std::optional<Date> collection_date,
                               const std::optional<std::string>& out_file = std::nullopt);

// An earlier export batch. With `out_file`, writes its pain.008 file there (atomically);
// without, the result carries the file as "xml". Either way the bytes are those of the first
// export (checked against its stored SHA-256).
nlohmann::json show_payment_batch(Context& ctx, std::int64_t batch, const std::optional<std::string>& out_file);

nlohmann::json list_payment_batches(Context& ctx, std::int64_t after_id, std::optional<std::int64_t> limit);

}  // namespace vrathaus
