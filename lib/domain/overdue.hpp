#pragma once
// The dates of the overdue rule (store/overdue_sql.hpp says which charges are overdue). Computed
// here and bound into the SQL as plain dates, so the query needs no engine's date arithmetic.
#include "core/date.hpp"

#include <optional>

namespace vrathaus {

// An open charge whose mandate cannot collect it is overdue once its due date lies before this
// day: the `grace_days` after the due date have passed on `today`.
Date overdue_grace_cutoff(const Date& today, int grace_days);

// The first day an overdue charge counts as overdue: for an open one the day after its grace
// days; for a returned or disputed one the day the bank returned it (its due date when unknown).
Date overdue_since(bool open, const Date& due_on, const std::optional<Date>& returned_on, int grace_days);

}  // namespace vrathaus
