#include "store/import_mandate_rows.hpp"

#include "store/keys_in_slices.hpp"

namespace vrathaus {

struct ImportMandateRows::Statements {
  explicit Statements(sql::Connection& db)
      : find(db, "SELECT id, account_id, iban, coalesce(bic, ''), signed_on FROM mandates WHERE upper(reference) = ?"),
        insert(db,
               "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at, "
               "import_run) VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, 'active', ?6, ?6, ?7) ON CONFLICT DO NOTHING"),
        find_many(db, "SELECT id, account_id, iban, coalesce(bic, ''), signed_on, upper(reference) FROM mandates "
                      "WHERE upper(reference) IN ") {}
  sql::Statement find;  // once per row of a re-import: read without copying
  sql::Statement insert;
  KeysInSlices find_many;
};

ImportMandateRows::ImportMandateRows(sql::Connection& db) : db_(db) {}
ImportMandateRows::~ImportMandateRows() = default;

std::optional<HeldReference> ImportMandateRows::find(const std::string& reference_key, const BusinessMandate& m) {
  if (auto known = held_.find(reference_key); known != held_.end()) {
    if (!known->second) return std::nullopt;
    const Held& h = *known->second;
    return HeldReference{h.id, h.account_id, h.iban == m.iban && h.bic == m.bic && h.signed_on == m.signed_on};
  }
  if (!q_) q_ = std::make_unique<Statements>(db_);
  auto& find = q_->find;
  find.reset();
  find.bindNoCopy(1, reference_key);
  if (!find.executeStep()) return std::nullopt;
  HeldReference held{find.getColumn(0).getInt64(), find.getColumn(1).getInt64(),
                     find.getColumn(2).getStringView() == m.iban && find.getColumn(3).getStringView() == m.bic &&
                         find.getColumn(4).getStringView() == m.signed_on};
  find.reset();
  return held;
}

void ImportMandateRows::prefetch(std::span<const std::string> reference_keys) {
  held_.clear();
  if (reference_keys.empty()) return;
  if (!q_) q_ = std::make_unique<Statements>(db_);
  for (const auto& key : reference_keys) held_.try_emplace(key);
  q_->find_many.run(reference_keys, [&](sql::Statement& q) {
    held_[q.getColumn(5).getString()] = Held{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                                             q.getColumn(3).getString(), q.getColumn(4).getString()};
  });
}

bool ImportMandateRows::insert(const BusinessMandate& m, std::int64_t account_id, const ImportStamp& stamp) {
  if (!q_) q_ = std::make_unique<Statements>(db_);
  auto& insert = q_->insert;
  insert.reset();
  insert.bind(1, account_id);
  insert.bindNoCopy(2, m.iban);
  insert.bindNoCopy(3, m.bic);
  insert.bindNoCopy(4, m.reference);
  insert.bindNoCopy(5, m.signed_on);
  insert.bindNoCopy(6, stamp.now);
  insert.bind(7, stamp.run);
  return insert.exec() == 1;
}

}  // namespace vrathaus
