#pragma once
// Who belongs to which office on which day. A staff member has a recorded office and an active
// flag; planned changes move them to another office from a date on (a transfer) or end their
// service from a date on (a departure). Coverage, the training plan and the staff view all ask
// this one rule, so a transfer or departure counts the same everywhere.
#include "core/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct Transfer {
  Date on;          // the first day in the new office
  std::string from;  // the office before
  std::string to;    // the office from `on` on
};

struct Placement {
  std::string office;              // the recorded office ("" for service identities)
  bool active = true;              // false: deactivated, counts nowhere any more
  std::optional<Date> leaves_on;   // a planned departure: the first day no longer counted
  std::vector<Transfer> transfers;  // in any order
};

// A run of days [from, to] (inclusive) in one office; `counts` is false once the person has left
// (deactivated or departed): they still belong to their last office, as someone who is gone.
struct Stint {
  Date from, to;
  std::string office;
  bool counts = true;
};

// THE rule: the stints covering [from, to], in day order, without gaps. Before a transfer the
// person is in its `from` office, from its day on in its `to` office; the recorded office is where
// they are when no transfer says otherwise (it is the latest transfer's `to` once that is applied).
std::vector<Stint> stints(const Placement& p, const Date& from, const Date& to);

// The stint containing `day` (one-day form of the rule).
Stint stint_on(const Placement& p, const Date& day);

// Counted in `office` on `day`: belongs there that day and has not left.
bool counts_in(const Placement& p, const std::string& office, const Date& day);

// The first day the person no longer counts anywhere, if it is known (a departure date), or `day`
// when already inactive.
std::optional<Date> leaving_day(const Placement& p, const Date& day);

}  // namespace vrathaus
