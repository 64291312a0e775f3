#include "domain/overdue.hpp"
#include "domain/permit_eligibility.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

PermitZones city() {
  return PermitZones({{"I-01", "Innenstadt", {"Kaiserstraße", "Hoher Wall"}}, {"H-02", "Hörde", {"Faßstraße"}}});
}

}  // namespace

TEST_CASE("A permit needs an active private account whose street lies in the zone") {
  auto zones = city();
  std::string_view street = "Kaiserstraße";
  CHECK(zones.obstacle({"active", "private", street}, "I-01") == PermitObstacle::none);
  // The street as people write it: abbreviated, in capitals, with or without ß.
  std::string_view abbreviated = "KAISERSTR.";
  CHECK(zones.obstacle({"active", "private", abbreviated}, "I-01") == PermitObstacle::none);
  CHECK(zones.obstacle({"active", "private", std::string_view("Fassstrasse")}, "H-02") == PermitObstacle::none);
}

TEST_CASE("What keeps an account from a permit, in the order a clerk explains it") {
  auto zones = city();
  std::string_view street = "Kaiserstraße";
  CHECK(zones.obstacle({"closed", "guest", street}, "X-99") == PermitObstacle::account_not_active);
  CHECK(zones.obstacle({"suspended", "private", street}, "I-01") == PermitObstacle::account_not_active);
  CHECK(zones.obstacle({"active", "business", street}, "X-99") == PermitObstacle::not_private);
  CHECK(zones.obstacle({"active", "private", street}, "X-99") == PermitObstacle::zone_unknown);
  CHECK(zones.obstacle({"active", "private", street}, "H-02") == PermitObstacle::address_outside_zone);
  CHECK(zones.obstacle({"active", "private", std::nullopt}, "I-01") == PermitObstacle::address_outside_zone);
  // A street of blanks and dots is no street, even where a zone lists one.
  CHECK(PermitZones({{"Z", "", {" . "}}}).obstacle({"active", "private", std::string_view(". ")}, "Z") ==
        PermitObstacle::address_outside_zone);
}

TEST_CASE("An open charge is overdue after its grace days; the day it counts from") {
  // Due 2026-11-01 with 14 grace days: still within them on 2026-11-15, overdue from 2026-11-16.
  CHECK(overdue_grace_cutoff(Date(2026, 11, 15), 14) == Date(2026, 11, 1));
  CHECK_FALSE(Date(2026, 11, 1) < overdue_grace_cutoff(Date(2026, 11, 15), 14));
  CHECK(Date(2026, 11, 1) < overdue_grace_cutoff(Date(2026, 11, 16), 14));
  CHECK(overdue_since(true, Date(2026, 11, 1), std::nullopt, 14) == Date(2026, 11, 16));
  // Across a month and a year end.
  CHECK(overdue_since(true, Date(2026, 12, 20), std::nullopt, 14) == Date(2027, 1, 4));
  CHECK(overdue_grace_cutoff(Date(2027, 1, 4), 14) == Date(2026, 12, 21));
  // A returned charge counts from its return, or its due date when the return day is unknown.
  CHECK(overdue_since(false, Date(2026, 11, 1), Date(2026, 11, 6), 14) == Date(2026, 11, 6));
  CHECK(overdue_since(false, Date(2026, 11, 1), std::nullopt, 14) == Date(2026, 11, 1));
}
