#include "service/import_mandates.hpp"

#include "core/error.hpp"
#include "store/sql/sql.hpp"

namespace vrathaus {

// The mandates table of the permits and payments capability, written with the rules of
// add_mandate() (service/mandates.cpp): values validated by the same validators (domain/sepa_ids),
// the reference unique case-insensitively, the account not closed (the import checked that). Not
// through add_mandate() itself: it prepares five statements and appends an audit entry per
// mandate, which for a file of 800,000 mandates would multiply the import's time; here the
// statements are prepared once, and the file's audit entry (with the run each mandate points at)
// records them.
struct ImportMandates::Statements {
  explicit Statements(sql::Connection& db)
      : find(db, "SELECT id, account_id, iban, coalesce(bic, ''), signed_on FROM mandates WHERE upper(reference) = ?"),
        insert(db,
               "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at, "
               "import_run) VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, 'active', ?6, ?6, ?7) ON CONFLICT DO NOTHING") {}
  sql::Statement find;  // once per row of a re-import: read without copying
  sql::Statement insert;
};

ImportMandates::ImportMandates(Context& ctx) : ctx_(ctx) {}
ImportMandates::~ImportMandates() = default;

MandatePlan ImportMandates::check(const BusinessMandate& m, std::int64_t account_id) {
  if (!q_) q_ = std::make_unique<Statements>(ctx_.db());
  auto& find = q_->find;
  find.reset();
  // The key the index holds, made here once rather than by SQLite's upper() on every lookup.
  reference_key_ = mandate_reference_key(m.reference);
  find.bindNoCopy(1, reference_key_);
  if (!find.executeStep()) return MandatePlan::add;
  auto id = find.getColumn(0).getInt64();
  auto owner = find.getColumn(1).getInt64();
  bool same = owner == account_id && find.getColumn(2).getStringView() == m.iban &&
              find.getColumn(3).getStringView() == m.bic && find.getColumn(4).getStringView() == m.signed_on;
  find.reset();
  if (same) return MandatePlan::unchanged;
  conflict_ = owner != account_id
                  ? fmt::format("{} is already the reference of mandate {} of account {}", m.reference, id, owner)
                  : fmt::format("{} is the reference of mandate {} with another IBAN, BIC or signature date; a changed "
                                "mandate needs a new reference",
                                m.reference, id);
  return MandatePlan::conflict;
}

bool ImportMandates::add(const BusinessMandate& m, std::int64_t account_id, const ImportStamp& stamp) {
  if (!q_) q_ = std::make_unique<Statements>(ctx_.db());
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
