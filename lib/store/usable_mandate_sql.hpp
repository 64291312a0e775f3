#pragma once
// "This mandate may be charged on that day" as SQL, spelled once for every query that needs it:
// the export, the renewal, the overdue rule and `mandates` all select usable mandates through
// this condition. The lapse arithmetic stays in C++ (domain/mandate): the condition only compares
// dates, which are ISO text on every engine, against two values computed from the day.
#include "core/date.hpp"
#include "store/sql/statement.hpp"

#include <string>
#include <string_view>

namespace vrathaus {

// The condition on the mandate table aliased `alias`: active, signed by the day, and used (or
// signed) recently enough not to have lapsed. Never NULL, so it may be negated. It names the
// parameters :usable_on and :usable_fresh_since; bind them with bind_usable_mandate().
std::string usable_mandate_sql(std::string_view alias);

void bind_usable_mandate(sql::Statement& statement, const Date& day);

}  // namespace vrathaus
