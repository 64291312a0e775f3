#include "service/import_mandates.hpp"

#include "core/error.hpp"

namespace vrathaus {

// The mandates table of the permits and payments capability, written with the rules of
// add_mandate() (service/mandates.cpp): values validated by the same validators (domain/sepa_ids),
// the reference unique case-insensitively, the account not closed (the import checked that). Not
// through add_mandate() itself: it prepares five statements and appends an audit entry per
// mandate, which for a file of 800,000 mandates would multiply the import's time; here the
// statements are prepared once (store/import_mandate_rows.hpp), and the file's audit entry (with
// the run each mandate points at) records them.
ImportMandates::ImportMandates(Context& ctx) : rows_(ctx.db()) {}

MandatePlan ImportMandates::check(const BusinessMandate& m, std::int64_t account_id) {
  // The key the index holds, made here once rather than by the database's upper() on every lookup.
  reference_key_ = mandate_reference_key(m.reference);
  auto held = rows_.find(reference_key_, m);
  if (!held) return MandatePlan::add;
  if (held->account_id == account_id && held->same_data) return MandatePlan::unchanged;
  conflict_ = held->account_id != account_id
                  ? fmt::format("{} is already the reference of mandate {} of account {}", m.reference, held->id,
                                held->account_id)
                  : fmt::format("{} is the reference of mandate {} with another IBAN, BIC or signature date; a changed "
                                "mandate needs a new reference",
                                m.reference, held->id);
  return MandatePlan::conflict;
}

bool ImportMandates::add(const BusinessMandate& m, std::int64_t account_id, const ImportStamp& stamp) {
  return rows_.insert(m, account_id, stamp);
}

}  // namespace vrathaus
