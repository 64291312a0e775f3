// Certification validity and absence merging (domain/certification, domain/absence).
#include "domain/absence.hpp"
#include "domain/certification.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("a certification is valid from its grant to its last day, until revoked") {
  CertificationPeriod c{"identity-check", Date(2026, 1, 10), Date(2028, 1, 9), std::nullopt};
  CHECK_FALSE(valid_on(c, Date(2026, 1, 9)));
  CHECK(valid_on(c, Date(2026, 1, 10)));
  CHECK(valid_on(c, Date(2028, 1, 9)));
  CHECK_FALSE(valid_on(c, Date(2028, 1, 10)));
  c.revoked_on = Date(2027, 3, 1);
  CHECK(valid_on(c, Date(2027, 2, 28)));
  CHECK_FALSE(valid_on(c, Date(2027, 3, 1)));
}

TEST_CASE("validity ends the day before the anniversary") {
  CHECK(validity_end(Date(2026, 1, 15), 24) == Date(2028, 1, 14));
  CHECK(validity_end(Date(2024, 2, 29), 12) == Date(2025, 2, 28));  // anniversary is 1 March
  CHECK(validity_end(Date(2024, 2, 29), 48) == Date(2028, 2, 28));
  CHECK(validity_end(Date(2026, 1, 31), 1) == Date(2026, 2, 28));
  CHECK(validity_end(Date(2024, 1, 31), 1) == Date(2024, 2, 29));
  CHECK(validity_end(Date(2026, 1, 30), 1) == Date(2026, 2, 28));
  CHECK(validity_end(Date(2026, 3, 1), 12) == Date(2027, 2, 28));
  CHECK(validity_end(Date(2026, 12, 20), 24) == Date(2028, 12, 19));
}

TEST_CASE("overlapping absences merge into one, keeping every reason") {
  std::vector<AbsencePeriod> existing{{1, Date(2026, 12, 1), Date(2026, 12, 5), "holiday"},
                                      {2, Date(2026, 12, 20), Date(2026, 12, 22), "holiday"}};
  auto m = merge_absence(existing, {0, Date(2026, 12, 4), Date(2026, 12, 8), "illness"});
  CHECK(m.absorbed == std::vector<std::int64_t>{1});
  CHECK(m.merged.id == 1);
  CHECK(m.merged.from == Date(2026, 12, 1));
  CHECK(m.merged.to == Date(2026, 12, 8));
  CHECK(m.merged.reason == "holiday,illness");
}

TEST_CASE("touching absences merge only for the same reason") {
  std::vector<AbsencePeriod> existing{{3, Date(2026, 12, 1), Date(2026, 12, 4), "holiday"}};
  auto same = merge_absence(existing, {0, Date(2026, 12, 5), Date(2026, 12, 9), "holiday"});
  CHECK(same.absorbed == std::vector<std::int64_t>{3});
  CHECK(same.merged.from == Date(2026, 12, 1));
  CHECK(same.merged.to == Date(2026, 12, 9));
  CHECK(same.merged.reason == "holiday");

  auto other = merge_absence(existing, {0, Date(2026, 12, 5), Date(2026, 12, 9), "illness"});
  CHECK(other.absorbed.empty());
  CHECK(other.merged.id == 0);
  CHECK(other.merged.from == Date(2026, 12, 5));

  auto gap = merge_absence(existing, {0, Date(2026, 12, 6), Date(2026, 12, 9), "holiday"});
  CHECK(gap.absorbed.empty());
}

TEST_CASE("an absence bridging two merges all three") {
  std::vector<AbsencePeriod> existing{{7, Date(2026, 7, 1), Date(2026, 7, 10), "holiday"},
                                      {4, Date(2026, 7, 20), Date(2026, 7, 31), "holiday"},
                                      {9, Date(2026, 8, 1), Date(2026, 8, 3), "training"}};
  auto m = merge_absence(existing, {0, Date(2026, 7, 11), Date(2026, 7, 19), "holiday"});
  CHECK(m.absorbed == std::vector<std::int64_t>{4, 7});
  CHECK(m.merged.id == 4);
  CHECK(m.merged.from == Date(2026, 7, 1));
  CHECK(m.merged.to == Date(2026, 7, 31));
}

TEST_CASE("an absence inside an existing one changes nothing but is absorbed") {
  std::vector<AbsencePeriod> existing{{5, Date(2026, 12, 1), Date(2026, 12, 31), "holiday"}};
  auto m = merge_absence(existing, {0, Date(2026, 12, 10), Date(2026, 12, 12), "holiday"});
  CHECK(m.absorbed == std::vector<std::int64_t>{5});
  CHECK(m.merged.from == Date(2026, 12, 1));
  CHECK(m.merged.to == Date(2026, 12, 31));
  CHECK(m.merged.reason == "holiday");
  CHECK(covers(m.merged, Date(2026, 12, 31)));
  CHECK_FALSE(covers(m.merged, Date(2027, 1, 1)));
}
