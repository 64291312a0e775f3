// `vrathaus appointments …`: free slots, booking, cancelling, listing, the iCalendar file, and
// the appointments at risk (the cron job).
#include "common.hpp"

#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kSlotColumns{{"office", "date", "start", "end", "free"}};
const Columns kAppointmentColumns{{"id", "account_id", "office", "date", "start", "staff", "status"}};

struct AppointmentOptions {
  std::string office, date, kind, postal_code, account, at, reason, staff;
  std::int64_t id = 0;
  bool dry_run = false;
};

void add_booking_commands(CLI::App* group, Session& session, const std::shared_ptr<AppointmentOptions>& o) {
  auto* book = group->add_subcommand("book", "Book an appointment with a certified clerk who is free then");
  book->add_option("account", o->account, "Account id or login (the portal names the login)")->required();
  book->add_option("--office", o->office, "Office code")->required();
  book->add_option("--at", o->at, "Local start time, e.g. 2026-12-10T14:00 (or RFC 3339 UTC)")->required();
  book->add_option("--kind", o->kind, "Kind of appointment (default upgrade)");
  add_dry_run(book, o->dry_run);
  examples(book, "  vrathaus appointments book 42 --office brackel --at 2026-12-10T14:00");
  book->callback([&session, o] {
    nlohmann::json p{{"account", o->account}, {"office", o->office}, {"at", o->at}};
    put(p, "kind", o->kind);
    call_and_print(session, "appointments.book", p, {}, o->dry_run);
  });

  auto* cancel = group->add_subcommand("cancel", "Cancel an open appointment");
  cancel->add_option("id", o->id, "Appointment number")->required();
  cancel->add_option("--reason", o->reason, "Why")->required();
  cancel->add_option("--account", o->account, "The account's login (the portal acts only for it)");
  add_dry_run(cancel, o->dry_run);
  cancel->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"reason", o->reason}};
    put(p, "account", o->account);
    call_and_print(session, "appointments.cancel", p, {}, o->dry_run);
  });
}

void add_reading_commands(CLI::App* group, Session& session, const std::shared_ptr<AppointmentOptions>& o) {
  auto* slots = group->add_subcommand("slots", "Free slots on a day; without --office the earliest across offices");
  slots->add_option("--date", o->date, "The day")->required();
  slots->add_option("--office", o->office, "Office code");
  slots->add_option("--kind", o->kind, "Kind of appointment (default upgrade)");
  slots->add_option("--postal-code", o->postal_code, "The citizen's postal code: nearest office first");
  examples(slots, "  vrathaus appointments slots --office brackel --date 2026-12-10\n"
                  "  vrathaus appointments slots --date 2026-12-10 --postal-code 44309 -o json");
  slots->callback([&session, o] {
    nlohmann::json p{{"date", o->date}};
    put(p, "office", o->office);
    put(p, "kind", o->kind);
    put(p, "postal_code", o->postal_code);
    call_and_print(session, "appointments.slots", p, kSlotColumns);
  });

  auto* show = group->add_subcommand("show", "Show one appointment; -o ics prints its iCalendar file");
  show->add_option("id", o->id, "Appointment number")->required();
  show->add_option("--account", o->account, "The account's login (the portal acts only for it)");
  examples(show, "  vrathaus appointments show 7 -o ics > termin.ics");
  show->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "account", o->account);
    // iCalendar is this command's own output format: the data comes as JSON, the file verbatim.
    if (session.options.output == "ics") {
      session.options.output = "json";
      p["format"] = "ics";
      std::cout << session.call("appointments.show", p)["ics"].get<std::string>();
      return;
    }
    call_and_print(session, "appointments.show", p);
  });

  auto* list = group->add_subcommand("list", "List appointments");
  list->add_option("--office", o->office, "Office code");
  list->add_option("--date", o->date, "Day");
  list->add_option("--staff", o->staff, "Staff id");
  list->add_option("--account", o->account, "Account id or login");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "office", o->office);
    put(p, "date", o->date);
    put(p, "staff", o->staff);
    put(p, "account", o->account);
    call_and_print(session, "appointments.list", p, kAppointmentColumns);
  });

  auto* at_risk = group->add_subcommand("at-risk", "Upcoming appointments nobody certified can keep (cron: exit 1 when any)");
  at_risk->callback([&session] {
    call_and_print(session, "appointments.at_risk", nlohmann::json::object(), kAppointmentColumns);
  });
}

void add_keeping_command(CLI::App* group, Session& session, const std::shared_ptr<AppointmentOptions>& o) {
  auto* keep = group->add_subcommand(
      "keep", "The cron job: reassign appointments their clerk can no longer keep, then list those at risk (exit 1 when any)");
  add_dry_run(keep, o->dry_run);
  examples(keep, "  vrathaus appointments keep\n  vrathaus appointments keep --dry-run -o json");
  keep->callback([&session, o] {
    call_and_print(session, "appointments.keep", nlohmann::json::object(), kAppointmentColumns, o->dry_run);
  });
}

}  // namespace

void add_appointments_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<AppointmentOptions>();
  auto* group = app.add_subcommand("appointments", "Appointments at an office, each kept by a certified clerk");
  group->require_subcommand(1);
  add_reading_commands(group, session, o);
  add_booking_commands(group, session, o);
  add_keeping_command(group, session, o);
}

void add_duty_hours_commands(CLI::App* staff_group, Session& session) {
  struct Options {
    std::string id, weekday, from, to;
    bool off = false, office_hours = false, dry_run = false;
  };
  auto o = std::make_shared<Options>();
  auto* hours = staff_group->add_subcommand("hours", "Duty times per weekday (default: the office's hours)");
  hours->add_option("id", o->id, "Staff id")->required();
  hours->add_option("--weekday", o->weekday, "mon, tue, wed, thu, fri, sat or sun; without it: show the week");
  hours->add_option("--from", o->from, "Start of duty, HH:MM");
  hours->add_option("--to", o->to, "End of duty, HH:MM");
  hours->add_flag("--off", o->off, "Not on duty that weekday (part-time)");
  hours->add_flag("--office-hours", o->office_hours, "Back to the office's hours that weekday");
  add_dry_run(hours, o->dry_run);
  examples(hours, "  vrathaus staff hours b.krause\n"
                  "  vrathaus staff hours b.krause --weekday thu --from 08:00 --to 12:00\n"
                  "  vrathaus staff hours b.krause --weekday fri --off");
  hours->callback([&session, o] {
    const Columns week{{"weekday", "from", "to", "source"}};
    if (o->weekday.empty()) {
      auto result = session.call("staff.hours", {{"id", o->id}});
      print_result(session, session.output_format() == "table" ? result["week"] : result, week);
      return;
    }
    nlohmann::json p{{"id", o->id}, {"weekday", o->weekday}};
    put(p, "from", o->from);
    put(p, "to", o->to);
    if (o->off) p["off"] = true;
    if (o->office_hours) p["office_hours"] = true;
    if (o->dry_run) p["dry_run"] = true;
    auto result = session.call("staff.set_hours", p);
    print_result(session, session.output_format() == "table" ? result["week"] : result, week);
    if (o->dry_run) session.info("dry run: nothing was changed");
  });
}

}  // namespace vrathaus::cli
