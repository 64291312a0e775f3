// Appointments as pure rules: slots from opening hours, duty and what keeps people busy; local
// times across daylight-saving changes; the iCalendar text; postal codes for "nearest first".
#include "config/settings.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/appointment_slots.hpp"
#include "domain/icalendar.hpp"
#include "domain/time_of_day.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace vrathaus;
using appointments::Clerk;

namespace {

constexpr int at(int h, int m = 0) { return h * 60 + m; }

std::string utc(const Date& day, int minute) { return format_rfc3339(local_time_to_utc("Europe/Berlin", day, minute)); }

}  // namespace

TEST_CASE("times of day, ranges and local date-times parse strictly") {
  CHECK(parse_time_of_day("08:30") == at(8, 30));
  CHECK(parse_time_of_day("24:00") == at(24));
  CHECK_FALSE(parse_time_of_day("24:01"));
  CHECK_FALSE(parse_time_of_day("8:30"));
  CHECK_FALSE(parse_time_of_day("08:60"));
  CHECK(parse_time_range("08:00-16:00") == TimeRange{at(8), at(16)});
  CHECK_FALSE(parse_time_range("16:00-08:00"));
  CHECK_FALSE(parse_time_range("08:00"));
  auto t = parse_local_date_time("2027-03-01T12:00");
  REQUIRE(t);
  CHECK(t->day == Date(2027, 3, 1));
  CHECK(t->minute == at(12));
  CHECK(parse_local_date_time("2027-03-01T12:00:00"));
  CHECK_FALSE(parse_local_date_time("2027-03-01 12:00"));
  CHECK_FALSE(parse_local_date_time("2027-03-01"));
  CHECK(parse_weekday("thu") == 4u);
  CHECK_FALSE(parse_weekday("Thursday"));
}

TEST_CASE("slots: every slot of the opening hours with someone on duty and not busy") {
  TimeRange opening{at(8), at(12)};
  std::vector<Clerk> clerks{{"a.full", opening, {}}, {"b.part", {at(8), at(10)}, {}}};
  auto slots = appointments::free_slots(opening, 15, clerks);
  REQUIRE(slots.size() == 16);
  CHECK(slots[0].free == std::vector<std::string>{"a.full", "b.part"});
  CHECK(slots[8].time == TimeRange{at(10), at(10, 15)});
  CHECK(slots[8].free == std::vector<std::string>{"a.full"});  // part-time ends at 10:00

  // A half-day absence and a booking make a person busy for those times only.
  clerks[0].busy = {{at(10), at(12)}, {at(8), at(8, 15)}};
  slots = appointments::free_slots(opening, 15, clerks);
  REQUIRE(slots.size() == 8);
  CHECK(slots[0].free == std::vector<std::string>{"b.part"});
  CHECK(slots.back().time.to == at(10));
  CHECK(appointments::free_for({at(11), at(11, 15)}, clerks).empty());
}

TEST_CASE("slots start on the grid of the opening hours and fit in them") {
  TimeRange opening{at(8), at(18)};
  CHECK(appointments::on_slot_grid(opening, 15, {at(14), at(14, 15)}));
  CHECK_FALSE(appointments::on_slot_grid(opening, 15, {at(14, 7), at(14, 22)}));
  CHECK_FALSE(appointments::on_slot_grid(opening, 15, {at(17, 50), at(18, 5)}));
  CHECK_FALSE(appointments::on_slot_grid(opening, 15, {at(7, 45), at(8)}));
  CHECK(appointments::free_slots(opening, 15, {}).empty());
}

TEST_CASE("local office times become UTC instants across daylight-saving changes") {
  // Spring forward on Sunday 2027-03-28: 02:00 CET → 03:00 CEST.
  CHECK(utc(Date(2027, 3, 26), at(8)) == "2027-03-26T07:00:00Z");
  CHECK(utc(Date(2027, 3, 28), at(1, 30)) == "2027-03-28T00:30:00Z");
  CHECK(utc(Date(2027, 3, 28), at(3, 30)) == "2027-03-28T01:30:00Z");
  CHECK(utc(Date(2027, 3, 28), at(2, 30)) == "2027-03-28T01:30:00Z");  // the skipped hour: as 03:30
  CHECK(utc(Date(2027, 3, 29), at(8)) == "2027-03-29T06:00:00Z");
  // Fall back on Sunday 2027-10-31: 03:00 CEST → 02:00 CET; 02:30 happens twice, the first counts.
  CHECK(utc(Date(2027, 10, 29), at(8)) == "2027-10-29T06:00:00Z");
  CHECK(utc(Date(2027, 10, 31), at(2, 30)) == "2027-10-31T00:30:00Z");
  CHECK(utc(Date(2027, 10, 31), at(12)) == "2027-10-31T11:00:00Z");
  CHECK(utc(Date(2027, 11, 1), at(8)) == "2027-11-01T07:00:00Z");
  // And back: the local day and minute of an instant.
  auto local = utc_to_local("Europe/Berlin", parse_instant("2027-03-28T01:30:00Z"));
  CHECK(local.day == Date(2027, 3, 28));
  CHECK(local.minute == at(3, 30));
  local = utc_to_local("Europe/Berlin", parse_instant("2026-12-31T23:30:00Z"));
  CHECK(local.day == Date(2027, 1, 1));
  CHECK(local.minute == at(0, 30));
  CHECK(format_rfc3339(local_time_to_utc("UTC", Date(2027, 3, 28), at(2, 30))) == "2027-03-28T02:30:00Z");
}

