#include "service/mandates.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/mandate.hpp"
#include "domain/sepa_ids.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"

#include "store/sql/sql.hpp"
#include "store/usable_mandate_sql.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

constexpr const char* kColumns =
    "id, account_id, iban, bic, reference, signed_on, status, last_used_on, revoked_on, revoke_reason, created_at";

json opt_text(sql::Statement& q, int i) {
  auto c = q.getColumn(i);
  return c.isNull() ? json(nullptr) : json(c.getString());
}

// The JSON form; "status" shows "lapsed" for an active mandate unused for 36 months.
json read_mandate(sql::Statement& q, const Date& today) {
  json m{{"id", q.getColumn(0).getInt64()},  {"account_id", q.getColumn(1).getInt64()},
         {"iban", q.getColumn(2).getString()}, {"bic", opt_text(q, 3)},
         {"reference", q.getColumn(4).getString()}, {"signed_on", q.getColumn(5).getString()},
         {"status", q.getColumn(6).getString()}, {"last_used_on", opt_text(q, 7)},
         {"revoked_on", opt_text(q, 8)},        {"revoke_reason", opt_text(q, 9)},
         {"created_at", q.getColumn(10).getString()}};
  if (m["status"] == "active") {
    auto signed_on = Date::parse(m["signed_on"].get<std::string>());
    std::optional<Date> last;
    if (m["last_used_on"].is_string()) last = Date::parse(m["last_used_on"].get<std::string>());
    if (signed_on && !mandate_usable_on(*signed_on, last, today) && *signed_on <= today) m["status"] = "lapsed";
  }
  return m;
}

std::optional<json> load_where(Context& ctx, const char* where, const std::function<void(sql::Statement&)>& bind) {
  sql::Statement q(ctx.db(), std::string("SELECT ") + kColumns + " FROM mandates WHERE " + where);
  bind(q);
  if (!q.executeStep()) return std::nullopt;
  return read_mandate(q, ctx.today());
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
  sql::Statement insert(ctx.db(),
                           "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at)"
                           " VALUES (?,?,?,?,?,'active',?,?) RETURNING id");
  insert.bind(1, account.id);
  insert.bind(2, iban);
  if (bic.empty())
    insert.bind(3);
  else
    insert.bind(3, bic);
  insert.bind(4, reference);
  insert.bind(5, signed_on.str());
  insert.bind(6, ctx.now());
  insert.bind(7, ctx.now());
  auto mandate = show_mandate(ctx, insert.execReturningId());
  audit_append(ctx, {"mandates.add", mandate_object(mandate["id"].get<std::int64_t>()), nullptr, mandate, ""});
  return mandate;
}

std::optional<json> find_mandate_by_reference(Context& ctx, const std::string& reference) {
  return load_where(ctx, "upper(reference) = upper(?)", [&](sql::Statement& q) { q.bind(1, trim(reference)); });
}

json show_mandate(Context& ctx, std::int64_t id) {
  auto m = load_where(ctx, "id = ?", [&](sql::Statement& q) { q.bind(1, id); });
  if (!m) fail(ErrorKind::not_found, "no mandate {}", id);
  return *m;
}

json list_mandates(Context& ctx, std::int64_t account_id, std::int64_t after_id, std::optional<std::int64_t> limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM mandates WHERE id > :after";
  if (account_id) sql += " AND account_id = :account";
  sql += " ORDER BY id";
  if (limit) sql += " LIMIT :limit";
  sql::Statement q(ctx.db(), sql);
  q.bind(":after", after_id);
  if (account_id) q.bind(":account", account_id);
  if (limit) q.bind(":limit", *limit);
  json items = json::array();
  while (q.executeStep()) items.push_back(read_mandate(q, ctx.today()));
  return items;
}

json revoke_mandate(Context& ctx, std::int64_t id, const std::string& reason) {
  // The debtor may revoke at any time without giving a reason; staff note one when they have it.
  auto why = trim(reason);
  auto before = show_mandate(ctx, id);
  if (before["status"] == "revoked") fail(ErrorKind::conflict, "mandate {} is revoked already", id);
  sql::Statement q(ctx.db(), "UPDATE mandates SET status = 'revoked', revoked_on = ?, revoke_reason = ?, updated_at = ? WHERE id = ?");
  q.bind(1, ctx.today().str());
  q.bind(2, why);
  q.bind(3, ctx.now());
  q.bind(4, id);
  q.exec();
  auto after = show_mandate(ctx, id);
  audit_append(ctx, {"mandates.revoke", mandate_object(id), json{{"status", before["status"]}},
                     json{{"status", after["status"]}, {"revoked_on", after["revoked_on"]}}, why});
  return after;
}

std::optional<std::int64_t> usable_mandate(Context& ctx, std::int64_t account_id) {
  sql::Statement q(ctx.db(), "SELECT m.id FROM mandates m WHERE m.account_id = :account AND " + usable_mandate_sql("m") +
                                 " ORDER BY m.signed_on DESC, m.id DESC LIMIT 1");
  q.bind(":account", account_id);
  bind_usable_mandate(q, ctx.today());
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace vrathaus
