#pragma once
// Mandate rules with no I/O: a SEPA mandate unused for 36 months has lapsed (SEPA Core rulebook)
// and cannot be charged; the first collection under a mandate is FRST, later ones RCUR.
#include "core/date.hpp"

#include <optional>

namespace vrathaus {

inline constexpr int kMandateLapseMonths = 36;

// The first day on which a mandate last used (or, never used, signed) on `last_use` has lapsed.
Date mandate_lapses_on(const Date& last_use);

// Whether a mandate may be charged on `day`. `last_used_on` empty: never used, counted from the
// signature.
bool mandate_usable_on(const Date& signed_on, const std::optional<Date>& last_used_on, const Date& day);

// The earliest last use (or signature, for a mandate never used) that keeps a mandate usable on
// `day`: usable on `day` ⇔ signed_on <= day and max(signed_on, last_used_on) >= this. It lets SQL
// state the rule with two date comparisons, the same on every engine (store/usable_mandate_sql).
Date mandate_fresh_since(const Date& day);

// "FRST" for a mandate never collected from, "RCUR" after.
const char* sequence_type(const std::optional<Date>& last_used_on);

}  // namespace vrathaus
