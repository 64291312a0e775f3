#include "service/audit.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "store/audit_rows.hpp"
#include "store/audit_seal_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;
const std::string kGenesis(64, '0');
constexpr std::int64_t kVerifyPage = 10000;

std::string text_or_null(const json& value) { return value.is_null() ? std::string() : value.dump(); }

// The hashed form of an entry: every stored column, in a fixed order, as one JSON array, so no
// field can be moved into another without changing the hash.
std::string entry_hash(std::int64_t seq, const std::string& at, const std::string& actor, const std::string& client,
                       const std::string& action, const std::string& object, const std::string& before,
                       const std::string& after, const std::string& reason, const std::string& prev_hash) {
  json canonical = json::array({seq, at, actor, client, action, object, before, after, reason, prev_hash});
  return sha256_hex(canonical.dump());
}

json parse_stored(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::parse(text, nullptr, false);
}

// The entry for `r` after the entry (seq, hash); seq 0 is the start of the chain.
AuditRow chained_row(Context& ctx, const AuditRecord& r, std::int64_t seq, const std::string& hash) {
  AuditRow row{seq + 1, ctx.now(), ctx.actor.id, ctx.actor.client, r.action, r.object, text_or_null(r.before),
               text_or_null(r.after), r.reason, seq ? hash : kGenesis, ""};
  row.hash = entry_hash(row.seq, row.at, row.actor, row.client, row.action, row.object, row.before, row.after,
                        row.reason, row.prev_hash);
  return row;
}

}  // namespace

void audit_append(Context& ctx, const AuditRecord& r) {
  auto head = audit_chain_head(ctx.db());
  insert_audit_row(ctx.db(), chained_row(ctx, r, head.seq, head.hash));
}

void AuditBatch::append(const AuditRecord& r) {
  // Written every so many entries, so that a transaction of many entries does not hold them all.
  constexpr std::size_t kFlushEvery = 1000;
  if (rows_.size() >= kFlushEvery) flush();
  if (rows_.empty()) {
    auto head = audit_chain_head(ctx_.db());
    rows_.push_back(chained_row(ctx_, r, head.seq, head.hash));
  } else {
    rows_.push_back(chained_row(ctx_, r, rows_.back().seq, rows_.back().hash));
  }
}

void AuditBatch::flush() {
  if (rows_.empty()) return;
  insert_audit_rows(ctx_.db(), rows_);
  rows_.clear();
}

json audit_list(Context& ctx, const AuditFilter& f) {
  json items = json::array();
  for_each_audit_row(ctx.db(), f, [&](const AuditRow& row) {
    json e{{"seq", row.seq},
           {"at", row.at},
           {"actor", row.actor},
           {"action", row.action},
           {"object", row.object},
           {"before", parse_stored(row.before)},
           {"after", parse_stored(row.after)},
           {"reason", row.reason},
           {"hash", row.hash},
           {"prev_hash", row.prev_hash}};
    if (!row.client.empty()) e["client"] = row.client;
    items.push_back(std::move(e));
  });
  return items;
}

json audit_verify(Store& store) {
  json problems = json::array();
  std::int64_t expected_seq = 1, count = 0;
  std::string prev = kGenesis;
  auto problem = [&](std::int64_t seq, std::string what) {
    if (problems.size() < 100) problems.push_back({{"seq", seq}, {"problem", std::move(what)}});
  };
  // Read in pages after the last entry seen: PostgreSQL's cursor holds a whole result in memory,
  // and a chain of millions of entries must not be.
  AuditQuery page;
  page.limit = kVerifyPage;
  for (std::int64_t in_page = kVerifyPage; in_page == kVerifyPage;) {
    in_page = 0;
    for_each_audit_row(store.db(), page, [&](const AuditRow& row) {
      ++in_page;
      page.after_seq = row.seq;
      ++count;
      if (row.seq != expected_seq) problem(row.seq, "sequence gap: expected entry " + std::to_string(expected_seq));
      if (row.prev_hash != prev) problem(row.seq, "does not link to the previous entry (removed, inserted or reordered)");
      auto recomputed = entry_hash(row.seq, row.at, row.actor, row.client, row.action, row.object, row.before, row.after,
                                   row.reason, row.prev_hash);
      if (recomputed != row.hash) problem(row.seq, "content does not match its hash (edited)");
      prev = row.hash;
      expected_seq = row.seq + 1;
    });
  }
  if (auto head = audit_head_record(store.db())) {
    if (head->seq != expected_seq - 1 || head->hash != prev)
      problem(expected_seq - 1, "the newest entries were removed: the chain ends before its recorded head");
  } else if (count > 0) {
    problem(0, "the chain's head record is missing");
  }
  return {{"ok", problems.empty()}, {"entries", count}, {"problems", problems}};
}

}  // namespace vrathaus
