#include "service/business_import.hpp"

#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/text.hpp"
#include "domain/business_row.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "service/import_file.hpp"
#include "service/import_keys.hpp"
#include "service/import_mandates.hpp"
#include "store/background_checkpoint.hpp"
#include "store/import_rows.hpp"
#include "store/import_staging.hpp"
#include "store/import_tuning.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace vrathaus {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Errors listed in the summary; the rest are counted (every rejected row is still in the
// rejects, and a file with thousands of bad rows needs fixing at its source, not reading).
constexpr std::size_t kMaxErrors = 1000;
// A batch is one transaction: large enough to be fast (each commit writes every index page the
// batch touched, and random keys touch most of them), short enough that other writers (staff at
// the counter, a second import) wait at most about a second for the lock.
constexpr std::int64_t kBatchRows = 50000;
constexpr auto kBatchTime = std::chrono::milliseconds(1000);
// A batch merged in sets (ImportStaging) is held in memory while it is written: smaller, so that
// memory stays low, and still large enough that its few round trips cost nothing per row.
constexpr std::int64_t kStagedBatchRows = 20000;
constexpr std::size_t kPipelineChunkRows = 256;
// Between batches the import lets go of the lock for longer than a waiting vrathaus writer sleeps
// between its attempts (Store's busy handler: at most 4 ms), so staff at a counter get their turn
// instead of waiting until the whole file is done.
constexpr auto kBatchPause = std::chrono::milliseconds(12);
// An import is a batch job: it waits for the lock as long as this, not just the busy timeout
// that interactive commands use (two imports of one file take turns instead of one failing).
constexpr auto kImportLockWait = std::chrono::minutes(10);
constexpr std::int64_t kProgressEvery = 8192;

// A data row as the reading thread hands it to the writing thread: where it is in the file, its
// validated values, and the errors found without the store.
struct CheckedRow {
  std::int64_t line = 0;
  std::uint64_t offset = 0, length = 0;
  std::uint64_t bytes_read = 0;  // of the file, when this row was read: for the progress bar
  BusinessRow row;
  std::vector<RowError> errors;
  std::string customer_no;  // as written, for reporting a row whose values did not validate
};

enum class Pass { plan, apply };

class ImportJob {
public:
  ImportJob(Context& ctx, const BusinessImport& in)
      : ctx_(ctx), in_(in), name_(in.name.empty() ? in.file : in.name), today_(ctx.today()) {}

  json run() {
    keys_ = known_or_scanned_keys();
    bool abort_mode = !in_.skip_invalid;
    if (ctx_.dry_run || abort_mode) {
      rows_pass(Pass::plan);
      if (ctx_.dry_run) return summary(false);
      if (counts_.rejected > 0) {
        counts_.created = counts_.updated = counts_.unchanged = 0;
        plan_ = json::array();
        return summary(false);
      }
    }
    rows_pass(Pass::apply);
    return summary(true);
  }

private:
  // Pass 1, or what a completed run of the same file with the same options kept of it (a file of
  // a size no such run had needs no hashing to be told apart).
  ImportFileKeys known_or_scanned_keys() {
    key_options_ = import_key_options(in_);
    std::error_code error;
    auto size = std::filesystem::file_size(in_.file, error);
    if (!error) {
      ImportRows rows(ctx_.db());
      if (rows.knows_file_size(size, key_options_)) {
        ImportFilePass hashing(in_, name_, in_.delimiter, in_.encoding);
        auto sha256 = hashing.sha256_of_rest();
        auto known = rows.file_keys(sha256, key_options_);
        if (known && known->delimiter.size() == 1) {
          if (auto duplicates = decode_duplicates(known->duplicates)) {
            keys_were_known_ = true;
            return {sha256, size, known->delimiter[0], std::move(*duplicates), hashing.file_encoding()};
          }
        }
      }
    }
    return scan_import_keys(in_, name_, ctx_.progress);
  }

