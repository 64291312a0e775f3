#include "service/mandates.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/mandate.hpp"
#include "domain/sepa_ids.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "store/mandate_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

json opt(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

// The JSON form; "status" shows "lapsed" for an active mandate unused for 36 months.
json mandate_json(const MandateRow& row, const Date& today) {
  json m{{"id", row.id},           {"account_id", row.account_id},     {"iban", row.iban},
         {"bic", opt(row.bic)},    {"reference", row.reference},       {"signed_on", row.signed_on},
         {"status", row.status},   {"last_used_on", opt(row.last_used_on)}, {"revoked_on", opt(row.revoked_on)},
         {"revoke_reason", opt(row.revoke_reason)}, {"created_at", row.created_at}};
  if (row.status == "active") {
    auto signed_on = Date::parse(row.signed_on);
    std::optional<Date> last;
    if (row.last_used_on) last = Date::parse(*row.last_used_on);
    if (signed_on && !mandate_usable_on(*signed_on, last, today) && *signed_on <= today) m["status"] = "lapsed";
  }
  return m;
}

std::string mandate_object(std::int64_t id) { return "mandate:" + std::to_string(id); }

}  // namespace

json add_mandate(Context& ctx, const NewMandate& m) {
  auto iban = validate_iban(m.iban, "iban");
  auto bic = validate_debtor_bic(iban, m.bic, "bic");
  auto reference = validate_mandate_reference(m.reference, "reference");
  auto signed_on = Date::parse_field(trim(m.signed_on), "signed_on");
  if (signed_on > ctx.today()) fail_field("signed_on", "{} is in the future", signed_on.str());
  auto account = find_account(ctx, std::to_string(m.account_id));
  if (account.status == "closed") fail(ErrorKind::conflict, "account {} is closed", account.id);
  if (auto existing = find_mandate_by_reference(ctx, reference))
    fail(ErrorKind::conflict, "the mandate reference {} exists already (mandate {})", reference,
         (*existing)["id"].get<std::int64_t>());
  MandateRow row;
  row.account_id = account.id;
  row.iban = iban;
  row.bic = bic;
  row.reference = reference;
  row.signed_on = signed_on.str();
  auto mandate = show_mandate(ctx, insert_mandate(ctx.db(), row, ctx.now()));
  audit_append(ctx, {"mandates.add", mandate_object(mandate["id"].get<std::int64_t>()), nullptr, mandate, ""});
  return mandate;
}

std::optional<json> find_mandate_by_reference(Context& ctx, const std::string& reference) {
  auto row = load_mandate_by_reference(ctx.db(), trim(reference));
  if (!row) return std::nullopt;
  return mandate_json(*row, ctx.today());
}

json show_mandate(Context& ctx, std::int64_t id) {
  auto row = load_mandate(ctx.db(), id);
  if (!row) fail(ErrorKind::not_found, "no mandate {}", id);
  return mandate_json(*row, ctx.today());
}

json list_mandates(Context& ctx, std::int64_t account_id, std::int64_t after_id, std::optional<std::int64_t> limit) {
  json items = json::array();
  for (const auto& row : query_mandates(ctx.db(), account_id, after_id, limit)) items.push_back(mandate_json(row, ctx.today()));
  return items;
}

json revoke_mandate(Context& ctx, std::int64_t id, const std::string& reason) {
  // The debtor may revoke at any time without giving a reason; staff note one when they have it.
  auto why = trim(reason);
  auto before = show_mandate(ctx, id);
  if (before["status"] == "revoked") fail(ErrorKind::conflict, "mandate {} is revoked already", id);
  mark_mandate_revoked(ctx.db(), id, ctx.today(), why, ctx.now());
  auto after = show_mandate(ctx, id);
  audit_append(ctx, {"mandates.revoke", mandate_object(id), json{{"status", before["status"]}},
                     json{{"status", after["status"]}, {"revoked_on", after["revoked_on"]}}, why});
  return after;
}

std::optional<std::int64_t> usable_mandate(Context& ctx, std::int64_t account_id) {
  return usable_mandate_of(ctx.db(), account_id, ctx.today());
}

}  // namespace vrathaus
