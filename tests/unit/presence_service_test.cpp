// Certifications, absences, presence and the coverage report against a real (temporary) store.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/absences.hpp"
#include "service/certifications.hpp"
#include "service/coverage.hpp"
#include "service/offices.hpp"
#include "service/presence.hpp"
#include "service/staff.hpp"
#include "service/staff_view.hpp"
#include "store/store.hpp"
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace vrathaus;

namespace {

// A fresh store with Innenstadt (4), Hörde and Brackel (2), an admin, a supervisor and clerks.
// The clock stands on Wednesday 2026-11-25.
struct Fixture : test::TempStore {
  Fixture() {
    city.holidays = {Date(2026, 12, 25)};
    auto admin = as_local();
    add_office(admin, "innenstadt", "Bürgerdienste Innenstadt", 4);
    add_office(admin, "hoerde", "Bezirksverwaltungsstelle Hörde", 2);
    add_office(admin, "brackel", "Bezirksverwaltungsstelle Brackel", 2);
    add_staff(admin, {"s.kruse", "Sabine Kruse", "innenstadt", {"clerk", "supervisor"}});
    add_staff(admin, {"m.weber", "Max Weber", "innenstadt", {"clerk"}});
    add_staff(admin, {"b.krause", "Birgit Krause", "brackel", {"clerk"}});
    add_staff(admin, {"portal", "Portal", "", {"portal"}});
  }
};

ErrorKind kind_of(const std::function<void()>& work) { return test::error_kind(work); }

}  // namespace

TEST_CASE("certify: who may, defaults from config, and what is refused") {
  Fixture f;
  auto clerk = f.as("m.weber");
  CHECK_FALSE(Fixture::may_run(clerk, "staff.certify", {{"id", "b.krause"}}));

  auto supervisor = f.as("s.kruse");
  auto row = certify_staff(supervisor, {"b.krause", "identity-check", Date(2026, 1, 15), {}, "s.kruse"});
  CHECK(row.period.valid_until == Date(2028, 1, 14));  // 24 months by default
  CHECK(row.trainer == "s.kruse");
  CHECK(row.granted_by == "s.kruse");
  CHECK(f.audit_count("staff.certify") == 1);

  CHECK(kind_of([&] { certify_staff(supervisor, {"b.krause", "identity-check", Date(2026, 1, 15), {}, ""}); }) ==
        ErrorKind::conflict);
  CHECK(kind_of([&] { certify_staff(supervisor, {"b.krause", "no-such-kind", {}, {}, ""}); }) == ErrorKind::invalid);
  CHECK(kind_of([&] { certify_staff(supervisor, {"b.krause", "identity-check", Date(2026, 11, 26), {}, ""}); }) ==
        ErrorKind::invalid);
  CHECK(kind_of([&] { certify_staff(supervisor, {"m.weber", "identity-check", Date(2026, 11, 1), Date(2026, 10, 1), ""}); }) ==
        ErrorKind::invalid);
  CHECK(kind_of([&] { certify_staff(supervisor, {"s.kruse", "identity-check", {}, {}, ""}); }) == ErrorKind::forbidden);
  CHECK(kind_of([&] { certify_staff(supervisor, {"portal", "identity-check", {}, {}, ""}); }) == ErrorKind::conflict);
  CHECK(kind_of([&] { certify_staff(supervisor, {"nobody", "identity-check", {}, {}, ""}); }) == ErrorKind::not_found);
  CHECK(kind_of([&] { certify_staff(supervisor, {"m.weber", "identity-check", {}, {}, "m.weber"}); }) == ErrorKind::invalid);
  CHECK(f.audit_count("staff.certify") == 1);
}

TEST_CASE("holds_certification follows grant, expiry and revocation") {
  Fixture f;
  auto supervisor = f.as("s.kruse");
  certify_staff(supervisor, {"m.weber", "identity-check", Date(2025, 1, 10), Date(2026, 12, 31), ""});
  CHECK_FALSE(holds_certification(supervisor, "m.weber", "identity-check", Date(2025, 1, 9)));
  CHECK(holds_certification(supervisor, "m.weber", "identity-check", Date(2026, 11, 25)));
  CHECK(holds_certification(supervisor, "m.weber", "identity-check", Date(2026, 12, 31)));
  CHECK_FALSE(holds_certification(supervisor, "m.weber", "identity-check", Date(2027, 1, 1)));
  CHECK_FALSE(holds_certification(supervisor, "m.weber", "authority-accounts", Date(2026, 11, 25)));

  auto weber = f.as("m.weber");
  CHECK_FALSE(Fixture::may_run(weber, "staff.revoke_cert", {{"id", "m.weber"}, {"cert", "identity-check"}}));
  CHECK(kind_of([&] { revoke_certification(supervisor, "m.weber", "identity-check", " "); }) == ErrorKind::invalid);
  auto revoked = revoke_certification(supervisor, "m.weber", "identity-check", "left the counter").revoked;
  REQUIRE(revoked.size() == 1);
  CHECK(revoked[0].period.revoked_on == Date(2026, 11, 25));
  CHECK(holds_certification(supervisor, "m.weber", "identity-check", Date(2026, 11, 24)));  // history stays
  CHECK_FALSE(holds_certification(supervisor, "m.weber", "identity-check", Date(2026, 11, 25)));
  CHECK(kind_of([&] { revoke_certification(supervisor, "m.weber", "identity-check", "again"); }) == ErrorKind::conflict);

  auto view = staff_view(supervisor, find_staff(supervisor, "m.weber"));
  REQUIRE(view["certifications"].size() == 1);
  const auto& c = view["certifications"][0];
  CHECK(c["kind"] == "identity-check");
  CHECK(c["granted_on"] == "2025-01-10");
  CHECK(c["valid_until"] == "2026-12-31");
  CHECK(c["revoked"] == true);
  CHECK(c["status"] == "revoked");
  CHECK(f.audit_count("staff.revoke_cert") == 1);
}