  // Pass 2 (plan: classify, write nothing) or 3 (apply: write in batches). One thread reads and
  // validates rows while this one looks them up and writes them.
  void rows_pass(Pass mode) {
    counts_ = {};
    // The encoding as given, else as pass 1 decided it from every byte of the file: where one bad
    // byte stands must not decide how the rows before it are read.
    auto encoding = in_.encoding == csv::Encoding::detect ? keys_.encoding : in_.encoding;
    ImportFilePass pass(in_, name_, keys_.delimiter, encoding);
    csv::Record record;
    header_ = pass.read_header(record);
    header_length_ = pass.header_length();
    ImportRows rows(ctx_.db());
    ImportMandates mandates(ctx_);
    ImportTuning tuned(ctx_.db());
    // Declared after `tuned`: it stops before the connection's own final checkpoint.
    std::optional<BackgroundCheckpoint> copier;
    if (mode == Pass::apply && tuned.checkpoints_in_background()) copier.emplace(ctx_.store.path());
    std::string_view phase = mode == Pass::apply ? "importing" : "validating";
    duplicate_at_ = 0;
    previous_existed_ = false;
    if (mode == Pass::apply) start_run(rows);
    // On PostgreSQL a statement is a round trip: rows are taken in batches, looked up and (when
    // applied) written in sets; on SQLite every statement is a function call, and rows go one by one.
    bool in_sets = ImportStaging::merges_in_sets(ctx_.db());
    // In sets, a batch is a few long statements on the server: the reading thread may then read
    // and check the whole next batch meanwhile, instead of stopping after a few chunks.
    std::size_t chunks = in_sets ? kStagedBatchRows / kPipelineChunkRows + 2 : 4;
    Pipeline<CheckedRow> checked(
        [&](CheckedRow& row) {
          if (!pass.reader().next(record)) return false;
          check(record, pass, row);
          return true;
        },
        kPipelineChunkRows, chunks);
    bool more = true;
    if (in_sets && mode == Pass::apply) {
      ImportStaging staging(ctx_.db());
      while (more) {
        more = read_batch(checked);
        write_batch([&] {
          ImportStamp stamp{ctx_.now(), ctx_.actor.id, run_id_};
          merge_batch(staging, rows, mandates, stamp, pass);
          audit_.flush();
          rows.record_progress(run_id_, counts_, ctx_.now(), false);
        });
        if (more) std::this_thread::sleep_for(kBatchPause);
      }
    } else if (in_sets) {
      // Planning writes nothing: each batch's lookups in sets, then each row's plan from them.
      while (more) {
        more = read_batch(checked);
        ctx_.store.read_transaction([&] {
          ImportStamp stamp{ctx_.now(), ctx_.actor.id, run_id_};
          std::span<CheckedRow> batch(batch_.data(), batch_size_);
          prefetch_lookups(batch, {}, rows, mandates);
          for (auto& row : batch) {
            process(row, mode, rows, mandates, stamp, false);
            if (counts_.rows % kProgressEvery == 0) report(phase, row.bytes_read, pass.size(), counts_.rows);
          }
        });
      }
    }
    // Row by row on SQLite (what is left of the file: nothing, on PostgreSQL).
    while (more) {
      auto batch = [&] {
        ImportStamp stamp{ctx_.now(), ctx_.actor.id, run_id_};
        auto started = Clock::now();
        for (std::int64_t n = 0;; ++n) {
          if (n >= kBatchRows || (n % 256 == 255 && Clock::now() - started > kBatchTime)) return;
          CheckedRow* row = checked.next();
          if (!row) {
            more = false;
            return;
          }
          process(*row, mode, rows, mandates, stamp, mode == Pass::apply && !previous_existed_);
          if (counts_.rows % kProgressEvery == 0) report(phase, row->bytes_read, pass.size(), counts_.rows);
        }
      };
      if (mode == Pass::apply) {
        write_batch([&] {
          batch();
          audit_.flush();
          rows.record_progress(run_id_, counts_, ctx_.now(), false);
        });
        if (copier) copier->committed();
        if (more) std::this_thread::sleep_for(kBatchPause);
      } else {
        ctx_.store.read_transaction(batch);
      }
    }
    // The reading thread has finished: its reader and hash are this thread's again.
    report(phase, pass.reader().bytes_read(), pass.size(), counts_.rows);
    encoding_ = pass.reader().encoding();
    if (pass.sha256() != keys_.sha256)
      fail(ErrorKind::conflict, "{} changed while it was being imported; run the import again", name_);
    if (mode == Pass::apply) finish_run(rows);
  }

