#pragma once
// The renewal run's SQL, engine-neutral: one query reads the permits due with what the decision
// needs (store only), the decisions are made in C++ by the domain's functions (service/renewal.cpp),
// and the renewals are written in chunks of multi-row INSERTs. The unique key on
// permits.renewed_from makes a renewal exist once: a permit another run renewed meanwhile is
// skipped (ON CONFLICT DO NOTHING), and so is its charge.
#include "core/date.hpp"
#include "domain/permit_period.hpp"

#include "store/permit_rows.hpp"
#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

// A permit the run considers, with its account and the mandate its charge would use.
struct RenewalCandidate {
  std::int64_t permit_id = 0, account_id = 0;
  std::string plate, zone;
  PermitPeriod period;
  std::string account_status, account_tier;
  std::optional<std::string> account_street;
  std::optional<std::int64_t> mandate_id;  // the most recently signed usable one; none: no usable mandate
  std::string mandate_reference, mandate_iban;
};

// The permits a run on `today` considers: active, auto-renew, started, ending before `cutoff` and
// not renewed yet; ordered by their last day, then id.
std::vector<RenewalCandidate> renewal_candidates(sql::Connection& db, const Date& today, const Date& cutoff);

// A renewal to write: the new permit (renewed_from set) and its charge.
struct Renewal {
  PermitRow permit;
  ChargeRow charge;
};

// Writes the renewals inside the caller's transaction. Sets permit.id, charge.id and
// charge.permit_id of each one written; a renewal whose old permit was renewed already keeps
// permit.id == 0 and has no charge written.
void insert_renewals(sql::Connection& db, std::vector<Renewal>& renewals);

}  // namespace vrathaus
