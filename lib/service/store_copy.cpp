#include "service/store_copy.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "store/store_copy_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <cstdint>
#include <map>

namespace vrathaus {
namespace {

using nlohmann::json;

// A table's rows as a multiset: the sum of every row's SHA-256 (its first 128 bits), so the order
// rows are read in does not matter (PostgreSQL sorts text keys by its collation, SQLite by bytes).
// Each value is hashed with its storage class, so an integer that became text shows.
class TableDigest {
public:
  void add(const Row& row) {
    encoded_.clear();
    for (const auto& cell : row) {
      fmt::format_to(std::back_inserter(encoded_), "{}{}:", static_cast<int>(cell.type), cell.text.size());
      encoded_ += cell.text;
    }
    auto hash = sha256_hex(encoded_);
    for (std::size_t half = 0; half < 2; ++half) {
      std::uint64_t word = 0;
      std::from_chars(hash.data() + half * 16, hash.data() + half * 16 + 16, word, 16);
      sum_[half] += word;
    }
    ++rows_;
  }
  std::int64_t rows() const { return rows_; }
  std::string hex() const { return fmt::format("{:016x}{:016x}", sum_[0], sum_[1]); }
  bool operator==(const TableDigest& other) const { return rows_ == other.rows_ && sum_ == other.sum_; }

private:
  std::string encoded_;
  std::array<std::uint64_t, 2> sum_{};
  std::int64_t rows_ = 0;
};

TableDigest digest_of(sql::Connection& db, const StoreTable& table) {
  TableDigest digest;
  for_each_row(db, table, [&](const Row& row) { digest.add(row); });
  return digest;
}

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

// The two schemas at one version have the same tables and columns; anything else is a bug in a
// migration, and copying into it would lose data.
void require_same_tables(const std::vector<StoreTable>& source, const std::vector<StoreTable>& target) {
  std::map<std::string, const StoreTable*> by_name;
  for (const auto& t : target) by_name[t.name] = &t;
  for (const auto& t : source) {
    auto found = by_name.find(t.name);
    if (found == by_name.end()) fail(ErrorKind::internal, "the target's schema has no table {}", t.name);
    if (sorted(t.columns) != sorted(found->second->columns) || t.key != found->second->key)
      fail(ErrorKind::internal, "the table {} has other columns or another key in the target's schema", t.name);
    by_name.erase(found);
  }
  if (!by_name.empty()) fail(ErrorKind::internal, "the source's schema has no table {}", by_name.begin()->first);
}

void require_empty(Store& target, const std::string& shown, const std::vector<StoreTable>& tables) {
  for (const auto& t : tables)
    if (auto rows = count_rows(target.db(), t.name); rows > 0)
      fail(ErrorKind::conflict,
           "the target {} is not empty: table {} has {} row{}; db copy writes only into an empty store (a new file, or "
           "a database created empty: db copy creates the schema)",
           shown, t.name, rows, rows == 1 ? "" : "s");
}

// The target's tables as they are (one not migrated yet has only some of them, or others): each
// must be empty.
void require_empty_as_it_is(Store& target, const std::string& shown) {
  target.read_transaction([&] { require_empty(target, shown, store_tables(target.db())); });
}

// The source's chain must verify before anything is copied (refused, 4); the target's, once
// copied, must too (a bug, 70, and the copy is rolled back).
json verified_audit(Store& store, bool is_source) {
  auto report = audit_verify(store);
  if (!report["ok"].get<bool>()) {
    const auto& first = report["problems"][0];
    fail(is_source ? ErrorKind::conflict : ErrorKind::internal, "the {}'s audit chain does not verify (entry {}: {}){}",
         is_source ? "source" : "target", first["seq"].dump(), first["problem"].get<std::string>(),
         is_source ? "; see 'vrathaus audit verify': db copy copies a sound store only" : "; the copy is rolled back");
  }
  return {{"ok", true}, {"entries", report["entries"]}};
}

// Copies one table, reading the source's digest on the way; then reads the copy back.
json copy_table(Store& source, Store& target, const StoreTable& table) {
  TableDigest read;
  try {
    auto writer = write_rows(target.db(), table);
    for_each_row(source.db(), table, [&](const Row& row) {
      read.add(row);
      writer->add(row);
    });
    writer->finish();
  } catch (const sql::Error& e) {
    if (e.kind() != sql::ErrorKind::constraint && e.kind() != sql::ErrorKind::other) throw;  // busy: exit 8
    // PostgreSQL's DETAIL and CONTEXT quote the refused row, values and all: personal data that
    // has no place in a message or a log.
    std::string why = e.what();
    if (auto quoted = std::min(why.find("; DETAIL:"), why.find("; CONTEXT:")); quoted != std::string::npos)
      why.erase(quoted);
    fail(e.kind() == sql::ErrorKind::constraint ? ErrorKind::conflict : ErrorKind::internal,
         "the target refused a row of table {} ({}): the copy is rolled back", table.name, why);
  }
  return {{"table", table.name}, {"rows", read.rows()}, {"checksum", read.hex()}};
}

void verify_table(Store& target, const StoreTable& table, const json& copied) {
  auto written = digest_of(target.db(), table);
  auto rows = count_rows(target.db(), table.name);
  if (rows != copied["rows"].get<std::int64_t>() || written.rows() != rows ||
      written.hex() != copied["checksum"].get<std::string>())
    fail(ErrorKind::internal,
         "the copy of table {} does not match its source ({} rows, checksum {}; copied {} rows, checksum {}): the "
         "copy is rolled back",
         table.name, copied["rows"].get<std::int64_t>(), copied["checksum"].get<std::string>(), rows, written.hex());
}

json dry_run(Context& ctx, const StoreCopy& copy, const std::vector<StoreTable>& tables) {
  json out{{"tables", json::array()}, {"copied", false}, {"dry_run", true}};
  std::int64_t total = 0;
  for (const auto& t : tables) {
    auto rows = count_rows(ctx.store.db(), t.name);
    total += rows;
    out["tables"].push_back({{"table", t.name}, {"rows", rows}});
  }
  out["rows"] = total;
  out["audit"] = {{"source", verified_audit(ctx.store, true)}};
  if (!copy.target) {
    out["target_exists"] = false;
    return out;
  }
  auto& target = *copy.target;
  int version = target.schema_version();
  out["target_exists"] = true;
  out["migrations_to_apply"] = Store::latest_schema_version() - version;
  require_empty_as_it_is(target, copy.shown_target);
  return out;
}

}  // namespace

json copy_store(Context& ctx, const StoreCopy& copy) {
  auto& source = ctx.store;
  source.require_current_schema();
  json out{{"from", source.shown_path()},
           {"to", copy.shown_target},
           {"from_engine", source.engine_name()},
           {"to_engine", copy.target ? copy.target->engine_name() : "sqlite"},
           {"schema_version", source.schema_version()}};
  // The source is held under its writer lock throughout: writers wait (or fail busy) instead of
  // changing rows between the copy and its verification. Only the audit entry is written to it.
  source.write_transaction(
      [&] {
        auto tables = store_tables(source.db());
        if (copy.dry_run) {
          out.update(dry_run(ctx, copy, tables));
          return;
        }
        auto& target = *copy.target;
        out["audit"]["source"] = verified_audit(source, true);
        // A target with rows is refused before anything is done to it, migrations included; the
        // check is made again inside the copy's transaction, where nothing can slip in after it.
        require_empty_as_it_is(target, copy.shown_target);
        target.migrate();
        json copied = json::array();
        std::int64_t total = 0;
        target.write_transaction([&] {
          auto target_tables = store_tables(target.db());
          require_same_tables(tables, target_tables);
          require_empty(target, copy.shown_target, target_tables);
          for (const auto& table : tables) {
            copied.push_back(copy_table(source, target, table));
            total += copied.back()["rows"].get<std::int64_t>();
          }
          for (const auto& table : target_tables) continue_identity(target.db(), table);
          for (std::size_t i = 0; i < tables.size(); ++i) {
            verify_table(target, tables[i], copied[i]);
            copied[i]["verified"] = true;
          }
          out["audit"]["target"] = verified_audit(target, false);
        });
        out["tables"] = copied;
        out["rows"] = total;
        out["copied"] = true;
        out["dry_run"] = false;
        audit_append(ctx, {"db.copy", "store", nullptr,
                           json{{"to", copy.shown_target}, {"engine", target.engine_name()}, {"rows", total},
                                {"tables", copied.size()}},
                           ""});
      },
      copy.dry_run);
  return out;
}

}  // namespace vrathaus
