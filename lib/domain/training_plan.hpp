#pragma once
// The training plan as a pure function: for every office, the first opening day within the
// horizon on which fewer than minimum + buffer certified people are present, and the fewest of its
// own people to train before that day so that no such day remains; certifications about to expire
// get a refresher before they open a gap. When even training everyone who could be present does
// not reach the minimum, the plan says so instead of suggesting the impossible.
#include "core/date.hpp"
#include "domain/coverage.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vrathaus::training {

struct PlanRequest {
  coverage::Request facts;  // cert, holidays, offices, staff; from/to/horizon are ignored
  Date today;
  int horizon_days = 365;
  int buffer = 1;        // people above the minimum the plan aims for
  int lead_days = 14;    // the training happens this many days before the first gap
  int refresh_days = 60;  // certifications expiring within this many days get a refresher
  int validity_months = 24;  // of a certification granted by the training
  // Counted when certified, never suggested for training: those who do not serve at the counter
  // (an administrator, an auditor).
  std::set<std::string> not_trainable;
  // Per office the days whose booked appointments are a risk (domain/booked_demand), each with
  // the people present then plus one: the plan wants at least that many certified on that day
  // (and never fewer than minimum + buffer).
  std::map<std::string, std::map<Date, int>> demand_days{};
};

struct OfficePlan {
  std::string office;
  int minimum = 0;
  int required = 0;                  // minimum + buffer
  std::optional<Date> first_gap;     // first opening day below `required`, before any training
  int present_on_first_gap = 0;
  std::vector<std::string> train;    // the staff to train, in the order chosen
  std::vector<std::string> refresh;  // those of `train` whose certification is about to expire
  std::optional<Date> train_by;      // the last day for the training
  bool closable = true;              // after the training, no opening day below the minimum
  int short_days = 0;                // opening days still below `required` after the training
  std::optional<Date> first_short;   // the first of them
  int demand_days = 0;               // days of booked demand in the window (wanting one more)
  std::string why;                   // one sentence for people
};

struct Plan {
  Date from, to;  // today .. today + horizon
  std::vector<OfficePlan> offices;  // by office code
  bool closable() const;            // every office's gap can be closed by training
};

Plan plan(const PlanRequest& request);

}  // namespace vrathaus::training
