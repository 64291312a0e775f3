#include "service/audit.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;
const std::string kGenesis(64, '0');

std::string text_or_null(const json& value) { return value.is_null() ? std::string() : value.dump(); }

// The hashed form of an entry: every stored column, in a fixed order, as one JSON array, so no
// field can be moved into another without changing the hash.
std::string entry_hash(std::int64_t seq, const std::string& at, const std::string& actor, const std::string& client,
                       const std::string& action, const std::string& object, const std::string& before,
                       const std::string& after, const std::string& reason, const std::string& prev_hash) {
  json canonical = json::array({seq, at, actor, client, action, object, before, after, reason, prev_hash});
  return sha256_hex(canonical.dump());
}

std::string column_text(sql::Statement& q, int i) { return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString(); }

json parse_stored(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::parse(text, nullptr, false);
}

}  // namespace

void audit_append(Context& ctx, const AuditRecord& r) {
  auto& db = ctx.db();
  std::int64_t seq = 1;
  std::string prev = kGenesis;
  sql::Statement head(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  if (head.executeStep()) {
    seq = head.getColumn(0).getInt64() + 1;
    prev = head.getColumn(1).getString();
  }
  auto at = ctx.now();
  auto before = text_or_null(r.before), after = text_or_null(r.after);
  auto hash = entry_hash(seq, at, ctx.actor.id, ctx.actor.client, r.action, r.object, before, after, r.reason, prev);
  sql::Statement insert(db,
                           "INSERT INTO audit(seq, at, actor, client, action, object, before, after, reason, prev_hash, hash)"
                           " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, seq);
  insert.bind(2, at);
  insert.bind(3, ctx.actor.id);
  insert.bind(4, ctx.actor.client);
  insert.bind(5, r.action);
  insert.bind(6, r.object);
  insert.bind(7, before);
  insert.bind(8, after);
  insert.bind(9, r.reason);
  insert.bind(10, prev);
  insert.bind(11, hash);
  insert.exec();
  sql::Statement set_head(db, "INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?) "
                                 "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
  set_head.bind(1, seq);
  set_head.bind(2, hash);
  set_head.exec();
}

json audit_list(Context& ctx, const AuditFilter& f) {
  std::string sql = "SELECT seq, at, actor, client, action, object, before, after, reason, hash, prev_hash FROM audit WHERE 1=1";
  if (!f.object.empty()) sql += " AND object = :object";
  if (!f.actor.empty()) sql += " AND actor = :actor";
  if (f.since) sql += " AND at >= :since";
  if (f.after_seq) sql += " AND seq > :after";
  sql += " ORDER BY seq";
  if (f.limit) sql += " LIMIT :limit";
  sql::Statement q(ctx.db(), sql);
  if (!f.object.empty()) q.bind(":object", f.object);
  if (!f.actor.empty()) q.bind(":actor", f.actor);
  if (f.since) q.bind(":since", *f.since);
  if (f.after_seq) q.bind(":after", *f.after_seq);
  if (f.limit) q.bind(":limit", *f.limit);
  json items = json::array();
  while (q.executeStep()) {
    json e{{"seq", q.getColumn(0).getInt64()},
           {"at", column_text(q, 1)},
           {"actor", column_text(q, 2)},
           {"action", column_text(q, 4)},
           {"object", column_text(q, 5)},
           {"before", parse_stored(column_text(q, 6))},
           {"after", parse_stored(column_text(q, 7))},
           {"reason", column_text(q, 8)},
           {"hash", column_text(q, 9)},
           {"prev_hash", column_text(q, 10)}};
    if (auto client = column_text(q, 3); !client.empty()) e["client"] = client;
    items.push_back(std::move(e));
  }
  return items;
}

json audit_verify(Store& store) {
  json problems = json::array();
  std::int64_t expected_seq = 1, count = 0;
  std::string prev = kGenesis;
  sql::Statement q(store.db(),
                      "SELECT seq, at, actor, client, action, object, before, after, reason, prev_hash, hash FROM audit ORDER BY seq");
  auto problem = [&](std::int64_t seq, std::string what) {
    if (problems.size() < 100) problems.push_back({{"seq", seq}, {"problem", std::move(what)}});
  };
  while (q.executeStep()) {
    ++count;
    std::int64_t seq = q.getColumn(0).getInt64();
    auto stored_prev = column_text(q, 9), stored_hash = column_text(q, 10);
    if (seq != expected_seq) problem(seq, "sequence gap: expected entry " + std::to_string(expected_seq));
    if (stored_prev != prev) problem(seq, "does not link to the previous entry (removed, inserted or reordered)");
    auto recomputed = entry_hash(seq, column_text(q, 1), column_text(q, 2), column_text(q, 3), column_text(q, 4),
                                 column_text(q, 5), column_text(q, 6), column_text(q, 7), column_text(q, 8), stored_prev);
    if (recomputed != stored_hash) problem(seq, "content does not match its hash (edited)");
    prev = stored_hash;
    expected_seq = seq + 1;
  }
  sql::Statement head(store.db(), "SELECT seq, hash FROM audit_head WHERE id = 1");
  if (head.executeStep()) {
    if (head.getColumn(0).getInt64() != expected_seq - 1 || head.getColumn(1).getString() != prev)
      problem(expected_seq - 1, "the newest entries were removed: the chain ends before its recorded head");
  } else if (count > 0) {
    problem(0, "the chain's head record is missing");
  }
  return {{"ok", problems.empty()}, {"entries", count}, {"problems", problems}};
}

}  // namespace vrathaus
