#include "service/bank_returns.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "domain/bank_file.hpp"
#include "domain/return_policy.hpp"
#include "service/audit.hpp"
#include "store/bank_return_rows.hpp"

#include <fmt/format.h>

#include <fstream>
#include <future>
#include <optional>
#include <vector>

namespace vrathaus {
namespace {

using nlohmann::json;

// Unmatched entries listed in the answer; the rest are counted (all are kept in the store).
constexpr std::size_t kListedUnmatched = 1000;
// Entries staged before they are applied: the set statements run while the other thread parses
// on, and the staging table stays within the temp store's page cache.
constexpr std::size_t kChunk = 8192;
// Parsed entries waiting for this thread: more than a chunk, so the parsing goes on while a chunk
// is applied (a few MiB, whatever the file's size).
constexpr std::size_t kQueueChunk = 256;
constexpr std::size_t kQueuedChunks = kChunk / kQueueChunk + 2;

std::ifstream open_or_fail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorKind::not_found, "{}: cannot read the file", path);
  return in;
}

std::string sha256_of(std::ifstream in) {
  Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    hash.update(std::string_view(buffer.data(), std::size_t(in.gcount())));
  }
  return hash.hex();
}

// What the reading thread hands over: the file's header once, then its entries.
struct ReadStep {
  bool is_header = false;
  BankFileHeader header;
  BankReturnEntry entry;
};

struct Tally {
  std::int64_t entries = 0, applied = 0, returned = 0, re_presented = 0, disputed = 0, revoked_mandates = 0,
               permits_stopped = 0, fees = 0, already = 0, unmatched = 0;
  json unmatched_list = json::array();
  json revoked = json::array();  // [mandate, charge, reason], audited together
};

// What one entry does, by the city's policy: decided here, entry by entry while the file is read;
// written by the staging's set statements, a chunk at a time.
StagedReturn decide(const ReturnPolicy& policy, const BankReturnEntry& e, std::optional<ReturnTarget> charge,
                    Tally& t) {
  StagedReturn s;
  s.end_to_end_id = e.end_to_end_id;
  s.mandate_ref = e.mandate_id;
  s.reason = e.reason;
  s.amount_cents = e.amount_cents;
  s.charge = std::move(charge);
  ++t.entries;
  if (!s.charge) {
    ++t.unmatched;
    if (t.unmatched_list.size() < kListedUnmatched)
      t.unmatched_list.push_back({{"end_to_end_id", e.end_to_end_id},
                                  {"mandate_id", e.mandate_id},
                                  {"amount_cents", e.amount_cents ? json(*e.amount_cents) : json(nullptr)},
                                  {"reason", e.reason}});
    s.outcome = "unmatched";
    return s;
  }
  const auto& c = *s.charge;
  // Never twice: only a charge still waiting for its money can come back, once; a second entry
  // for it in the same file finds it as the first one left it.
  if (c.status != "exported" || c.status_set_by_file) {
    ++t.already;
    s.outcome = "already-" + c.status_set_by_file.value_or(c.status);
    return s;
  }
  s.applies = true;
  ++t.applied;
  auto action = return_action(policy, e.reason);
  if (action == ReturnAction::dispute) {
    s.new_status = s.outcome = "disputed";
    ++t.disputed;
    return s;
  }
  s.new_status = s.outcome = "returned";
  ++t.returned;
  if (action == ReturnAction::re_present && c.kind != "re-presentation" && !c.re_presented && c.mandate_id) {
    s.re_present = true;
    s.outcome = "re-presented";
    ++t.re_presented;
  } else if (action == ReturnAction::revoke_mandate) {
    s.outcome = "revoked";
    s.stops_renewal = true;
    s.revokes_mandate = c.mandate_id && c.mandate_revocable;
    if (s.revokes_mandate) {
      ++t.revoked_mandates;
      t.revoked.push_back(json::array({*c.mandate_id, c.charge_id, e.reason}));
    }
  }
  return s;
}

json already_imported(BankFileRow earlier, const std::string& name) {
  auto out = bank_file_json(earlier);
  out["already_imported"] = true;
  out["ok"] = true;  // nothing to do: its unmatched entries were reported by the first import
  out["file"] = name;
  return out;
}

}  // namespace

