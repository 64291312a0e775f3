// What the coverage report and the training plan read from the store, read in one pass per table:
// everyone's absences come by day rather than by person, and every session's enrolments in one
// query. These check that each person and each session still gets exactly its own rows, in order.
#include "service/coverage.hpp"
#include "store/training_rows.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace vrathaus;

namespace {

// Two offices, three clerks; rows are written with SQL so that their table order differs from
// day order and from person order.
struct Fixture : test::TempStore {
  Fixture() {
    auto& db = store->db();
    db.exec("INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES "
            "('hoerde', 'Hörde', 2, 'x', 'x'), ('brackel', 'Brackel', 2, 'x', 'x')");
    db.exec("INSERT INTO staff(id, name, office, roles, active, created_at, updated_at) VALUES "
            "('c.zander', 'Carla Zander', 'hoerde', 'clerk', 1, 'x', 'x'), "
            "('a.becker', 'Anna Becker', 'hoerde', 'clerk', 1, 'x', 'x'), "
            "('b.krause', 'Birgit Krause', 'brackel', 'clerk', 1, 'x', 'x')");
  }
  void absence(const std::string& staff, const std::string& from, const std::string& to, const std::string& reason,
               const std::string& part = "NULL") {
    store->db().exec("INSERT INTO absences(staff, from_date, to_date, reason, created_by, created_at, updated_at, from_time, "
                     "to_time) VALUES ('" + staff + "', '" + from + "', '" + to + "', '" + reason + "', 'x', 'x', 'x', " +
                     part + ", " + part + ")");
  }
};

const coverage::StaffFacts& facts_of(const coverage::Request& r, const std::string& id) {
  for (const auto& s : r.staff)
    if (s.id == id) return s;
  FAIL("no facts for " << id);
  return r.staff.front();
}

std::vector<std::string> days(const coverage::StaffFacts& s) {
  std::vector<std::string> out;
  for (const auto& a : s.absences) out.push_back(a.from.str() + ".." + a.to.str() + " " + a.reason);
  return out;
}

}  // namespace

TEST_CASE("coverage facts: each person gets their own whole-day absences in the period, in day order") {
  Fixture f;
  f.absence("a.becker", "2027-02-01", "2027-02-05", "holiday");
  f.absence("c.zander", "2026-12-21", "2027-01-08", "holiday");
  f.absence("a.becker", "2026-12-01", "2026-12-02", "illness");
  f.absence("b.krause", "2026-12-28", "2026-12-30", "training");
  f.absence("a.becker", "2026-12-14", "2026-12-14", "holiday", "'08:00'");  // half a day: not counted
  f.absence("a.becker", "2026-11-02", "2026-11-20", "holiday");             // over before the period
  f.absence("c.zander", "2026-11-20", "2026-11-26", "illness");             // began before it, ends inside
  f.absence("b.krause", "2027-03-01", "2027-03-02", "holiday");             // begins after it

  auto ctx = f.as_local();
  auto all = load_coverage_facts(ctx, "identity-check", "", Date(2026, 11, 25), Date(2027, 2, 28));
  CHECK(days(facts_of(all, "a.becker")) ==
        std::vector<std::string>{"2026-12-01..2026-12-02 illness", "2027-02-01..2027-02-05 holiday"});
  CHECK(days(facts_of(all, "c.zander")) ==
        std::vector<std::string>{"2026-11-20..2026-11-26 illness", "2026-12-21..2027-01-08 holiday"});
  CHECK(days(facts_of(all, "b.krause")) == std::vector<std::string>{"2026-12-28..2026-12-30 training"});
  for (const auto& s : all.staff)
    for (const auto& a : s.absences) CHECK(a.id > 0);

  auto hoerde = load_coverage_facts(ctx, "identity-check", "hoerde", Date(2026, 11, 25), Date(2027, 2, 28));
  CHECK(hoerde.staff.size() == 2);  // Brackel's clerk and her absences are not read
  CHECK(days(facts_of(hoerde, "a.becker")).size() == 2);
}

TEST_CASE("training sessions: each chosen session gets its own enrolments, by staff") {
  Fixture f;
  auto& db = f.store->db();
  db.exec("INSERT INTO training_sessions(id, cert, on_date, trainer, capacity, office, created_by, created_at) VALUES "
          "(1, 'identity-check', '2027-01-20', 'a.becker', 4, NULL, 'x', 'x'), "
          "(2, 'identity-check', '2026-12-10', 'a.becker', 4, 'hoerde', 'x', 'x'), "
          "(3, 'authority-accounts', '2026-12-15', 'a.becker', 4, NULL, 'x', 'x'), "
          "(4, 'identity-check', '2026-10-01', 'a.becker', 4, NULL, 'x', 'x'), "
          "(5, 'identity-check', '2027-02-01', 'a.becker', 4, NULL, 'x', 'x')");
  db.exec("INSERT INTO training_enrolments(session_id, staff, outcome, enrolled_by, enrolled_at) VALUES "
          "(1, 'c.zander', NULL, 'x', 'x'), (3, 'c.zander', NULL, 'x', 'x'), (2, 'b.krause', NULL, 'x', 'x'), "
          "(1, 'b.krause', NULL, 'x', 'x'), (4, 'c.zander', 'passed', 'x', 'x'), (2, 'a.becker', NULL, 'x', 'x')");

  auto enrolled = [](const SessionRow& s) {
    std::vector<std::string> out;
    for (const auto& e : s.enrolments) out.push_back(e.staff + (e.outcome.empty() ? "" : ":" + e.outcome));
    return out;
  };
  auto upcoming = load_sessions(db, "identity-check", Date(2026, 11, 25));
  REQUIRE(upcoming.size() == 3);  // by date: 2, 1, 5
  CHECK(upcoming[0].id == 2);
  CHECK(enrolled(upcoming[0]) == std::vector<std::string>{"a.becker", "b.krause"});
  CHECK(upcoming[1].id == 1);
  CHECK(enrolled(upcoming[1]) == std::vector<std::string>{"b.krause", "c.zander"});
  CHECK(upcoming[2].id == 5);
  CHECK(upcoming[2].enrolments.empty());

  auto every = load_sessions(db);
  REQUIRE(every.size() == 5);
  CHECK(every[0].id == 4);
  CHECK(enrolled(every[0]) == std::vector<std::string>{"c.zander:passed"});
  CHECK(enrolled(*load_session(db, 3)) == std::vector<std::string>{"c.zander"});
}
