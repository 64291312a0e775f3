// Benchmark: `coverage` for 10 offices × 365 days × 1,000 staff with absences, target
// under 100 ms. Prints the median of several runs of (1) the pure computation and (2) the whole
// operation as `vrathaus coverage` runs it: loading the facts from a SQLite store and building
// the JSON report. No reference run: the target is absolute.
//
//   coverage_bench [--keep-store PATH]   leaves the generated store at PATH (for timing the CLI)
#include "core/clock.hpp"
#include "domain/coverage.hpp"
#include "service/coverage.hpp"
#include "store/store.hpp"
#include "median.hpp"

#include "store/sql/sql.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace vrathaus;

namespace {

constexpr int kOffices = 10, kStaff = 1000, kRuns = 11;
const Date kFrom{2026, 1, 1}, kTo{2026, 12, 31};
const std::set<Date> kHolidays{Date(2026, 1, 1), Date(2026, 4, 3),   Date(2026, 4, 6),   Date(2026, 5, 1),
                               Date(2026, 5, 14), Date(2026, 5, 25), Date(2026, 6, 4),   Date(2026, 10, 3),
                               Date(2026, 11, 1), Date(2026, 12, 25), Date(2026, 12, 26)};

// A city like Dortmund's: one central office needing 4, nine district offices needing 2, 100 staff
// each; about 7 % certified (7 a office: gaps happen) (some renewed, a few revoked, some expiring during the year), a
// few inactive, and everyone with five absences of 1–14 days over the year.
coverage::Request generate() {
  std::mt19937 rng(20261207);
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
  auto day_in = [&](Date from, int days) { return from.add_days(std::uniform_int_distribution<>(0, days - 1)(rng)); };
  const char* reasons[] = {"holiday", "illness", "training"};

  coverage::Request r;
  r.cert = "identity-check";
  r.from = kFrom;
  r.to = kTo;
  r.horizon_days = 90;
  r.holidays = kHolidays;
  for (int o = 0; o < kOffices; ++o) r.offices.push_back({"office-" + std::to_string(o), o == 0 ? 4 : 2});
  for (int i = 0; i < kStaff; ++i) {
    coverage::StaffFacts s;
    s.id = "staff-" + std::to_string(1000 + i);
    s.office = r.offices[std::size_t(i % kOffices)].code;
    s.active = !chance(0.03);
    if (chance(0.07)) {
      auto granted = day_in(Date(2023, 6, 1), 940);
      CertificationPeriod c{r.cert, granted, validity_end(granted, 24), std::nullopt};
      if (chance(0.02)) c.revoked_on = day_in(granted, 400);
      s.certifications.push_back(c);
      if (chance(0.3)) {
        auto renewed = c.valid_until.add_days(-std::uniform_int_distribution<>(0, 30)(rng));
        s.certifications.push_back({r.cert, renewed, validity_end(renewed, 24), std::nullopt});
      }
    }
    std::vector<AbsencePeriod> absences;
    for (int a = 0; a < 5; ++a) {
      auto from = day_in(kFrom.add_days(-10), 375);
      AbsencePeriod added{std::int64_t(a + 1), from, from.add_days(std::uniform_int_distribution<>(0, 13)(rng)),
                          reasons[std::uniform_int_distribution<>(0, 2)(rng)]};
      // Stored absences never overlap: merge as the service does.
      auto merge = merge_absence(absences, added);
      std::erase_if(absences, [&](const AbsencePeriod& x) {
        return std::find(merge.absorbed.begin(), merge.absorbed.end(), x.id) != merge.absorbed.end();
      });
      merge.merged.id = added.id;
      absences.push_back(merge.merged);
    }
    s.absences = std::move(absences);
    r.staff.push_back(std::move(s));
  }
  return r;
}

void fill_store(Store& store, const coverage::Request& r) {
  store.write_transaction([&] {
    auto& db = store.db();
    const std::string now = "2026-01-01T08:00:00Z";
    sql::Statement office(db, "INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES (?,?,?,?,?)");
    for (const auto& o : r.offices) {
      office.reset();
      office.bind(1, o.code);
      office.bind(2, "Office " + o.code);
      office.bind(3, o.required);
      office.bind(4, now);
      office.bind(5, now);
      office.exec();
    }
    sql::Statement staff(db, "INSERT INTO staff(id, name, office, roles, active, created_at, updated_at) VALUES (?,?,?,'clerk',?,?,?)");
    sql::Statement cert(db, "INSERT INTO certifications(staff, kind, granted_on, valid_until, revoked_on, granted_by, created_at)"
                               " VALUES (?,?,?,?,?,'bench',?)");
    sql::Statement absence(db, "INSERT INTO absences(staff, from_date, to_date, reason, created_by, created_at, updated_at)"
                                  " VALUES (?,?,?,?,'bench',?,?)");
    for (const auto& s : r.staff) {
      staff.reset();
      staff.bind(1, s.id);
      staff.bind(2, s.id);
      staff.bind(3, s.office);
      staff.bind(4, s.active ? 1 : 0);
      staff.bind(5, now);
      staff.bind(6, now);
      staff.exec();
      for (const auto& c : s.certifications) {
        cert.reset();
        cert.bind(1, s.id);
        cert.bind(2, c.kind);
        cert.bind(3, c.granted_on.str());
        cert.bind(4, c.valid_until.str());
        if (c.revoked_on)
          cert.bind(5, c.revoked_on->str());
        else
          cert.bind(5);
        cert.bind(6, now);
        cert.exec();
      }
      for (const auto& a : s.absences) {
        absence.reset();
        absence.bind(1, s.id);
        absence.bind(2, a.from.str());
        absence.bind(3, a.to.str());
        absence.bind(4, a.reason);
        absence.bind(5, now);
        absence.bind(6, now);
        absence.exec();
      }
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string keep = argc == 3 && std::string(argv[1]) == "--keep-store" ? argv[2] : "";
  auto request = generate();
  std::size_t certs = 0, absences = 0;
  for (const auto& s : request.staff) certs += s.certifications.size(), absences += s.absences.size();
  std::printf("coverage benchmark: %d offices x %ld days x %d staff, %zu certifications, %zu absences, horizon %d days\n",
              kOffices, kFrom.days_until(kTo) + 1, kStaff, certs, absences, request.horizon_days);

  coverage::Report report;
  double pure = bench::median_ms(kRuns, [&] { report = coverage::compute(request); });
  std::printf("  domain/coverage compute (pure):            median %8.2f ms of %d runs  -> %zu gaps, %zu expiring\n", pure,
              kRuns, report.gaps.size(), report.expiring.size());

  auto path = keep.empty() ? (std::filesystem::temp_directory_path() / ("coverage-bench-" + std::to_string(::getpid()) + ".db")).string()
                           : keep;
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  double service = 0;
  {
    Store store(path, OpenMode::create, 5000);
    store.migrate();
    fill_store(store, request);
    CityConfig city;
    city.holidays = kHolidays;
    auto clock = fixed_clock(parse_instant("2026-01-01T08:00:00Z"), "Europe/Berlin");
    Context ctx{store, *clock, city, {}};
    ctx.actor.id = "local:bench";
    ctx.actor.local_admin = true;
    CoverageQuery q;
    q.from = kFrom;
    q.to = kTo;
    nlohmann::json out;
    service = bench::median_ms(kRuns, [&] { store.read_transaction([&] { out = coverage_report(ctx, q); }); });
    std::printf("  coverage report (load store + compute + JSON): median %8.2f ms of %d runs  -> %zu gaps\n", service,
                kRuns, out["gaps"].size());
  }
  if (keep.empty())
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  else
    std::printf("  store kept at %s\n", keep.c_str());
  std::printf("  target: under 100 ms -> %s\n", std::max(pure, service) < 100 ? "met" : "NOT met");
  return 0;
}
