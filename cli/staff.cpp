// `vrathaus staff …`: staff records and service identities.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kStaffColumns{{"id", "name", "office", "roles", "active"}};

struct StaffOptions {
  std::string id, name, office, reason;
  std::vector<std::string> roles;
  bool dry_run = false;
};

}  // namespace

void add_staff_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<StaffOptions>();
  auto* group = app.add_subcommand("staff", "Staff members, roles and service identities");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "Add a staff member or service identity");
  add->add_option("id", o->id, "Staff id, e.g. s.kruse")->required();
  add->add_option("--name", o->name, "Full name")->required();
  add->add_option("--office", o->office, "Office code (not for service identities)");
  add->add_option("--role", o->roles, "clerk, supervisor, admin, auditor, importer, portal (repeatable)");
  add_dry_run(add, o->dry_run);
  examples(add, "  vrathaus staff add s.kruse --name 'Sabine Kruse' --office innenstadt --role clerk --role supervisor\n"
                "  vrathaus staff add portal --name 'Service-Portal' --role portal");
  add->callback([&session, o] {
    nlohmann::json p{{"id", o->id}, {"name", o->name}, {"roles", o->roles}};
    put(p, "office", o->office);
    call_and_print(session, "staff.add", p, {}, o->dry_run);
  });

  auto* list = group->add_subcommand("list", "List staff");
  list->add_option("--office", o->office, "Only this office");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "office", o->office);
    call_and_print(session, "staff.list", p, kStaffColumns);
  });

  auto* show = group->add_subcommand("show", "Show one staff member");
  show->add_option("id", o->id, "Staff id")->required();
  show->callback([&session, o] { call_and_print(session, "staff.show", {{"id", o->id}}); });

  auto* update = group->add_subcommand("update", "Change name, office or roles");
  update->add_option("id", o->id, "Staff id")->required();
  update->add_option("--name", o->name, "New name");
  update->add_option("--office", o->office, "New office");
  update->add_option("--role", o->roles, "The complete new set of roles (repeatable)");
  add_dry_run(update, o->dry_run);
  update->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "name", o->name);
    put(p, "office", o->office);
    if (!o->roles.empty()) p["roles"] = o->roles;
    call_and_print(session, "staff.update", p, {}, o->dry_run);
  });

  auto* deactivate = group->add_subcommand("deactivate", "Deactivate a staff member (keeps the history)");
  deactivate->add_option("id", o->id, "Staff id")->required();
  deactivate->add_option("--reason", o->reason, "Why");
  add_dry_run(deactivate, o->dry_run);
  deactivate->callback([&session, o] {
    nlohmann::json p{{"id", o->id}};
    put(p, "reason", o->reason);
    call_and_print(session, "staff.deactivate", p, {}, o->dry_run);
  });
  add_own_account_commands(group, session);
}

}  // namespace vrathaus::cli
