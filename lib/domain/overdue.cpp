#include "domain/overdue.hpp"

namespace vrathaus {

Date overdue_grace_cutoff(const Date& today, int grace_days) { return today.add_days(-grace_days); }

Date overdue_since(bool open, const Date& due_on, const std::optional<Date>& returned_on, int grace_days) {
  if (open) return due_on.add_days(grace_days + 1);
  return returned_on.value_or(due_on);
}

}  // namespace vrathaus