TEST_CASE("the iCalendar file: CRLF, folded lines, escaped text, the time zone") {
  CalendarEvent e;
  e.uid = "appointment-7@vrathaus";
  e.summary = "Termin Kontoaufwertung: Bezirksverwaltungsstelle Brackel; Raum 1, bitte pünktlich";
  e.location = std::string(100, 'x');
  e.start = local_time_to_utc("Europe/Berlin", Date(2027, 3, 29), at(8));
  e.end = e.start + std::chrono::minutes{15};
  e.stamp = local_time_to_utc("Europe/Berlin", Date(2026, 11, 25), at(10));
  auto text = icalendar(e);
  CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  CHECK(text.ends_with("END:VCALENDAR\r\n"));
  CHECK(text.find("DTSTART;TZID=Europe/Berlin:20270329T080000\r\n") != std::string::npos);
  CHECK(text.find("DTEND;TZID=Europe/Berlin:20270329T081500\r\n") != std::string::npos);
  CHECK(text.find("DTSTAMP:20261125T090000Z\r\n") != std::string::npos);
  CHECK(text.find("TZID:Europe/Berlin\r\n") != std::string::npos);
  // Unfolded (a CRLF and a space removed), the summary is there, escaped.
  std::string unfolded = text;
  for (auto fold = unfolded.find("\r\n "); fold != std::string::npos; fold = unfolded.find("\r\n ", fold))
    unfolded.erase(fold, 3);
  CHECK(unfolded.find("SUMMARY:Termin Kontoaufwertung: Bezirksverwaltungsstelle Brackel\\; Raum 1\\, bitte pünktlich\r\n") !=
        std::string::npos);
  CHECK(text.find("\r\n ") != std::string::npos);  // that long line was folded
  CHECK(text.find("STATUS:CONFIRMED\r\n") != std::string::npos);
  // Every line ends in CRLF, none is longer than 75 octets.
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; start = end + 2, end = text.find("\r\n", start)) {
    CHECK(end - start <= 75);
    CHECK(text.substr(start, end - start).find('\n') == std::string::npos);
  }
  CHECK(start == text.size());

  e.timezone = "UTC";
  e.cancelled = true;
  text = icalendar(e);
  CHECK(text.find("DTSTART:20270329T060000Z\r\n") != std::string::npos);
  CHECK(text.find("STATUS:CANCELLED\r\n") != std::string::npos);
  CHECK(text.find("VTIMEZONE") == std::string::npos);
}

TEST_CASE("folding never splits a UTF-8 character") {
  std::string line = "SUMMARY:" + std::string(66, 'a') + "ü" + "ö";  // ü would straddle octet 75
  auto folded = fold_line(line);
  CHECK(folded.find("\r\n ü") != std::string::npos);
  CHECK(folded.ends_with("ö\r\n"));
  CHECK(fold_line("SHORT").compare("SHORT\r\n") == 0);
}

TEST_CASE("postal codes rank offices nearest first; unknown ones last") {
  CHECK(appointments::postal_distance("44309", "44309") == 0);
  CHECK(appointments::postal_distance("44309", "44328") < appointments::postal_distance("44309", "44135"));
  CHECK(appointments::postal_distance("", "44309") > appointments::postal_distance("44135", "44309"));
}

TEST_CASE("city.appointments: kinds, opening hours, offices that differ; errors name the key") {
  auto city = parse_city_config("city:\n"
                                "  appointments:\n"
                                "    kinds: { upgrade: { slot_minutes: 20 } }\n"
                                "    hours: { thu: \"08:00-18:00\" }\n"
                                "    offices:\n"
                                "      brackel: { postal_code: \"44309\", hours: { fri: closed, sat: \"09:00-12:00\" } }\n",
                                "t.yaml");
  const auto& rules = city.appointments;
  CHECK(rules.kinds.at("upgrade").slot_minutes == 20);
  CHECK(rules.kinds.at("upgrade").cert == "identity-check");
  CHECK(rules.schedule_of("innenstadt").on(4) == TimeRange{at(8), at(18)});
  CHECK(rules.schedule_of("innenstadt").on(1) == TimeRange{at(8), at(16)});  // the default stays
  CHECK_FALSE(rules.schedule_of("innenstadt").on(6));
  const auto& brackel = rules.schedule_of("brackel");
  CHECK(brackel.postal_code == "44309");
  CHECK(brackel.on(4) == TimeRange{at(8), at(18)});  // from the city's hours
  CHECK_FALSE(brackel.on(5));
  CHECK(brackel.on(6) == TimeRange{at(9), at(12)});

  auto error = [](const std::string& yaml) {
    try {
      parse_city_config(yaml, "t.yaml");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::config);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error("city:\n  appointments:\n    hours: { mon: \"16:00-08:00\" }\n").find("city.appointments.hours.mon") !=
        std::string::npos);
  CHECK(error("city:\n  appointments:\n    hours: { monday: \"08:00-16:00\" }\n").find("monday") != std::string::npos);
  CHECK(error("city:\n  appointments:\n    kinds: { upgrade: { cert: lock-picking } }\n").find("cert") != std::string::npos);
  CHECK(error("city:\n  appointments:\n    offices: { brackel: { postal_code: \"443\" } }\n").find("postal_code") !=
        std::string::npos);
}
