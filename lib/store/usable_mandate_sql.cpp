#include "store/usable_mandate_sql.hpp"

#include "domain/mandate.hpp"

#include <fmt/format.h>

namespace vrathaus {

std::string usable_mandate_sql(std::string_view alias) {
  // max(signed_on, last_used_on) >= x is written as two comparisons, and a mandate never used
  // compares its signature twice: both engines read it the same way, with no date functions.
  return fmt::format("({0}.status = 'active' AND {0}.signed_on <= :usable_on"
                     " AND ({0}.signed_on >= :usable_fresh_since"
                     " OR coalesce({0}.last_used_on, {0}.signed_on) >= :usable_fresh_since))",
                     alias);
}

void bind_usable_mandate(sql::Statement& statement, const Date& day) {
  statement.bind(":usable_on", day.str());
  statement.bind(":usable_fresh_since", mandate_fresh_since(day).str());
}

}  // namespace vrathaus
