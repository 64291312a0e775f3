#pragma once
// Money the city pays back: a refund of a collected charge (by hand or by SEPA credit transfer in a
// pain.001.001.09 file), and the pro rata refund of a permit revoked early.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct RefundRequest {
  std::int64_t charge_id = 0;
  std::int64_t amount_cents = 0;
  std::string reason;
  // Paid out by hand at once (cash at the counter, a transfer made elsewhere): its reference.
  std::optional<std::string> paid_out_reference;
};

// Books a refund of a paid or exported charge, at most what it brought in minus earlier refunds.
// The payee's IBAN is the one the charge was collected from. Returns the refund.
nlohmann::json refund_charge(Context& ctx, const RefundRequest& request);

// Marks a pending refund as paid out by hand, with a reference.
nlohmann::json mark_refund_paid_out(Context& ctx, std::int64_t refund_id, const std::string& reference);

// Every pending refund with an IBAN in one pain.001.001.09 batch, executed on the next TARGET2
// business day; the file comes back as "xml" ("batch": null when nothing is pending). Refunds
// without an IBAN are listed under "skipped".
nlohmann::json export_refunds(Context& ctx);

// An earlier refund batch with its file in "xml", byte for byte (checked against its SHA-256).
nlohmann::json show_refund_batch(Context& ctx, std::int64_t batch);

// Called for each permit a revocation ends: under city.permits.refund = pro_rata_months, the full
// months not begun are given back — a collected charge gets a refund, an open one is lowered. The
// answer says what happened (null when nothing did); audited by the caller with the revocation.
nlohmann::json settle_revoked_permit(Context& ctx, std::int64_t permit_id);

}  // namespace vrathaus
