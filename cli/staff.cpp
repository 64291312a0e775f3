// `vrathaus staff …`: staff records and service identities, their certifications and absences.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kStaffColumns{{"id", "name", "office", "roles", "active"}};

const Columns kAbsenceColumns{{"id", "staff", "from", "to", "from_time", "to_time", "reason"}};

struct StaffOptions {
  std::string id, name, office, reason, birth_date;
  std::vector<std::string> roles;
  std::string cert, valid_on, on, valid_until, trainer, from, to;
  std::int64_t absence = 0;
  std::optional<std::int64_t> limit;
  bool dry_run = false;
};

void add_certification_commands(CLI::App* group, Session& session, const std::shared_ptr<StaffOptions>& o) {
  auto* certify = group->add_subcommand("certify", "Grant a certification (admin or supervisor)");
  certify->add_option("id", o->id, "Staff id")->required();
  certify->add_option("--cert", o->cert, "Certification kind, e.g. identity-check, authority-accounts")->required();
  certify->add_option("--on", o->on, "Day of the training (default today)");
  certify->add_option("--valid-until", o->valid_until, "Last valid day (default from city.certifications.KIND.validity_months)");
  certify->add_option("--trainer", o->trainer, "Staff id of the trainer");
  add_dry_run(certify, o->dry_run);
  examples(certify, "  vrathaus --as s.kruse staff certify m.weber --cert identity-check --on 2026-11-20 --trainer s.kruse");
  certify->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"cert", o->cert}};
    put(p, "on", o->on);
    put(p, "valid_until", o->valid_until);
    put(p, "trainer", o->trainer);
    call_and_print(session, "staff.certify", p, {}, o->dry_run);
  });

  auto* revoke = group->add_subcommand("revoke-cert", "Revoke a current certification from today on (the record stays)");
  revoke->add_option("id", o->id, "Staff id")->required();
  revoke->add_option("--cert", o->cert, "Certification kind")->required();
  revoke->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(revoke, o->dry_run);
  revoke->callback([&session, o] {
    call_and_print(session, "staff.revoke_cert", {{"id", o->id}, {"cert", o->cert}, {"reason", o->reason}}, {}, o->dry_run);
  });
}

void add_absence_commands(CLI::App* group, Session& session, const std::shared_ptr<StaffOptions>& o) {
  auto* absence = group->add_subcommand("absence", "Record an absence; overlapping or touching ones merge");
  absence->add_option("id", o->id, "Staff id")->required();
  absence->add_option("--from", o->from, "First day absent, or a local time for part of a day (2027-03-01T12:00)")->required();
  absence->add_option("--to", o->to, "Last day absent, or the local time the half-day absence ends")->required();
  absence->add_option("--reason", o->reason, "holiday (default), illness or training")
      ->check(CLI::IsMember({"holiday", "illness", "training"}));
  add_dry_run(absence, o->dry_run);
  examples(absence, "  vrathaus staff absence b.krause --from 2026-12-07 --to 2026-12-18 --reason holiday\n"
                    "  vrathaus staff absence b.krause --from 2027-03-01T12:00 --to 2027-03-01T16:00");
  absence->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"from", o->from}, {"to", o->to}};
    put(p, "reason", o->reason);
    call_and_print(session, "staff.absence_add", p, {}, o->dry_run);
  });

  auto* absences = group->add_subcommand("absences", "List a staff member's absences");
  absences->add_option("id", o->id, "Staff id")->required();
  absences->add_option("--from", o->from, "Only absences ending on or after this day");
  absences->add_option("--to", o->to, "Only absences starting on or before this day");
  absences->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "from", o->from);
    put(p, "to", o->to);
    call_and_print(session, "staff.absences", p, kAbsenceColumns);
  });

  auto* remove = group->add_subcommand("absence-remove", "Remove an absence (see 'staff absences ID' for its number)");
  remove->add_option("id", o->id, "Staff id")->required();
  remove->add_option("absence", o->absence, "Absence number")->required();
  remove->add_option("--reason", o->reason, "Why");
  add_dry_run(remove, o->dry_run);
  remove->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"absence", o->absence}};
    put(p, "reason", o->reason);
    call_and_print(session, "staff.absence_remove", p, {}, o->dry_run);
  });
}

}  // namespace

