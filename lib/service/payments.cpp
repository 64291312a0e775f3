#include "service/payments.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "domain/collection_calendar.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "store/payment_export_rows.hpp"
#include "store/payment_file.hpp"
#include "store/permit_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

json load_batch(Context& ctx, std::int64_t batch) {
  auto out = payment_batch_json(ctx.db(), batch);
  if (out.is_null()) fail(ErrorKind::not_found, "no payment batch {}", batch);
  return out;
}

// Due charges that stay open because their mandate cannot be charged: the staff must act.
json skipped_charges(Context& ctx, const Date& collection) {
  json out = json::array();
  for (const auto& c : unchargeable_due_charges(ctx.db(), collection)) {
    std::string why = !c.mandate_reference           ? "has no mandate"
                      : c.mandate_status == "revoked" ? "mandate " + *c.mandate_reference + " is revoked"
                                                      : "mandate " + *c.mandate_reference + " has lapsed (unused for 36 months)";
    out.push_back({{"charge_id", c.id}, {"account_id", c.account_id}, {"reason", why}});
  }
  return out;
}

// Due charges held back for the next export because their mandate has its first collection in
// this batch (one FRST per mandate, see held_back_charges).
json deferred_charges(Context& ctx, const Date& collection) {
  json out = json::array();
  for (const auto& c : held_back_charges(ctx.db(), collection))
    out.push_back({{"charge_id", c.id}, {"account_id", c.account_id},
                   {"reason", "mandate " + c.mandate_reference +
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

  json nothing_due{{"batch", nullptr}, {"collection_date", collection.str()}, {"transactions", 0}, {"ctrl_sum_cents", 0},
                   {"skipped", skipped}, {"deferred", deferred}};
  if (!has_collectable_charges(ctx.db(), collection)) return nothing_due;

  const auto now = ctx.now();
  const auto batch = insert_payment_batch(ctx.db(), {now, ctx.actor.id, collection.str(), ctx.city.sepa.format, creditor});
  // Unique per store and within the 35 characters of the SEPA set.
  auto msg_id = fmt::format("VRATHAUS-{}-{:06}", ctx.today().str(), batch);
  if (fill_payment_batch(ctx.db(), batch, msg_id, !deferred.empty(), collection, now) == 0) {
    // An export on another instance took the due charges after the check above (possible where
    // writers do not queue one after another): there is nothing left for this one.
    delete_empty_payment_batch(ctx.db(), batch);
    return nothing_due;
  }

  // The file's hash is part of the record: a reproduction must match it byte for byte.
  std::string sha;
  std::optional<AtomicFile> file;
  if (out_file && !ctx.dry_run) file.emplace(*out_file);
  sha = write_payment_file(ctx.db(), batch, [&](std::string_view chunk) {
    if (file) file->write(chunk);
  });
  set_payment_batch_sha(ctx.db(), batch, sha);

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
  return payment_batches(ctx.db(), after_id, limit);
}

}  // namespace vrathaus