TEST_CASE("absences: the person or a supervisor records them; overlapping ones merge in the store") {
  Fixture f;
  auto self = f.as("b.krause");
  auto first = add_absence(self, {"b.krause", Date(2026, 12, 7), Date(2026, 12, 11), "holiday"});
  CHECK(first.changed);
  auto clerk = f.as("m.weber");
  CHECK_FALSE(Fixture::may_run(clerk, "staff.absence_add", {{"id", "b.krause"}}));
  CHECK(Fixture::may_run(self, "staff.absence_add", {{"id", "b.krause"}}));
  CHECK(kind_of([&] { add_absence(self, {"b.krause", Date(2026, 12, 9), Date(2026, 12, 8), "holiday"}); }) == ErrorKind::invalid);
  CHECK(kind_of([&] { add_absence(self, {"b.krause", Date(2026, 12, 9), Date(2026, 12, 9), "party"}); }) == ErrorKind::invalid);

  auto supervisor = f.as("s.kruse");
  auto merged = add_absence(supervisor, {"b.krause", Date(2026, 12, 10), Date(2026, 12, 15), "illness"});
  CHECK(merged.changed);
  CHECK(merged.merged == std::vector<std::int64_t>{first.absence.period.id});
  CHECK(merged.absence.period.id == first.absence.period.id);
  CHECK(merged.absence.period.from == Date(2026, 12, 7));
  CHECK(merged.absence.period.to == Date(2026, 12, 15));
  CHECK(merged.absence.period.reason == "holiday,illness");
  CHECK(merged.absence.created_by == "b.krause");

  auto again = add_absence(supervisor, {"b.krause", Date(2026, 12, 8), Date(2026, 12, 9), "holiday"});
  CHECK_FALSE(again.changed);
  CHECK(list_absences(supervisor, "b.krause", {}, {}).size() == 1);
  CHECK(f.audit_count("staff.absence") == 2);

  CHECK(is_absent(supervisor, "b.krause", Date(2026, 12, 15)));
  CHECK_FALSE(is_absent(supervisor, "b.krause", Date(2026, 12, 16)));
  CHECK_FALSE(is_absent(supervisor, "m.weber", Date(2026, 12, 8)));

  CHECK(kind_of([&] { remove_absence(supervisor, "m.weber", merged.absence.period.id, ""); }) == ErrorKind::not_found);
  remove_absence(self, "b.krause", merged.absence.period.id, "plans changed");
  CHECK_FALSE(is_absent(supervisor, "b.krause", Date(2026, 12, 8)));
  CHECK(f.audit_count("staff.absence_remove") == 1);
}

TEST_CASE("an absence that has begun is removed by a supervisor, never by the absent person") {
  Fixture f;
  auto self = f.as("b.krause");
  auto begun = add_absence(self, {"b.krause", Date(2026, 11, 23), Date(2026, 11, 27), "illness"}).absence;
  CHECK(kind_of([&] { remove_absence(self, "b.krause", begun.period.id, "doch da"); }) == ErrorKind::forbidden);
  CHECK(is_absent(self, "b.krause", Date(2026, 11, 25)));
  auto clerk = f.as("m.weber");
  CHECK(kind_of([&] { remove_absence(clerk, "b.krause", begun.period.id, "x"); }) == ErrorKind::forbidden);
  // A supervisor is refused for their own begun absence too.
  auto supervisor = f.as("s.kruse");
  auto own = add_absence(supervisor, {"s.kruse", Date(2026, 11, 25), Date(2026, 11, 25), "training"}).absence;
  CHECK(kind_of([&] { remove_absence(supervisor, "s.kruse", own.period.id, "x"); }) == ErrorKind::forbidden);
  remove_absence(supervisor, "b.krause", begun.period.id, "Krankmeldung zurückgenommen");
  CHECK_FALSE(is_absent(supervisor, "b.krause", Date(2026, 11, 25)));
}

