#include "service/tokens.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"
#include "store/token_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// Token text: "vrt_<id>_<secret>". The id finds the row; only SHA-256(secret) is stored, and a
// 256-bit random secret needs no slow hash.
struct TokenParts {
  std::string id, secret;
};

std::optional<TokenParts> split_token(const std::string& text) {
  if (text.rfind("vrt_", 0) != 0) return std::nullopt;
  auto sep = text.find('_', 4);
  if (sep == std::string::npos || sep == 4 || sep + 1 >= text.size()) return std::nullopt;
  return TokenParts{text.substr(4, sep - 4), text.substr(sep + 1)};
}

}  // namespace

json create_token(Context& ctx, const std::string& staff, std::optional<Date> expires, bool read_only) {
  auto owner = find_staff(ctx, staff);
  if (!owner.active) fail(ErrorKind::conflict, "staff member {} is inactive", staff);
  auto until = expires.value_or(ctx.today().add_days(90));
  if (until < ctx.today()) fail_field("expires", "{} is in the past", until.str());
  if (until > ctx.today().add_days(3 * 366)) fail_field("expires", "a token may be valid for at most three years");
  auto id = random_hex(6), secret = random_hex(32);
  insert_token_row(ctx.db(), {id, owner.id, sha256_hex(secret), ctx.now(), until.str(), std::nullopt, read_only});
  json shown{{"id", id}, {"staff", owner.id}, {"expires_on", until.str()}, {"read_only", read_only}};
  audit_append(ctx, {"tokens.create", "token:" + id, nullptr, shown, ""});
  shown["token"] = "vrt_" + id + "_" + secret;
  return shown;
}

json list_tokens(Context& ctx) {
  json items = json::array();
  auto today = ctx.today().str();
  for (const auto& t : load_tokens(ctx.db()))
    items.push_back({{"id", t.id},
                     {"staff", t.staff},
                     {"created_at", t.created_at},
                     {"expires_on", t.expires_on},
                     {"read_only", t.read_only},
                     {"status", t.revoked_at ? "revoked" : t.expires_on < today ? "expired" : "active"}});
  return items;
}

json revoke_token(Context& ctx, const std::string& id) {
  auto token = load_token(ctx.db(), id);
  if (!token) fail(ErrorKind::not_found, "no token {}", id);
  if (token->revoked_at) fail(ErrorKind::conflict, "token {} is revoked already", id);
  set_token_revoked(ctx.db(), id, ctx.now());
  json after{{"id", id}, {"staff", token->staff}, {"status", "revoked"}};
  audit_append(ctx, {"tokens.revoke", "token:" + id, nullptr, after, ""});
  return after;
}

TokenBearer authenticate_token(Store& store, const Clock& clock, const std::string& bearer) {
  auto parts = split_token(bearer);
  if (!parts) fail(ErrorKind::unauthenticated, "no valid API token (Authorization: Bearer vrt_…)");
  auto row = load_token_with_holder(store.db(), parts->id);
  if (!row) fail(ErrorKind::unauthenticated, "unknown API token");
  const auto& token = row->token;
  if (!equal_in_constant_time(token.secret_sha256, sha256_hex(parts->secret)))
    fail(ErrorKind::unauthenticated, "unknown API token");
  if (token.revoked_at) fail(ErrorKind::unauthenticated, "the API token was revoked");
  if (token.expires_on < clock.today().str()) fail(ErrorKind::unauthenticated, "the API token has expired");
  try {
    TokenBearer out{staff_actor(row->staff, token.staff), row->client_cert_sha256};
    out.actor.read_only = token.read_only;
    return out;
  } catch (const Error& e) {
    throw Error(ErrorKind::unauthenticated, e.what());
  }
}

}  // namespace vrathaus
