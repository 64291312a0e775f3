#include "service/tokens.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"
#include "store/prepared.hpp"

#include "store/sql/sql.hpp"

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
  sql::Statement q(ctx.db(),
                      "INSERT INTO tokens(id, staff, secret_sha256, created_at, expires_on, read_only) VALUES (?,?,?,?,?,?)");
  q.bind(1, id);
  q.bind(2, owner.id);
  q.bind(3, sha256_hex(secret));
  q.bind(4, ctx.now());
  q.bind(5, until.str());
  q.bind(6, read_only ? 1 : 0);
  q.exec();
  json shown{{"id", id}, {"staff", owner.id}, {"expires_on", until.str()}, {"read_only", read_only}};
  audit_append(ctx, {"tokens.create", "token:" + id, nullptr, shown, ""});
  shown["token"] = "vrt_" + id + "_" + secret;
  return shown;
}

json list_tokens(Context& ctx) {
  sql::Statement q(ctx.db(), "SELECT id, staff, created_at, expires_on, revoked_at, read_only FROM tokens ORDER BY created_at, id");
  json items = json::array();
  auto today = ctx.today().str();
  while (q.executeStep()) {
    bool revoked = !q.getColumn(4).isNull();
    auto expires = q.getColumn(3).getString();
    items.push_back({{"id", q.getColumn(0).getString()},
                     {"staff", q.getColumn(1).getString()},
                     {"created_at", q.getColumn(2).getString()},
                     {"expires_on", expires},
                     {"read_only", q.getColumn(5).getInt() != 0},
                     {"status", revoked ? "revoked" : expires < today ? "expired" : "active"}});
  }
  return items;
}

json revoke_token(Context& ctx, const std::string& id) {
  sql::Statement q(ctx.db(), "SELECT staff, revoked_at FROM tokens WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) fail(ErrorKind::not_found, "no token {}", id);
  if (!q.getColumn(1).isNull()) fail(ErrorKind::conflict, "token {} is revoked already", id);
  auto staff = q.getColumn(0).getString();
  sql::Statement upd(ctx.db(), "UPDATE tokens SET revoked_at = ? WHERE id = ?");
  upd.bind(1, ctx.now());
  upd.bind(2, id);
  upd.exec();
  json after{{"id", id}, {"staff", staff}, {"status", "revoked"}};
  audit_append(ctx, {"tokens.revoke", "token:" + id, nullptr, after, ""});
  return after;
}

Actor authenticate_token(Store& store, const Clock& clock, const std::string& bearer) {
  auto parts = split_token(bearer);
  if (!parts) fail(ErrorKind::unauthenticated, "no valid API token (Authorization: Bearer vrt_…)");
  Prepared q(store.db(), "SELECT staff, secret_sha256, expires_on, revoked_at, read_only FROM tokens WHERE id = ?");
  q->bind(1, parts->id);
  if (!q->executeStep()) fail(ErrorKind::unauthenticated, "unknown API token");
  auto expected = q->getColumn(1).getString(), given = sha256_hex(parts->secret);
  if (!equal_in_constant_time(expected, given)) fail(ErrorKind::unauthenticated, "unknown API token");
  if (!q->getColumn(3).isNull()) fail(ErrorKind::unauthenticated, "the API token was revoked");
  if (q->getColumn(2).getString() < clock.today().str()) fail(ErrorKind::unauthenticated, "the API token has expired");
  auto staff = q->getColumn(0).getString();
  bool read_only = q->getColumn(4).getInt() != 0;
  try {
    auto actor = staff_actor(store.db(), staff);
    actor.read_only = read_only;
    return actor;
  } catch (const Error& e) {
    throw Error(ErrorKind::unauthenticated, e.what());
  }
}

}  // namespace vrathaus