  // The next batch's rows, copied out of the pipeline into batch_ (whose strings keep their
  // capacity from batch to batch); false when the file has no more.
  bool read_batch(Pipeline<CheckedRow>& checked) {
    batch_.resize(kStagedBatchRows);
    batch_size_ = 0;
    auto started = Clock::now();
    while (batch_size_ < batch_.size()) {
      if (batch_size_ % 256 == 255 && Clock::now() - started > kBatchTime) return true;
      CheckedRow* row = checked.next();
      if (!row) return false;
      batch_[batch_size_++] = *row;
    }
    return true;
  }

  // One batch in sets: the valid rows staged, the known customers' unchanged rows found and every
  // new customer created by one statement each, the other rows (changed customers, taken logins
  // and mandate references, invalid rows) then in line order through the per-row path, which
  // updates, rejects and audits them as it always does.
  void merge_batch(ImportStaging& staging, ImportRows& rows, ImportMandates& mandates, const ImportStamp& stamp,
                   ImportFilePass& pass) {
    std::span<CheckedRow> batch(batch_.data(), batch_size_);
    staged_.clear();
    for (const auto& row : batch)
      if (row.errors.empty()) staged_.push_back({row.line, &row.row});
    std::vector<std::int64_t> unchanged;
    std::vector<CreatedRow> created;
    if (!staged_.empty()) {
      staging.load(staged_);
      // Known customers are looked for while the file has them (a first import has none): the
      // first batch, and each after one that had rows the set statement did not create.
      if (batch_had_known_) unchanged = staging.unchanged_lines();
      created = staging.create_new(stamp);
      batch_had_known_ = created.size() < staged_.size();
    }
    // An account whose mandate reference was taken is taken back, as the per-row path does, before
    // any other row of the batch could see it; the row's own lookup then explains the refusal.
    for (const auto& c : created)
      if (!c.mandate_added) rows.undo_insert(c.account_id);
    // What the set statements did, per row; the rest go through the per-row path, their lookups
    // made for all of them at once.
    std::vector<bool> done(batch.size());
    std::size_t next_created = 0, next_unchanged = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto line = batch[i].line;
      bool was_created = next_created < created.size() && created[next_created].line == line &&
                         created[next_created++].mandate_added;
      bool is_unchanged = next_unchanged < unchanged.size() && unchanged[next_unchanged] == line;
      if (is_unchanged) ++next_unchanged;
      done[i] = was_created || is_unchanged;
      if (done[i]) ++(was_created ? counts_.created : counts_.unchanged);
    }
    prefetch_lookups(batch, done, rows, mandates);
    deferred_lines_.clear();
    defer_updates_ = true;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (done[i])
        ++counts_.rows;
      else
        process(batch[i], Pass::apply, rows, mandates, stamp, false);
      if (counts_.rows % kProgressEvery == 0) report("importing", batch[i].bytes_read, pass.size(), counts_.rows);
    }
    defer_updates_ = false;
    staging.update_known(deferred_lines_, stamp);
  }

  // The lookups the per-row path will make for the batch's rows, made at once: rows with errors
  // make none, and neither do those `settled` (by the set statements; empty: none).
  void prefetch_lookups(std::span<const CheckedRow> batch, const std::vector<bool>& settled, ImportRows& rows,
                        ImportMandates& mandates) {
    customer_nos_.clear();
    login_keys_.clear();
    reference_keys_.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const CheckedRow& checked = batch[i];
      if (!checked.errors.empty() || (!settled.empty() && settled[i])) continue;
      customer_nos_.push_back(checked.row.customer_no);
      login_keys_.push_back(to_lower_ascii(checked.row.email));
      if (checked.row.mandate) reference_keys_.push_back(mandate_reference_key(checked.row.mandate->reference));
    }
    rows.prefetch(customer_nos_, login_keys_);
    mandates.prefetch(reference_keys_);
  }

  // On the reading thread: what can be known of a row without the store. Reads only what pass 1
  // left (header, duplicates) and the duplicate cursor, which only this thread moves.
  void check(const csv::Record& record, ImportFilePass& pass, CheckedRow& out) {
    out.line = record.line;
    out.offset = record.offset;
    out.length = record.length;
    out.bytes_read = pass.reader().bytes_read();
    out.errors.clear();
    out.customer_no.clear();
    for (const auto& p : record.problems) out.errors.push_back({std::string(header_.name_at(p.column)), p.message});
    // Fields the reader could not decode would only repeat its problem as a validation error.
    bool readable = out.errors.empty();
    add_duplicate_errors(record, out.errors);
    if (readable) validate_business_row(header_, record.fields, today_, out.row, out.errors);
    if (!out.errors.empty()) out.customer_no = customer_no_key(header_, record.fields);
  }

  // One write transaction; while another writer holds the lock (another import, staff at a
  // counter) it waits and tries again, up to kImportLockWait. Only the start is retried: once
  // `work` has begun it has read rows from the file.
  void write_batch(const std::function<void()>& work) {
    auto give_up = Clock::now() + kImportLockWait;
    for (;;) {
      bool started = false;
      try {
        ctx_.store.write_transaction([&] {
          started = true;
          work();
        });
        return;
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::busy || started || Clock::now() > give_up) throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  void start_run(ImportRows& rows) {
    write_batch([&] {
      run_id_ = rows.start_run(name_, keys_.sha256, in_.skip_invalid ? "skip" : "abort", {ctx_.now(), ctx_.actor.id, 0});
      record_unfinished_runs(rows);
    });
  }

  void finish_run(ImportRows& rows) {
    write_batch([&] {
      rows.record_progress(run_id_, counts_, ctx_.now(), true);
      audit_append(ctx_, {"import.business", run_object(), nullptr, counts_object(), ""});
      if (!keys_were_known_ && keys_.duplicates.size() <= kMaxKeptDuplicates)
        rows.save_file_keys(keys_.sha256, key_options_, keys_.size,
                            {std::string(1, keys_.delimiter), encode_duplicates(keys_.duplicates)}, ctx_.now());
    });
  }

  std::string run_object() const { return "import:" + std::to_string(run_id_); }

  // A run killed mid-import wrote accounts in its committed batches but never reached its audit
  // entry; the run that takes the same file up again records what the earlier one had done.
  void record_unfinished_runs(ImportRows& rows) {
    auto earlier = rows.unfinished_runs(keys_.sha256, run_id_);
    if (earlier.empty()) return;
    json runs = json::array();
    for (const auto& r : earlier)
      runs.push_back({{"run", "import:" + std::to_string(r.id)}, {"actor", r.actor}, {"started_at", r.started_at},
                      {"last_batch_at", r.updated_at}, {"rows", r.counts.rows}, {"created", r.counts.created},
                      {"updated", r.counts.updated}, {"rejected", r.counts.rejected}});
    audit_append(ctx_, {"import.business.resumed", run_object(), nullptr, {{"file", name_}, {"unfinished_runs", runs}},
                        "the same file's earlier run did not finish (killed, or still running)"});
  }

  // `insert_first`: try to create the row's account before looking anything up (see below).
  void process(CheckedRow& checked, Pass mode, ImportRows& rows, ImportMandates& mandates, const ImportStamp& stamp,
               bool insert_first) {
    ++counts_.rows;
    const BusinessRow& row = checked.row;
    auto& errors = checked.errors;
    if (!errors.empty()) return reject(checked, mode);

    // A new customer is inserted straight away, and its mandate with it: the inserts check
    // customer number, login and mandate reference themselves, so a first import needs no lookups.
    // A refused insert, or a file of known customers (the previous row existed), takes the lookup
    // path, which finds out why.
    if (insert_first) {
      if (auto id = rows.insert(row, stamp)) {
        if (!row.mandate || mandates.add(*row.mandate, id, stamp)) {
          ++counts_.created;
          return;
        }
        rows.undo_insert(id);
      }
    }
    bool found = rows.find(row.customer_no, existing_);
    previous_existed_ = found;
    // The e-mail is the login: it must not belong to another account.
    if (!found || !equal_ignoring_ascii_case(existing_.values[0], row.email)) {
      if (auto owner = rows.login_owner(row.email); owner && (!found || owner->id != existing_.id)) {
        errors.push_back({"email", fmt::format("{} is already the login of account {}", row.email, owner->id)});
        return reject(checked, mode);
      }
    }
    changes_.clear();
    if (found) {
      if (existing_.status == "closed") {
        errors.push_back({"customer_no", fmt::format("{} belongs to account {}, which is closed", row.customer_no, existing_.id)});
        return reject(checked, mode);
      }
      if (existing_.tier != "business") {
        errors.push_back({"customer_no", fmt::format("{} belongs to account {}, a {} account, not a business account",
                                                           row.customer_no, existing_.id, existing_.tier)});
        return reject(checked, mode);
      }
      auto values = imported_values(row);
      for (std::size_t i = 0; i < values.size(); ++i)
        if (!existing_.same(i, values[i])) changes_.push_back(i);
    }
    auto mandate = row.mandate ? mandates.check(*row.mandate, found ? existing_.id : 0) : MandatePlan::none;
    if (mandate == MandatePlan::conflict) {
      errors.push_back({"mandate_reference", mandates.conflict_message()});
      return reject(checked, mode);
    }
    const char* action = !found ? "create" : (changes_.empty() && mandate != MandatePlan::add) ? "unchanged" : "update";

    std::int64_t account_id = found ? existing_.id : 0;
    if (mode == Pass::apply) {
      if (!found) {
        account_id = rows.insert(row, stamp);
        if (account_id == 0) fail(ErrorKind::internal, "line {}: the account could not be created", checked.line);
      } else if (!changes_.empty()) {
        if (defer_updates_ && equal_ignoring_ascii_case(existing_.values[0], row.email)) {
          // Written with the batch's other updates: no later row's lookup can tell (its customer
          // number and login are its own, and this account keeps its login).
          deferred_lines_.push_back(std::to_string(checked.line));
        } else {
          rows.update(existing_.id, row, stamp);
          // A later row of the batch may take the login this account had: prefetch() read it as taken.
          rows.forget_login(to_lower_ascii(existing_.values[0]));
        }
        audit_update(checked);
      }
      if (mandate == MandatePlan::add && !mandates.add(*row.mandate, account_id, stamp))
        fail(ErrorKind::internal, "line {}: the mandate could not be created", checked.line);
    }
    if (!found) ++counts_.created;
    else if (std::string_view(action) == "update") ++counts_.updated;
    else ++counts_.unchanged;

    if (ctx_.dry_run) {
      json entry{{"line", checked.line}, {"customer_no", row.customer_no}, {"action", action}};
      if (found) entry["account_id"] = existing_.id;
      if (!changes_.empty() || mandate == MandatePlan::add) {
        json changed = json::array();
        for (auto i : changes_) changed.push_back(kImportedFields[i]);
        if (mandate == MandatePlan::add) changed.push_back("mandate");
        entry["changes"] = changed;
      }
      plan_.push_back(std::move(entry));
    }
  }

  // The changed fields only, before and after, in one audit entry per changed account.
  void audit_update(const CheckedRow& checked) {
    json before = json::object(), after = json::object();
    auto values = imported_values(checked.row);
    for (auto i : changes_) {
      auto b = existing_.value(i);
      before[std::string(kImportedFields[i])] = b ? json(*b) : json(nullptr);
      after[std::string(kImportedFields[i])] = values[i] ? json(*values[i]) : json(nullptr);
    }
    audit_.append({"import.business.update", account_object(existing_.id), before, after,
                   fmt::format("{} line {} ({})", run_object(), checked.line, name_)});
  }

  void add_duplicate_errors(const csv::Record& record, std::vector<RowError>& errors) {
    const auto& duplicates = keys_.duplicates;
    while (duplicate_at_ < duplicates.size() && duplicates[duplicate_at_].line < record.line) ++duplicate_at_;
    for (auto i = duplicate_at_; i < duplicates.size() && duplicates[i].line == record.line; ++i) {
      auto kind = duplicates[i].kind;
      auto key = kind == kCustomerNoKey ? customer_no_key(header_, record.fields)
                 : kind == kEmailKey    ? email_key(header_, record.fields)
                                        : mandate_reference_key(header_, record.fields);
      errors.push_back({kImportKeyColumns[kind], fmt::format("{} also appears on line {}", key, duplicates[i].other_line)});
    }
  }

  void reject(const CheckedRow& checked, Pass mode) {
    ++counts_.rejected;
    const auto& errors = checked.errors;
    for (const auto& e : errors) {
      if (errors_.size() >= kMaxErrors) {
        ++errors_omitted_;
        continue;
      }
      errors_.push_back({{"line", checked.line},
                         {"column", e.column.empty() ? json(nullptr) : json(e.column)},
                         {"message", e.message}});
    }
    // Byte ranges of the rejected records, adjacent ones merged: the client copies them as they are.
    if (!reject_ranges_.empty() && reject_ranges_.back().first + reject_ranges_.back().second == checked.offset)
      reject_ranges_.back().second += checked.length;
    else
      reject_ranges_.emplace_back(checked.offset, checked.length);
    if (ctx_.dry_run) {
      const auto& first = errors.front();
      plan_.push_back({{"line", checked.line},
                       {"customer_no", checked.customer_no.empty() ? checked.row.customer_no : checked.customer_no},
                       {"action", "reject"},
                       {"reason", first.column.empty() ? first.message : first.column + ": " + first.message}});
    }
    // With --on-error abort, a row that passed the check and fails now was changed meanwhile (the
    // file, or the store by someone else): stop; the batches before it are complete and consistent.
    if (mode == Pass::apply && !in_.skip_invalid) {
      const auto& first = errors.front();
      fail(ErrorKind::conflict, "{} line {}: {}{}{}; the rows before it were imported, nothing after it: run the import again",
           name_, checked.line, first.column, first.column.empty() ? "" : ": ", first.message);
    }
  }

  void report(std::string_view phase, std::uint64_t bytes_read, std::uint64_t size, std::int64_t rows) {
    if (ctx_.progress) ctx_.progress({phase, bytes_read, size, rows});
  }

  // The file and what became of its rows: the run's audit entry, and the start of the summary.
  json counts_object() const {
    return {{"file", name_},
            {"sha256", keys_.sha256},
            {"rows", counts_.rows},
            {"created", counts_.created},
            {"updated", counts_.updated},
            {"unchanged", counts_.unchanged},
            {"rejected", counts_.rejected},
            {"on_error", in_.skip_invalid ? "skip" : "abort"}};
  }

  json summary(bool imported) const {
    json ranges = json::array();
    for (auto [offset, length] : reject_ranges_) ranges.push_back({offset, length});
    json out = counts_object();
    out.update(json{{"errors", errors_},
                    {"ok", counts_.rejected == 0},
                    {"imported", imported},
                    {"dry_run", ctx_.dry_run},
                    {"delimiter", std::string(1, keys_.delimiter)},
                    {"encoding", csv::encoding_name(encoding_)},
                    {"run", run_id_ ? json(run_object()) : json(nullptr)},
                    {"header_length", header_length_},
                    {"reject_ranges", ranges}});
    if (errors_omitted_) out["errors_omitted"] = errors_omitted_;
    if (ctx_.dry_run) out["plan"] = plan_;
    return out;
  }

  Context& ctx_;
  const BusinessImport& in_;
  std::string name_;
  Date today_;

  // What pass 1 learnt about the file.
  ImportFileKeys keys_;
  std::string key_options_;
  bool keys_were_known_ = false;  // kept by an earlier run of the same file, not read now
  std::uint64_t header_length_ = 0;
  csv::Encoding encoding_ = csv::Encoding::detect;  // as the last rows pass found it
  BusinessHeader header_;
  std::size_t duplicate_at_ = 0;

  // The outcome.
  std::int64_t run_id_ = 0;
  AuditBatch audit_{ctx_};  // the updated accounts' entries, written at the end of each batch
  ImportRunCounts counts_;
  json errors_ = json::array();
  std::size_t errors_omitted_ = 0;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> reject_ranges_;
  json plan_ = json::array();

  // Reused from row to row.
  ExistingAccount existing_;
  std::vector<std::size_t> changes_;
  bool previous_existed_ = false;
  // The batch being merged in sets (merge_batch): its first batch_size_ rows, and the valid ones.
  std::vector<CheckedRow> batch_;
  std::size_t batch_size_ = 0;
  std::vector<StagedRow> staged_;
  bool batch_had_known_ = true;
  // Changed accounts that keep their login, by the line of their row: merge_batch() writes them
  // together at the end of the batch (each UPDATE would be a round trip).
  bool defer_updates_ = false;
  std::vector<std::string> deferred_lines_;
  // The keys the batch's rows that take the per-row path are looked up by.
  std::vector<std::string> customer_nos_, login_keys_, reference_keys_;
};

}  // namespace

json import_business(Context& ctx, const BusinessImport& input) {
  ImportJob job(ctx, input);
  return job.run();
}

}  // namespace vrathaus
