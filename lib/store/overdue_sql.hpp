#pragma once
// When a charge is overdue, in one place: `charges overdue`, `charges list --overdue` and the
// renewal run (a permit whose charge is overdue is not renewed) all use this predicate.
//
// A charge is overdue when
//  - the bank returned it or the debtor had it refunded (returned, disputed) and no re-presentation
//    of it is still under way or paid: the money is not coming by direct debit any more; or
//  - it is still open more than the grace days after its due date and no mandate can collect it
//    (none, revoked, or lapsed after 36 months unused): the citizen has to pay it by other means.
//    An open charge whose mandate stands is the next export's job, not the citizen's debt.
// Re-presentations count through the charge they re-present, so a debt is listed once.
// The SQL names the charge `c` and binds :grace_cutoff (the day from domain/overdue.hpp's
// overdue_grace_cutoff) and the usable-mandate parameters for today (bind_usable_mandate): dates
// come computed, so both engines run it as it is.
#include "store/usable_mandate_sql.hpp"

#include <string>

namespace vrathaus {

inline const std::string kOverdueCharge =
    "((c.status IN ('returned', 'disputed') AND c.kind <> 're-presentation'"
    "   AND NOT EXISTS (SELECT 1 FROM charges r WHERE r.origin = c.id AND r.kind = 're-presentation'"
    "                   AND r.status IN ('open', 'exported', 'paid')))"
    " OR (c.status = 'open' AND c.due_on < :grace_cutoff"
    "     AND NOT EXISTS (SELECT 1 FROM mandates m WHERE m.id = c.mandate_id AND " +
    usable_mandate_sql("m") + ")))";

}  // namespace vrathaus