void add_staff_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<StaffOptions>();
  auto* group = app.add_subcommand("staff", "Staff members, roles and service identities");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "Add a staff member or service identity");
  add->add_option("id", o->id, "Staff id, e.g. s.kruse")->required();
  add->add_option("--name", o->name, "Full name")->required();
  add->add_option("--office", o->office, "Office code (not for service identities)");
  add->add_option("--role", o->roles,
                  "clerk, supervisor, admin, auditor, importer, portal (repeatable; roles other than clerk: admin only)");
  add->add_option("--birth-date", o->birth_date, "Birth date (YYYY-MM-DD): nobody verifies their own person");
  add_dry_run(add, o->dry_run);
  examples(add, "  vrathaus staff add s.kruse --name 'Sabine Kruse' --office innenstadt --role clerk --role supervisor\n"
                "  vrathaus staff add portal --name 'Service-Portal' --role portal");
  add->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"name", o->name}, {"roles", o->roles}};
    put(p, "office", o->office);
    put(p, "birth_date", o->birth_date);
    call_and_print(session, "staff.add", p, {}, o->dry_run);
  });

  auto* list = group->add_subcommand("list", "List staff");
  list->add_option("--office", o->office, "Only this office");
  list->add_option("--cert", o->cert, "Only staff holding this certification (valid today, or on --valid-on)");
  list->add_option("--valid-on", o->valid_on, "The day the certification must be valid (with --cert)");
  examples(list, "  vrathaus staff list --office brackel --cert identity-check --valid-on 2026-12-07");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "office", o->office);
    put(p, "cert", o->cert);
    put(p, "valid_on", o->valid_on);
    call_and_print(session, "staff.list", p, kStaffColumns);
  });

  auto* show = group->add_subcommand("show", "Show one staff member");
  show->add_option("id", o->id, "Staff id")->required();
  show->callback([&session, o] { call_and_print(session, "staff.show", {{"id", o->id}}); });

  auto* update = group->add_subcommand("update", "Change name, office, birth date or roles (never one's own record)");
  update->add_option("id", o->id, "Staff id")->required();
  update->add_option("--name", o->name, "New name");
  update->add_option("--office", o->office, "New office");
  update->add_option("--birth-date", o->birth_date, "Birth date (YYYY-MM-DD; '' clears it)");
  update->add_option("--role", o->roles, "The complete new set of roles (repeatable; admin only)");
  add_dry_run(update, o->dry_run);
  update->callback([&session, o, update] {
    nlohmann::json p{{"id", o->id}};
    put(p, "name", o->name);
    put(p, "office", o->office);
    if (update->count("--birth-date") > 0) p["birth_date"] = o->birth_date;
    if (!o->roles.empty()) p["roles"] = o->roles;
    call_and_print(session, "staff.update", p, {}, o->dry_run);
  });

  auto* deactivate = group->add_subcommand("deactivate", "Deactivate a staff member, now or on a later day (keeps the history)");
  deactivate->add_option("id", o->id, "Staff id")->required();
  deactivate->add_option("--reason", o->reason, "Why");
  deactivate->add_option("--on", o->on, "The first day the person no longer counts (default today: at once)");
  add_dry_run(deactivate, o->dry_run);
  examples(deactivate, "  vrathaus staff deactivate j.becker --on 2027-03-01 --reason Ruhestand");
  deactivate->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "reason", o->reason);
    put(p, "on", o->on);
    call_and_print(session, "staff.deactivate", p, {}, o->dry_run);
  });

  auto* move = group->add_subcommand("move", "Move a staff member to another office from a day on");
  move->add_option("id", o->id, "Staff id")->required();
  move->add_option("--office", o->office, "The office they work in from --on")->required();
  move->add_option("--on", o->on, "The first day in the new office")->required();
  move->add_option("--reason", o->reason, "Why");
  add_dry_run(move, o->dry_run);
  examples(move, "  vrathaus staff move m.yilmaz --office hoerde --on 2027-01-04");
  move->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"office", o->office}, {"on", o->on}};
    put(p, "reason", o->reason);
    call_and_print(session, "staff.move", p, {}, o->dry_run);
  });

  auto* reactivate = group->add_subcommand("reactivate", "Reactivate a deactivated staff member (never one's own record)");
  reactivate->add_option("id", o->id, "Staff id")->required();
  reactivate->add_option("--reason", o->reason, "Why");
  add_dry_run(reactivate, o->dry_run);
  examples(reactivate, "  vrathaus --as s.kruse staff reactivate m.weber --reason 'back from parental leave'");
  reactivate->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "reason", o->reason);
    call_and_print(session, "staff.reactivate", p, {}, o->dry_run);
  });

  auto* search = group->add_subcommand("search", "Find staff by name (Schröter = Schroeter) or id");
  search->add_option("text", o->name, "Name or part of it, or part of a staff id")->required();
  add_limit(search, o->limit);
  examples(search, "  vrathaus staff search weber\n  vrathaus staff search 'schroeter' -o json");
  search->callback([&session, o] { search_and_print(session, "staff.search", o->name, o->limit, kStaffColumns); });

  add_certification_commands(group, session, o);
  add_absence_commands(group, session, o);
  add_own_account_commands(group, session);
  add_duty_hours_commands(group, session);
}

}  // namespace vrathaus::cli
