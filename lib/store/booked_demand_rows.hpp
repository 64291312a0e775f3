#pragma once
// The open appointments per office, day and kind, in one query: what booked demand weighs
// against the certified clerks present (service/booked_demand).
#include "core/date.hpp"

#include "store/sql/sql.hpp"

#include <string>
#include <vector>

namespace vrathaus {

struct BookedCount {
  std::string office;
  Date date;
  std::string kind;
  int booked = 0;  // booked or needing rebooking
};

// By day, then office, then kind; `office` "": every office.
std::vector<BookedCount> load_booked_counts(sql::Connection& db, const Date& from, const Date& to, const std::string& office);

}  // namespace vrathaus
