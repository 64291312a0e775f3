// Benchmark: `appointments slots` across 10 offices × 60 days × 1,000 staff, target under 100 ms.
// The store holds 10 offices of 100 staff, a third of them certified, a fifth part-time, whole-day
// and half-day absences, and two months of bookings (about half of every certified clerk's
// slots taken). Prints the median time of one `appointments slots` call as the CLI runs it
// (load from the store, compute, JSON): for one office and a day, and across every office for a
// day with a postal code (nearest first), over each of the 60 days. No reference run: the target
// is absolute.
#include "core/clock.hpp"
#include "service/appointments.hpp"
#include "store/store.hpp"

#include "store/sql/sql.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace vrathaus;

namespace {

constexpr int kOffices = 10, kStaff = 1000, kDays = 60;
const Date kFirst{2027, 1, 4};  // a Monday
const std::string kNow = "2027-01-01T08:00:00Z";

std::string office_code(int o) { return "office-" + std::to_string(o); }

CityConfig city() {
  CityConfig c;
  for (int o = 0; o < kOffices; ++o) {
    auto schedule = c.appointments.default_office;
    schedule.postal_code = std::to_string(44100 + 25 * o);
    c.appointments.offices[office_code(o)] = schedule;
  }
  return c;
}

struct Insert {
  sql::Statement q;
  Insert(sql::Connection& db, const char* sql) : q(db, sql) {}
  template <typename... Values>
  void operator()(const Values&... values) {
    q.reset();
    int i = 0;
    (q.bind(++i, values), ...);
    q.exec();
  }
};

std::size_t fill_store(Store& store, const CityConfig& c) {
  std::mt19937 rng(20261210);
  auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
  std::size_t booked = 0;
  store.db().exec("PRAGMA foreign_keys=OFF");  // appointments name accounts the bench does not create
  store.write_transaction([&] {
    auto& db = store.db();
    Insert office(db, "INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES (?,?,2,?,?)");
    Insert staff(db, "INSERT INTO staff(id, name, office, roles, active, created_at, updated_at) VALUES (?,?,?,'clerk',1,?,?)");
    Insert cert(db, "INSERT INTO certifications(staff, kind, granted_on, valid_until, granted_by, created_at)"
                    " VALUES (?,'identity-check','2026-01-05','2028-01-04','bench',?)");
    Insert duty(db, "INSERT INTO duty_hours(staff, weekday, from_time, to_time) VALUES (?,?,?,?)");
    Insert absence(db, "INSERT INTO absences(staff, from_date, to_date, reason, created_by, created_at, updated_at, from_time, to_time)"
                       " VALUES (?,?,?,'holiday','bench',?,?,?,?)");
    Insert whole_absence(db, "INSERT INTO absences(staff, from_date, to_date, reason, created_by, created_at, updated_at)"
                             " VALUES (?,?,?,'holiday','bench',?,?)");
    Insert appointment(db, "INSERT INTO appointments(account_id, office, kind, local_date, starts_at, ends_at, staff, status,"
                           " booked_by, booked_at, updated_at) VALUES (?,?,'upgrade',?,?,?,?,'booked','bench',?,?)");
    for (int o = 0; o < kOffices; ++o) office(office_code(o), "Office " + std::to_string(o), kNow, kNow);
    std::int64_t account = 1;
    for (int i = 0; i < kStaff; ++i) {
      auto id = "staff-" + std::to_string(1000 + i);
      auto code = office_code(i % kOffices);
      staff(id, id, code, kNow, kNow);
      if (!chance(1.0 / 3)) continue;
      cert(id, kNow);
      bool part_time = chance(0.2);
      if (part_time)
        for (int d = 1; d <= 5; ++d) duty(id, d, std::string("08:00"), std::string("12:00"));
      auto start = kFirst.add_days(std::uniform_int_distribution<>(0, kDays)(rng));
      whole_absence(id, start.str(), start.add_days(std::uniform_int_distribution<>(0, 9)(rng)).str(), kNow, kNow);
      auto half = kFirst.add_days(std::uniform_int_distribution<>(0, kDays)(rng));
      absence(id, half.str(), half.str(), kNow, kNow, std::string("12:00"), std::string("16:00"));
      for (int d = 0; d < kDays; ++d) {
        auto day = kFirst.add_days(d);
        if (day.iso_weekday() > 5) continue;
        const auto& hours = *c.appointments.schedule_of(code).on(day.iso_weekday());
        int end = part_time ? 12 * 60 : hours.to;
        for (int m = hours.from; m + 15 <= end; m += 15) {
          if (!chance(0.5)) continue;
          appointment(account++, code, day.str(), format_rfc3339(local_time_to_utc("Europe/Berlin", day, m)),
                      format_rfc3339(local_time_to_utc("Europe/Berlin", day, m + 15)), id, kNow, kNow);
          ++booked;
        }
      }
    }
  });
  store.db().exec("PRAGMA foreign_keys=ON");
  return booked;
}

double median(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

double ms_of(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main() {
  auto path = (std::filesystem::temp_directory_path() / ("appointments-bench-" + std::to_string(::getpid()) + ".db")).string();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto c = city();
  {
    Store store(path, OpenMode::create, 5000);
    store.migrate();
    auto booked = fill_store(store, c);
    std::printf("appointments slots benchmark: %d offices x %d days x %d staff, %zu booked appointments\n", kOffices, kDays,
                kStaff, booked);
    auto clock = fixed_clock(parse_instant(kNow), "Europe/Berlin");
    Context ctx{store, *clock, c, {}};
    ctx.actor.id = "local:bench";
    ctx.actor.local_admin = true;
    std::vector<double> one_office, every_office;
    std::size_t slots_one = 0, slots_all = 0;
    for (int d = 0; d < kDays; ++d) {
      auto day = kFirst.add_days(d);
      nlohmann::json out;
      one_office.push_back(ms_of([&] {
        store.read_transaction([&] { out = appointment_slots(ctx, {.office = "office-3", .date = day, .kind = "upgrade", .postal_code = ""}); });
      }));
      slots_one += out["items"].size();
      every_office.push_back(ms_of([&] {
        store.read_transaction([&] { out = appointment_slots(ctx, {.office = "", .date = day, .kind = "upgrade", .postal_code = "44180"}); });
      }));
      slots_all += out["items"].size();
    }
    double one = median(one_office), all = median(every_office);
    std::printf("  slots --office office-3 --date D:            median %8.2f ms over %d days (max %.2f) -> %zu slots\n", one,
                kDays, *std::max_element(one_office.begin(), one_office.end()), slots_one);
    std::printf("  slots --date D --postal-code (every office): median %8.2f ms over %d days (max %.2f) -> %zu slots\n", all,
                kDays, *std::max_element(every_office.begin(), every_office.end()), slots_all);
    std::printf("  target: under 100 ms -> %s\n", std::max(one, all) < 100 ? "met" : "NOT met");
  }
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return 0;
}
