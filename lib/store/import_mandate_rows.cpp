#include "store/import_mandate_rows.hpp"

namespace vrathaus {

struct ImportMandateRows::Statements {
  explicit Statements(sql::Connection& db)
      : find(db, "SELECT id, account_id, iban, coalesce(bic, ''), signed_on FROM mandates WHERE upper(reference) = ?"),
        insert(db,
               "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at, "
               "import_run) VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, 'active', ?6, ?6, ?7) ON CONFLICT DO NOTHING") {}
  sql::Statement find;  // once per row of a re-import: read without copying
  sql::Statement insert;
};

ImportMandateRows::ImportMandateRows(sql::Connection& db) : db_(db) {}
ImportMandateRows::~ImportMandateRows() = default;

std::optional<HeldReference> ImportMandateRows::find(const std::string& reference_key, const BusinessMandate& m) {
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
