#include "store/bank_return_rows.hpp"

#include "store/sql/sqlite_unchecked_writes.hpp"

#include <stdexcept>

namespace vrathaus {
namespace {

constexpr const char* kFileColumns =
    "id, sha256, name, kind, namespace, msg_id, imported_at, imported_by, entries, applied, unmatched";

void bind_optional(sql::Statement& q, int index, const std::optional<std::int64_t>& v) {
  if (v) q.bind(index, *v);
  else q.bind(index);
}

// The staging table must exist before the statements on it are prepared; the server reuses its
// connections, so a later import on the same connection empties it instead. It has no index but
// its key: what an entry must know of the earlier entries of its chunk is kept in memory (see
// BankReturnStaging), and every set statement reads the whole chunk. PostgreSQL's INTEGER is 32
// bits and only SQLite's "INTEGER PRIMARY KEY" is the row's own key, hence the one word apart.
sql::Connection& with_staging_table(sql::Connection& db) {
  const char* seq_type = db.engine() == sql::Engine::sqlite ? "INTEGER" : "BIGINT";
  db.exec(std::string("CREATE TEMP TABLE IF NOT EXISTS bank_return_staging (seq ") + seq_type +
          " PRIMARY KEY, end_to_end_id TEXT NOT NULL, mandate_ref TEXT NOT NULL, amount_cents BIGINT,"
          " reason TEXT NOT NULL, charge_id BIGINT, account_id BIGINT, permit_id BIGINT, mandate_id BIGINT,"
          " charge_cents BIGINT, applies BIGINT NOT NULL, new_status TEXT, outcome TEXT NOT NULL,"
          " re_present BIGINT NOT NULL, revokes BIGINT NOT NULL, stops_renewal BIGINT NOT NULL)");
  db.exec("DELETE FROM bank_return_staging");
  return db;
}

}  // namespace

std::optional<BankFileRow> find_bank_file(sql::Connection& db, const std::string& sha256) {
  sql::Statement q(db, std::string("SELECT ") + kFileColumns + " FROM bank_files WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.executeStep()) return std::nullopt;
  BankFileRow f;
  f.id = q.getColumn(0).getInt64();
  f.sha256 = q.getColumn(1).getString();
  f.name = q.getColumn(2).getString();
  f.kind = q.getColumn(3).getString();
  f.namespace_uri = q.getColumn(4).getString();
  f.msg_id = q.getColumn(5).getString();
  f.imported_at = q.getColumn(6).getString();
  f.imported_by = q.getColumn(7).getString();
  f.entries = q.getColumn(8).getInt64();
  f.applied = q.getColumn(9).getInt64();
  f.unmatched = q.getColumn(10).getInt64();
  return f;
}

std::optional<std::int64_t> insert_bank_file(sql::Connection& db, const BankFileRow& f) {
  sql::Statement q(db,
                      "INSERT INTO bank_files(sha256, name, kind, namespace, msg_id, imported_at, imported_by, entries,"
                      " applied, unmatched) VALUES (?,?,?,?,?,?,?,0,0,0) ON CONFLICT (sha256) DO NOTHING RETURNING id");
  q.bind(1, f.sha256);
  q.bind(2, f.name);
  q.bind(3, f.kind);
  q.bind(4, f.namespace_uri);
  q.bind(5, f.msg_id);
  q.bind(6, f.imported_at);
  q.bind(7, f.imported_by);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void set_bank_file_counts(sql::Connection& db, std::int64_t id, std::int64_t entries, std::int64_t applied,
                          std::int64_t unmatched) {
  sql::Statement q(db, "UPDATE bank_files SET entries = ?, applied = ?, unmatched = ? WHERE id = ?");
  q.bind(1, entries);
  q.bind(2, applied);
  q.bind(3, unmatched);
  q.bind(4, id);
  q.exec();
}

nlohmann::json bank_file_json(const BankFileRow& f) {
  return {{"file_id", f.id},         {"sha256", f.sha256},       {"name", f.name},
          {"kind", f.kind},          {"namespace", f.namespace_uri}, {"msg_id", f.msg_id},
          {"imported_at", f.imported_at}, {"imported_by", f.imported_by}, {"entries", f.entries},
          {"applied", f.applied},    {"unmatched", f.unmatched}};
}

namespace {

constexpr const char* kStagingColumns =
    "seq, end_to_end_id, mandate_ref, amount_cents, reason, charge_id, account_id, permit_id, mandate_id,"
    " charge_cents, applies, new_status, outcome, re_present, revokes, stops_renewal";
constexpr int kStagingWidth = 16;

// `count` rows of `width` placeholders: "(?,?),(?,?)".
std::string placeholders(std::size_t count, int width) {
  std::string row = "(?";
  for (int i = 1; i < width; ++i) row += ",?";
  row += ")";
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += (i ? "," : "") + row;
  return out;
}

std::string insert_sql(std::size_t rows) {
  return std::string("INSERT INTO bank_return_staging(") + kStagingColumns + ") VALUES " +
         placeholders(rows, kStagingWidth);
}

}  // namespace

BankReturnStaging::BankReturnStaging(sql::Connection& db)
    : db_(with_staging_table(db)),
      find_(db,
            "SELECT c.end_to_end_id, c.id, c.account_id, c.amount_cents, c.permit_id, c.mandate_id, c.status, c.kind,"
            " CASE WHEN EXISTS (SELECT 1 FROM charges r WHERE r.origin = c.id AND r.kind = 're-presentation')"
            " THEN 1 ELSE 0 END, CASE WHEN m.status = 'active' THEN 1 ELSE 0 END"
            " FROM charges c LEFT JOIN mandates m ON m.id = c.mandate_id WHERE c.end_to_end_id IN ",
            "", 0, kLookUpBatch),
      insert_(db, insert_sql(kInsertBatch)) {}

void BankReturnStaging::look_up(const std::vector<std::string>& end_to_end_ids) {
  if (end_to_end_ids.size() > kLookUpBatch) throw std::logic_error("look_up: more ids than kLookUpBatch");
  looked_up_.clear();
  find_.run(end_to_end_ids, [&](sql::Statement& q) {
    ReturnTarget t;
    t.charge_id = q.getColumn(1).getInt64();
    t.account_id = q.getColumn(2).getInt64();
    t.amount_cents = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) t.permit_id = q.getColumn(4).getInt64();
    if (!q.getColumn(5).isNull()) t.mandate_id = q.getColumn(5).getInt64();
    t.status = q.getColumn(6).getString();
    t.kind = q.getColumn(7).getString();
    t.re_presented = q.getColumn(8).getInt() != 0;
    t.mandate_revocable = q.getColumn(9).getInt() != 0;
    looked_up_.emplace(q.getColumn(0).getString(), std::move(t));
  });
}

std::optional<ReturnTarget> BankReturnStaging::match(const std::string& end_to_end_id) const {
  auto found = looked_up_.find(end_to_end_id);
  if (found == looked_up_.end()) return std::nullopt;
  ReturnTarget t = found->second;
  if (t.mandate_id && revoking_.count(*t.mandate_id)) t.mandate_revocable = false;
  if (auto settled = settled_.find(t.charge_id); settled != settled_.end()) t.status_set_by_file = settled->second;
  return t;
}

std::optional<ReturnTarget> BankReturnStaging::find_charge(const std::string& end_to_end_id) {
  look_up({end_to_end_id});
  return match(end_to_end_id);
}

void BankReturnStaging::add(const StagedReturn& e) {
  unwritten_.push_back(e);
  unwritten_.back().seq = next_seq_++;
  ++staged_;
  const ReturnTarget* c = e.charge ? &*e.charge : nullptr;
  if (c && e.applies) settled_.emplace(c->charge_id, e.new_status);
  if (c && e.revokes_mandate && c->mandate_id) revoking_.insert(*c->mandate_id);
  if (unwritten_.size() == kInsertBatch) write_unwritten();
}

void BankReturnStaging::write_unwritten() {
  if (unwritten_.empty()) return;
  // A full batch with the statement kept; the rest (once per chunk at most) with one made to fit.
  std::optional<sql::Statement> rest;
  if (unwritten_.size() != kInsertBatch) rest.emplace(db_, insert_sql(unwritten_.size()));
  sql::Statement& q = rest ? *rest : insert_;
  q.reset();
  int at = 0;
  for (const auto& e : unwritten_) {
    const ReturnTarget* c = e.charge ? &*e.charge : nullptr;
    q.bind(++at, e.seq);
    q.bind(++at, e.end_to_end_id);
    q.bind(++at, e.mandate_ref);
    bind_optional(q, ++at, e.amount_cents);
    q.bind(++at, e.reason);
    bind_optional(q, ++at, c ? std::optional(c->charge_id) : std::nullopt);
    bind_optional(q, ++at, c ? std::optional(c->account_id) : std::nullopt);
    bind_optional(q, ++at, c ? c->permit_id : std::nullopt);
    bind_optional(q, ++at, c ? c->mandate_id : std::nullopt);
    bind_optional(q, ++at, c ? std::optional(c->amount_cents) : std::nullopt);
    q.bind(++at, e.applies ? 1 : 0);
    if (e.applies) q.bind(++at, e.new_status);
    else q.bind(++at);
    q.bind(++at, e.outcome);
    q.bind(++at, e.re_present ? 1 : 0);
    q.bind(++at, e.revokes_mandate ? 1 : 0);
    q.bind(++at, e.stops_renewal ? 1 : 0);
  }
  q.exec();
  unwritten_.clear();
}

std::int64_t BankReturnStaging::apply(std::int64_t file_id, const std::string& file_name, const std::string& today,
                                      const std::string& now, std::int64_t fee_cents) {
  // What these statements write to checked columns is constant here or decided by the return
  // policy (returned, disputed), and SQLite's checks of charges' IN lists cost more than the writes.
  write_unwritten();
  sql::UncheckedWrites unchecked(db_);
  sql::Statement settle(db_,
                           "UPDATE charges AS c SET status = s.new_status, return_reason = s.reason, returned_on = ?"
                           " FROM bank_return_staging AS s WHERE s.applies = 1 AND c.id = s.charge_id");
  settle.bind(1, today);
  settle.exec();

  // Each entry's re-presentation, then its fee, as new open charges pointing at it, in file order.
  // A fee is not a permit's charge; a re-presentation collects the same permit's fee again. (The
  // cross join with the two kinds sorts only within each entry; a UNION ALL sorted all of them.)
  sql::Statement follow_ups(
      db_,
      "WITH follow_up(k, kind) AS (VALUES (0, 're-presentation'), (1, 'return-fee'))"
      " INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at, kind,"
      " origin) SELECT s.account_id, CASE f.k WHEN 0 THEN s.permit_id END, s.mandate_id,"
      " CASE f.k WHEN 0 THEN s.charge_cents ELSE ?3 END, ?1, 'open', ?2, f.kind, s.charge_id"
      " FROM bank_return_staging AS s CROSS JOIN follow_up AS f"
      " WHERE s.applies = 1 AND ((f.k = 0 AND s.re_present = 1) OR (f.k = 1 AND ?4 = 1)) ORDER BY s.seq, f.k");
  follow_ups.bind(1, today);
  follow_ups.bind(2, now);
  follow_ups.bind(3, fee_cents);
  follow_ups.bind(4, fee_cents > 0 ? 1 : 0);
  follow_ups.exec();

  sql::Statement revoke(db_,
                           "UPDATE mandates AS m SET status = 'revoked', revoked_on = ?1,"
                           " revoke_reason = 'bank return ' || s.reason || ' (' || ?2 || ')', updated_at = ?3"
                           " FROM bank_return_staging AS s WHERE s.revokes = 1 AND m.id = s.mandate_id"
                           " AND m.status = 'active'");
  revoke.bind(1, today);
  revoke.bind(2, file_name);
  revoke.bind(3, now);
  revoke.exec();

  sql::Statement stop_renewal(db_,
                                 "UPDATE permits SET auto_renew = 0, updated_at = ? WHERE auto_renew = 1"
                                 " AND status = 'active' AND account_id IN (SELECT account_id FROM"
                                 " bank_return_staging WHERE stops_renewal = 1)");
  stop_renewal.bind(1, now);
  auto permits_stopped = stop_renewal.exec();

  sql::Statement record(db_,
                           "INSERT INTO bank_returns(file_id, end_to_end_id, mandate_id, amount_cents, reason,"
                           " charge_id, outcome) SELECT ?, end_to_end_id, NULLIF(mandate_ref, ''), amount_cents, reason,"
                           " charge_id, outcome FROM bank_return_staging ORDER BY seq");
  record.bind(1, file_id);
  record.exec();
  discard();
  return permits_stopped;
}

void BankReturnStaging::discard() {
  db_.exec("DELETE FROM bank_return_staging");
  unwritten_.clear();
  staged_ = 0;
  settled_.clear();
  revoking_.clear();
}

nlohmann::json bank_returns_of_charge(sql::Connection& db, std::int64_t charge_id) {
  sql::Statement q(db,
                      "SELECT f.name, f.kind, f.msg_id, f.imported_at, r.reason, r.amount_cents, r.outcome"
                      " FROM bank_returns r JOIN bank_files f ON f.id = r.file_id WHERE r.charge_id = ? ORDER BY r.id");
  q.bind(1, charge_id);
  auto out = nlohmann::json::array();
  while (q.executeStep())
    out.push_back({{"file", q.getColumn(0).getString()},
                   {"kind", q.getColumn(1).getString()},
                   {"msg_id", q.getColumn(2).getString()},
                   {"imported_at", q.getColumn(3).getString()},
                   {"reason", q.getColumn(4).getString()},
                   {"amount_cents", q.getColumn(5).isNull() ? nlohmann::json(nullptr) : nlohmann::json(q.getColumn(5).getInt64())},
                   {"outcome", q.getColumn(6).getString()}});
  return out;
}

}  // namespace vrathaus
