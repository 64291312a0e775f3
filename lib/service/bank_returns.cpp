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

namespace vrathaus {
namespace {

using nlohmann::json;

// Unmatched entries listed in the answer; the rest are counted (all are kept in the store).
constexpr std::size_t kListedUnmatched = 1000;

std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorKind::not_found, "{}: cannot read the file", path);
  Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    hash.update(std::string_view(buffer.data(), std::size_t(in.gcount())));
  }
  return hash.hex();
}

// The whole file is one transaction. With SQLite's default 2 MiB page cache, a file of 100,000
// returns spills changed pages to the WAL again and again (measured: 4 s of system time out of 9);
// 32 MiB, as the bulk import uses, holds them. Bounded, so memory stays flat beyond it; restored
// afterwards because the server's connections are reused.
class LargerPageCache {
public:
  explicit LargerPageCache(sql::Connection& db) : db_(db), before_(db.execAndGet("PRAGMA cache_size").getInt()) {
    db_.exec("PRAGMA cache_size = -32768");
  }
  ~LargerPageCache() {
    try {
      db_.exec(fmt::format("PRAGMA cache_size = {}", before_));
    } catch (const std::exception&) {
      // A connection that cannot run a PRAGMA is broken anyway; the error that got us here matters.
    }
  }
  LargerPageCache(const LargerPageCache&) = delete;
  LargerPageCache& operator=(const LargerPageCache&) = delete;

private:
  sql::Connection& db_;
  int before_;
};

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

}  // namespace

json import_bank_returns(Context& ctx, const std::string& file, const std::string& name) {
  auto sha = sha256_of_file(file);
  if (auto earlier = find_bank_file(ctx.db(), sha)) {
    auto out = bank_file_json(*earlier);
    out["already_imported"] = true;
    out["ok"] = true;  // nothing to do: its unmatched entries were reported by the first import
    out["file"] = name;
    return out;
  }

  const auto today = ctx.today().str();
  const auto now = ctx.now();
  const auto& policy = ctx.city.sepa.returns;
  const auto fee = ctx.city.sepa.return_fee_cents;
  LargerPageCache cache(ctx.db());
  BankReturnRows rows(ctx.db());
  BankFileRow header_row;
  std::int64_t file_id = 0;
  Tally t;

  auto on_header = [&](const BankFileHeader& h) {
    header_row = {0, sha, name, h.kind, h.namespace_uri, h.msg_id, now, ctx.actor.id, 0, 0, 0};
    file_id = insert_bank_file(ctx.db(), header_row);
  };
  auto on_entry = [&](const BankReturnEntry& e) {
    ++t.entries;
    auto charge = rows.find_charge(e.end_to_end_id);
    if (!charge) {
      ++t.unmatched;
      if (t.unmatched_list.size() < kListedUnmatched)
        t.unmatched_list.push_back({{"end_to_end_id", e.end_to_end_id},
                                    {"mandate_id", e.mandate_id},
                                    {"amount_cents", e.amount_cents ? json(*e.amount_cents) : json(nullptr)},
                                    {"reason", e.reason}});
      rows.record(file_id, e.end_to_end_id, e.mandate_id, e.amount_cents, e.reason, std::nullopt, "unmatched");
      return;
    }
    // Never twice: only a charge still waiting for its money can come back.
    if (charge->status != "exported") {
      ++t.already;
      rows.record(file_id, e.end_to_end_id, e.mandate_id, e.amount_cents, e.reason, charge->charge_id,
                  "already-" + charge->status);
      return;
    }
    auto action = return_action(policy, e.reason);
    std::string outcome = "returned";
    if (action == ReturnAction::dispute) {
      rows.settle(charge->charge_id, "disputed", e.reason, today);
      outcome = "disputed";
      ++t.disputed;
    } else {
      rows.settle(charge->charge_id, "returned", e.reason, today);
      ++t.returned;
      if (action == ReturnAction::re_present && charge->kind != "re-presentation" && !charge->re_presented &&
          charge->mandate_id) {
        rows.add_follow_up(*charge, "re-presentation", charge->amount_cents, today, now);
        outcome = "re-presented";
        ++t.re_presented;
      } else if (action == ReturnAction::revoke_mandate) {
        outcome = "revoked";
        if (charge->mandate_id &&
            rows.revoke_mandate(*charge->mandate_id, today, fmt::format("bank return {} ({})", e.reason, name), now)) {
          ++t.revoked_mandates;
          t.revoked.push_back(json::array({*charge->mandate_id, charge->charge_id, e.reason}));
        }
        t.permits_stopped += rows.stop_auto_renew(charge->account_id, now);
      }
    }
    if (fee > 0) {
      rows.add_follow_up(*charge, "return-fee", fee, today, now);
      ++t.fees;
    }
    ++t.applied;
    rows.record(file_id, e.end_to_end_id, e.mandate_id, e.amount_cents, e.reason, charge->charge_id, outcome);
  };
  // The file is read on a second thread while this one applies the entries (SQLite wants one
  // writer): libxml2's reader costs about a third of the import on its own.
  BankFileReader reader(file);
  Pipeline<ReadStep> steps([&reader](ReadStep& step) {
    auto got = reader.next();
    if (got == BankFileReader::Got::end) return false;
    step.is_header = got == BankFileReader::Got::header;
    if (step.is_header) step.header = reader.header();
    else step.entry = reader.entry();
    return true;
  });
  while (auto* step = steps.next()) {
    if (step->is_header) on_header(step->header);
    else on_entry(step->entry);
  }
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
           {"unmatched", t.unmatched_list}};
  json summary = out;
  summary.erase("unmatched");
  audit_append(ctx, {"payments.returns.import", "bank-file:" + std::to_string(file_id), nullptr, summary, ""});
  // One entry for every mandate the file revoked, like the renewal run's one entry per run: an
  // entry per mandate cost more than the rest of the import (a third of 100,000 returns are AC04
  // in the benchmark: 33,000 chained hashes and three prepared statements each).
  if (!t.revoked.empty())
    audit_append(ctx, {"mandates.revoke", "bank-file:" + std::to_string(file_id), json{{"status", "active"}},
                       json{{"status", "revoked"}, {"revoked", std::move(t.revoked)}},
                       "revoked: [mandate, charge, reason code] (city.sepa.returns.revoke_mandate)"});
  if (t.unmatched > 0)
    out["warnings"] = json::array({fmt::format("{} entr{} name no charge of this store (see unmatched): nothing was "
                                               "guessed", t.unmatched, t.unmatched == 1 ? "y" : "ies")});
  return out;
}

}  // namespace vrathaus