json import_bank_returns(Context& ctx, const std::string& file, const std::string& name) {
  // The file's SHA-256 is computed on a thread of its own while the first chunk is read, matched
  // and staged (which writes nothing but the session's staging table): hashing 50 MB first cost
  // 0.15 s of wall time. The file is claimed by its hash before anything of the store changes.
  auto hashing = std::async(std::launch::async, sha256_of, open_or_fail(file));
  std::string sha;
  std::optional<BankFileRow> earlier;

  const auto now = ctx.now();
  const auto today = ctx.today().str();
  const auto fee = ctx.city.sepa.return_fee_cents;
  BankReturnStaging staging(ctx.db());
  BankFileRow header_row;
  std::int64_t file_id = 0;
  bool claimed = false;
  // Records the file, or finds it imported before, earlier or by another instance at the same
  // moment. The unique SHA-256 decides (INSERT … ON CONFLICT DO NOTHING); the look-up first only
  // spares a plain re-import PostgreSQL's identity value, which a conflicting insert uses up, so
  // that file ids stay the same on both engines.
  auto claim_file = [&] {
    sha = hashing.get();
    header_row.sha256 = sha;
    earlier = find_bank_file(ctx.db(), sha);
    if (earlier) return false;
    if (auto id = insert_bank_file(ctx.db(), header_row)) {
      file_id = *id;
      return true;
    }
    earlier = find_bank_file(ctx.db(), sha);
    if (!earlier) fail(ErrorKind::conflict, "{}: the file's record vanished while it was imported; import it again", name);
    return false;
  };
  Tally t;
  // The file is read on a second thread while this one matches, stages and applies the entries
  // (SQLite wants one writer).
  BankFileReader reader(file);
  Pipeline<ReadStep> steps([&reader](ReadStep& step) {
    auto got = reader.next();
    if (got == BankFileReader::Got::end) return false;
    step.is_header = got == BankFileReader::Got::header;
    if (step.is_header) step.header = reader.header();
    else step.entry = reader.entry();
    return true;
  }, kQueueChunk, kQueuedChunks);
  // Entries are matched kLookUpBatch at a time, and a chunk is applied only between batches: what
  // a batch looked up before an application would be stale after it.
  std::vector<BankReturnEntry> batch;
  std::vector<std::string> ids;
  auto stage_batch = [&] {
    ids.clear();
    for (const auto& e : batch) ids.push_back(e.end_to_end_id);
    staging.look_up(ids);
    for (const auto& e : batch) staging.add(decide(ctx.city.sepa.returns, e, staging.match(e.end_to_end_id), t));
    batch.clear();
  };
  while (auto* step = steps.next()) {
    if (step->is_header) {
      const auto& h = step->header;
      header_row = {0, "", name, h.kind, h.namespace_uri, h.msg_id, now, ctx.actor.id, 0, 0, 0};
      continue;
    }
    batch.push_back(std::move(step->entry));
    if (batch.size() < BankReturnStaging::kLookUpBatch) continue;
    stage_batch();
    if (staging.size() >= kChunk) {
      if (!claimed && !(claimed = claim_file())) {
        staging.discard();
        return already_imported(*earlier, name);
      }
      t.permits_stopped += staging.apply(file_id, name, today, now, fee);
    }
  }
  if (!batch.empty()) stage_batch();
  if (!claimed && !(claimed = claim_file())) {
    staging.discard();
    return already_imported(*earlier, name);
  }
  t.permits_stopped += staging.apply(file_id, name, today, now, fee);
  if (fee > 0) t.fees = t.applied;
  set_bank_file_counts(ctx.db(), file_id, t.entries, t.applied, t.unmatched);

  json out{{"ok", t.unmatched == 0},
           {"file", name},
           {"sha256", sha},
           {"kind", header_row.kind},
           {"namespace", header_row.namespace_uri},
           {"msg_id", header_row.msg_id},
           {"file_id", file_id},
           {"already_imported", false},
           {"entries", t.entries},
           {"applied", t.applied},
           {"returned", t.returned},
           {"re_presented", t.re_presented},
           {"disputed", t.disputed},
           {"revoked_mandates", t.revoked_mandates},
           {"permits_stopped", t.permits_stopped},
           {"fees", t.fees},
           {"already", t.already},
           {"unmatched_count", t.unmatched},
           {"unmatched", std::move(t.unmatched_list)}};
  json summary = out;
  summary.erase("unmatched");
  audit_append(ctx, {"payments.returns.import", "bank-file:" + std::to_string(file_id), nullptr, summary, ""});
  // One entry for every mandate the file revoked, like the renewal run's one entry per run: an
  // entry per mandate cost more than the rest of the import (a third of 100,000 returns are AC04
  // in the benchmark: 33,000 chained hashes and three prepared statements each).
  if (t.revoked_mandates > 0)
    audit_append(ctx, {"mandates.revoke", "bank-file:" + std::to_string(file_id), json{{"status", "active"}},
                       json{{"status", "revoked"}, {"revoked", std::move(t.revoked)}},
                       "revoked: [mandate, charge, reason code] (city.sepa.returns.revoke_mandate)"});
  if (t.unmatched > 0)
    out["warnings"] = json::array({fmt::format("{} entr{} name no charge of this store (see unmatched): nothing was "
                                               "guessed", t.unmatched, t.unmatched == 1 ? "y" : "ies")});
  return out;
}

}  // namespace vrathaus
