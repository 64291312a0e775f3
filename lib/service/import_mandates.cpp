#include "service/import_mandates.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace vrathaus {

#if __has_include("service/mandates.hpp")
// The mandates table of the permits and payments capability; the same rules as add_mandate()
// (validated values, the reference unique case-insensitively, the account not closed — the import
// checked that), with statements prepared once for the whole file.
struct ImportMandates::Statements {
  explicit Statements(SQLite::Database& db)
      : find(db, "SELECT id, account_id, iban, coalesce(bic, ''), signed_on FROM mandates WHERE upper(reference) = upper(?)"),
        insert(db,
               "INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at) "
               "VALUES (?, ?, nullif(?, ''), ?, ?, 'active', ?, ?)") {}
  SQLite::Statement find, insert;
};

ImportMandates::ImportMandates(Context& ctx) : ctx_(ctx) {}
ImportMandates::~ImportMandates() = default;

MandatePlan ImportMandates::check(const BusinessMandate& m, std::int64_t account_id) {
  if (!q_) q_ = std::make_unique<Statements>(ctx_.db());
  auto& find = q_->find;
  find.reset();
  find.bindNoCopy(1, m.reference);
  if (!find.executeStep()) return MandatePlan::add;
  auto id = find.getColumn(0).getInt64();
  auto owner = find.getColumn(1).getInt64();
  bool same = owner == account_id && find.getColumn(2).getString() == m.iban && find.getColumn(3).getString() == m.bic &&
              find.getColumn(4).getString() == m.signed_on;
  find.reset();
  if (same) return MandatePlan::unchanged;
  conflict_ = owner != account_id
                  ? fmt::format("{} is already the reference of mandate {} of account {}", m.reference, id, owner)
                  : fmt::format("{} is the reference of mandate {} with another IBAN, BIC or signature date; a changed "
                                "mandate needs a new reference",
                                m.reference, id);
  return MandatePlan::conflict;
}

void ImportMandates::add(const BusinessMandate& m, std::int64_t account_id) {
  if (!q_) q_ = std::make_unique<Statements>(ctx_.db());
  auto& insert = q_->insert;
  auto now = ctx_.now();
  insert.reset();
  insert.bind(1, account_id);
  insert.bindNoCopy(2, m.iban);
  insert.bindNoCopy(3, m.bic);
  insert.bindNoCopy(4, m.reference);
  insert.bindNoCopy(5, m.signed_on);
  insert.bind(6, now);
  insert.bind(7, now);
  insert.exec();
}
#else
// Without the mandates capability the row validator refuses mandate columns, so nothing here
// is ever asked about a mandate.
struct ImportMandates::Statements {};
ImportMandates::ImportMandates(Context& ctx) : ctx_(ctx) {}
ImportMandates::~ImportMandates() = default;
MandatePlan ImportMandates::check(const BusinessMandate&, std::int64_t) {
  fail(ErrorKind::internal, "SEPA mandates are not available in this build");
}
void ImportMandates::add(const BusinessMandate&, std::int64_t) {
  fail(ErrorKind::internal, "SEPA mandates are not available in this build");
}
#endif

}  // namespace vrathaus