TEST_CASE("staff: separation of duties and the last admin") {
  Fixture f;
  auto local = f.as_local();
  add_staff(local, {"it.admin", "IT", "innenstadt", {"admin"}});
  auto admin = f.as("it.admin");
  auto supervisor = f.as("s.kruse");
  StaffChange promote;
  promote.roles = std::vector<std::string>{"clerk", "supervisor"};
  CHECK(kind_of([&] { update_staff(supervisor, "m.weber", promote); }) == ErrorKind::forbidden);
  CHECK(update_staff(admin, "m.weber", promote).roles == std::set<std::string>{"clerk", "supervisor"});
  StaffChange own;
  own.name = "Sabine K.";
  CHECK(kind_of([&] { update_staff(supervisor, "s.kruse", own); }) == ErrorKind::forbidden);
  StaffChange mixed;
  mixed.roles = std::vector<std::string>{"clerk", "portal"};
  CHECK(kind_of([&] { update_staff(admin, "m.weber", mixed); }) == ErrorKind::forbidden);
  CHECK(kind_of([&] { add_staff(supervisor, {"x.y", "X Y", "innenstadt", {"auditor"}}); }) == ErrorKind::forbidden);
  CHECK(add_staff(supervisor, {"x.y", "X Y", "innenstadt", {"clerk"}, "1990-01-01"}).birth_date == "1990-01-01");
  CHECK(kind_of([&] { deactivate_staff(supervisor, "it.admin", "x"); }) == ErrorKind::forbidden);
  CHECK(kind_of([&] { deactivate_staff(admin, "it.admin", "x"); }) == ErrorKind::forbidden);
  StaffChange demote;
  demote.roles = std::vector<std::string>{"clerk"};
  CHECK(kind_of([&] { update_staff(local, "it.admin", demote); }) == ErrorKind::forbidden);
  CHECK(kind_of([&] { deactivate_staff(local, "it.admin", "x"); }) == ErrorKind::forbidden);
  add_staff(admin, {"it.two", "IT 2", "innenstadt", {"admin"}});
  CHECK(update_staff(local, "it.admin", demote).roles == std::set<std::string>{"clerk"});
  CHECK(kind_of([&] { revoke_certification(supervisor, "s.kruse", "identity-check", "x"); }) == ErrorKind::forbidden);
}

TEST_CASE("the coverage report and offices available use the stable field names") {
  Fixture f;
  auto admin = f.as_local();
  for (auto id : {"i.one", "i.two", "i.three"}) add_staff(admin, {id, id, "innenstadt", {"clerk"}});
  for (auto id : {"s.kruse", "i.one", "i.two", "i.three", "b.krause"})
    certify_staff(admin, {id, "identity-check", Date(2025, 6, 1), {}, ""});
  add_absence(admin, {"b.krause", Date(2026, 12, 7), Date(2026, 12, 11), "holiday"});

  auto available = available_offices(admin, Date(2026, 12, 7), "identity-check");
  REQUIRE(available["items"].size() == 1);
  const auto& row = available["items"][0];
  CHECK(row["code"] == "innenstadt");
  CHECK(row["date"] == "2026-12-07");
  CHECK(row["certified_present"] == 4);
  CHECK(row["min_certified"] == 4);
  CHECK(row["staff"] == nlohmann::json({"i.one", "i.three", "i.two", "s.kruse"}));

  CoverageQuery q;
  q.from = q.to = Date(2026, 12, 7);
  auto report = coverage_report(admin, q);
  CHECK(report["ok"] == false);
  CHECK(report["from"] == "2026-12-07");
  CHECK(report["to"] == "2026-12-07");
  REQUIRE(report["gaps"].size() == 2);
  CHECK(report["gaps"][0]["office"] == "brackel");
  CHECK(report["gaps"][0]["present"] == 0);
  CHECK(report["gaps"][0]["required"] == 2);
  CHECK(report["gaps"][0]["missing"][0] == nlohmann::json({{"staff", "b.krause"}, {"why", "absent"}, {"reason", "holiday"},
                                                           {"absent_until", "2026-12-11"}}));
  CHECK(report["gaps"][1]["office"] == "hoerde");
  CHECK(report["expiring"].is_array());

  q.office = "innenstadt";
  CHECK(coverage_report(admin, q)["ok"] == true);
  q.office = "nowhere";
  CHECK(kind_of([&] { coverage_report(admin, q); }) == ErrorKind::not_found);
  q.office.clear();
  q.to = Date(2026, 12, 6);
  CHECK(kind_of([&] { coverage_report(admin, q); }) == ErrorKind::invalid);
}
