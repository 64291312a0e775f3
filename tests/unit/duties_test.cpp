// The pure separation-of-duties rules (domain/duties.hpp).
#include "domain/duties.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

Account person(const char* given, const char* family, const char* born) {
  Account a;
  a.given_name = given;
  a.family_name = family;
  a.birth_date = born;
  return a;
}

}  // namespace

TEST_CASE("service roles are never combined with human roles") {
  CHECK_FALSE(mixed_roles_reason({"clerk", "supervisor"}));
  CHECK_FALSE(mixed_roles_reason({"portal"}));
  CHECK_FALSE(mixed_roles_reason({"importer", "portal"}));
  auto why = mixed_roles_reason({"clerk", "portal", "supervisor"});
  REQUIRE(why);
  CHECK(why->find("portal") != std::string::npos);
  CHECK(why->find("clerk, supervisor") != std::string::npos);
  CHECK(mixed_roles_reason({"admin", "importer"}));
}

TEST_CASE("whoever changed an account's identity may not upgrade it for 30 days") {
  auto a = person("Max", "Mustermann", "1979-06-01");
  CHECK_FALSE(changed_identity_recently(a, "m.weber", Date(2026, 11, 25)));
  a.identity_changed_by = "m.weber";
  a.identity_changed_at = "2026-11-25T09:00:00Z";
  CHECK(changed_identity_recently(a, "m.weber", Date(2026, 11, 25)));
  CHECK(changed_identity_recently(a, "m.weber", Date(2026, 12, 24)));   // day 29
  CHECK_FALSE(changed_identity_recently(a, "m.weber", Date(2026, 12, 25)));  // day 30: over
  CHECK_FALSE(changed_identity_recently(a, "s.kruse", Date(2026, 11, 25)));  // a colleague may
  a.identity_changed_at = "garbage";
  CHECK(changed_identity_recently(a, "m.weber", Date(2030, 1, 1)));  // unprovable age counts as recent
}

TEST_CASE("the same person: birth date and the folded words of the name") {
  auto a = person("Jürgen", "Groß", "1970-01-31");
  CHECK(is_same_person(a, "Juergen Gross", std::string("1970-01-31")));
  CHECK(is_same_person(a, "Groß, Jürgen Karl", std::string("1970-01-31")));
  CHECK_FALSE(is_same_person(a, "Juergen Gross", std::string("1970-02-01")));
  CHECK_FALSE(is_same_person(a, "Juergen Gross", std::nullopt));
  CHECK_FALSE(is_same_person(a, "Jürgen Klein", std::string("1970-01-31")));
  Account org;
  org.company_name = "Groß GmbH";
  CHECK_FALSE(is_same_person(org, "Groß GmbH", std::string("1970-01-31")));
}

TEST_CASE("an absence has begun on its first day") {
  CHECK(absence_has_begun(Date(2026, 11, 25), Date(2026, 11, 25)));
  CHECK(absence_has_begun(Date(2026, 11, 23), Date(2026, 11, 25)));
  CHECK_FALSE(absence_has_begun(Date(2026, 11, 26), Date(2026, 11, 25)));
}
