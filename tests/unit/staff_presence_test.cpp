// Planned departures and transfers against a real (temporary) store: what the staff view shows,
// the one service hook that audits and warns, coverage, and who may still act at the counter.
#include "core/clock.hpp"
#include "service/acting_staff.hpp"
#include "service/certifications.hpp"
#include "service/coverage.hpp"
#include "service/offices.hpp"
#include "service/staff.hpp"
#include "service/staff_presence.hpp"
#include "service/staff_view.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

// Brackel (minimum 2) with two certified clerks; Hörde (minimum 1) with nobody. The clock stands
// on Wednesday 2026-11-25.
struct Fixture : test::TempStore {
  Fixture() {
    auto admin = as_local();
    add_office(admin, "brackel", "Bezirksverwaltungsstelle Brackel", 2);
    add_office(admin, "hoerde", "Bezirksverwaltungsstelle Hörde", 1);
    add_staff(admin, {"s.kruse", "Sabine Kruse", "brackel", {"clerk", "supervisor"}});
    add_staff(admin, {"b.krause", "Bernd Krause", "brackel", {"clerk"}});
    add_staff(admin, {"it.admin", "IT", "brackel", {"admin"}});
    certify_staff(admin, {"s.kruse", "identity-check", Date(2026, 1, 5), {}, ""});
    certify_staff(admin, {"b.krause", "identity-check", Date(2026, 1, 5), {}, ""});
  }
  std::vector<std::string> gap_offices(const Date& from, const Date& to) {
    auto ctx = as_local();
    CoverageQuery q;
    q.from = from;
    q.to = to;
    std::vector<std::string> out;
    auto report = coverage_report(ctx, q);
    for (const auto& g : report["gaps"])
      out.push_back(g["office"].get<std::string>() + " " + g["date"].get<std::string>());
    return out;
  }
};

}  // namespace

TEST_CASE("a planned departure: active until the day, audited, and the gap it opens is a warning") {
  Fixture f;
  auto supervisor = f.as("s.kruse");
  auto result = deactivate_staff(supervisor, "b.krause", "Ruhestand", Date(2026, 12, 3));  // a Thursday
  CHECK(result.staff.active);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].get<std::string>().find("brackel: below its minimum for identity-check") == 0);
  CHECK(f.audit_count("staff.deactivate") == 1);
  auto view = staff_view(supervisor, find_staff(supervisor, "b.krause"));
  CHECK(view["leaves_on"] == "2026-12-03");
  CHECK(view["active"] == true);

  // Coverage: counted until Wednesday, a gap from Thursday on (Hörde is short throughout).
  auto gaps = f.gap_offices(Date(2026, 12, 2), Date(2026, 12, 4));
  CHECK(gaps == std::vector<std::string>{"hoerde 2026-12-02", "brackel 2026-12-03", "hoerde 2026-12-03",
                                          "brackel 2026-12-04", "hoerde 2026-12-04"});

  // Past dates are refused; without a date it is today's deactivation, as always.
  CHECK(test::error_kind([&] { deactivate_staff(supervisor, "b.krause", "", Date(2026, 11, 24)); }) == ErrorKind::invalid);
  CHECK_FALSE(deactivate_staff(supervisor, "b.krause", "").staff.active);
}

TEST_CASE("once the departure day has come, the person can no longer act at the counter") {
  Fixture f;
  auto supervisor = f.as("s.kruse");
  deactivate_staff(supervisor, "b.krause", "", Date(2026, 11, 26));
  auto today = f.as_local();
  CHECK_FALSE(why_not_certified_today(today, "b.krause", "identity-check").has_value());
  auto later_clock = fixed_clock(parse_instant("2026-11-26T09:00:00Z"), "Europe/Berlin");
  Context later{*f.store, *later_clock, f.city, {}};
  later.actor.local_admin = true;
  auto why = why_not_certified_today(later, "b.krause", "identity-check");
  REQUIRE(why);
  CHECK(*why == "b.krause left on 2026-11-26");
}

TEST_CASE("a transfer: planned ahead it shows under transfers; coverage moves the person on the day") {
  Fixture f;
  auto supervisor = f.as("s.kruse");
  auto moved = move_staff(supervisor, "b.krause", "hoerde", Date(2026, 12, 3), "Versetzung");
  CHECK(moved.staff.office == "brackel");  // not yet
  REQUIRE(moved.warnings.size() == 1);
  CHECK(moved.warnings[0].get<std::string>().find("brackel:") == 0);
  CHECK(f.audit_count("staff.move") == 1);
  auto view = staff_view(supervisor, find_staff(supervisor, "b.krause"));
  CHECK(view["transfers"] == nlohmann::json::parse(R"([{"on": "2026-12-03", "from": "brackel", "to": "hoerde"}])"));
  auto gaps = f.gap_offices(Date(2026, 12, 2), Date(2026, 12, 3));
  CHECK(gaps == std::vector<std::string>{"hoerde 2026-12-02", "brackel 2026-12-03"});

  CHECK(test::error_kind([&] { move_staff(supervisor, "b.krause", "hoerde", Date(2026, 12, 3), ""); }) == ErrorKind::conflict);
  CHECK(test::error_kind([&] { move_staff(supervisor, "s.kruse", "hoerde", Date(2026, 12, 3), ""); }) == ErrorKind::forbidden);
  CHECK(test::error_kind([&] { move_staff(supervisor, "b.krause", "atlantis", Date(2026, 12, 10), ""); }) ==
        ErrorKind::not_found);
  // A move whose day has come changes the record at once.
  auto now = move_staff(supervisor, "it.admin", "hoerde", Date(2026, 11, 25), "");
  CHECK(now.staff.office == "hoerde");
  auto list = f.as_local();
  CHECK(list_staff_view(list, {.office = "hoerde"}).size() == 1);
}
