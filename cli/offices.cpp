// `vrathaus offices …`: the city's service offices.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kOfficeColumns{{"code", "name", "min_certified"}};

const Columns kAvailableColumns{{"code", "name", "certified_present", "min_certified", "staff"}};

struct OfficeOptions {
  std::string code, name, date, cert;
  std::optional<std::int64_t> min_certified;
  bool dry_run = false;
};

}  // namespace

void add_offices_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<OfficeOptions>();
  auto* group = app.add_subcommand("offices", "Service offices and their minimum of certified staff");
  group->require_subcommand(1);

  group->add_subcommand("list", "List offices")->callback([&session] {
    call_and_print(session, "offices.list", nlohmann::json::object(), kOfficeColumns);
  });

  auto* available = group->add_subcommand("available", "Where can a citizen be upgraded on a day? Most staffed first");
  available->add_option("--date", o->date, "The day (default today)");
  available->add_option("--cert", o->cert, "Certification needed (default identity-check)");
  examples(available, "  vrathaus offices available --date 2026-12-07\n"
                      "  vrathaus offices available --date 2026-12-07 --cert authority-accounts -o json");
  available->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "date", o->date);
    put(p, "cert", o->cert);
    call_and_print(session, "offices.available", p, kAvailableColumns);
  });

  auto* show = group->add_subcommand("show", "Show one office");
  show->add_option("code", o->code, "Office code")->required();
  show->callback([&session, o] { call_and_print(session, "offices.show", {{"code", o->code}}); });

  auto* add = group->add_subcommand("add", "Add an office");
  add->add_option("code", o->code, "Office code (a-z, 0-9, -)")->required();
  add->add_option("--name", o->name, "Office name")->required();
  add->add_option("--min-certified", o->min_certified, "Certified staff needed on each opening day (default 2)");
  add_dry_run(add, o->dry_run);
  examples(add, "  vrathaus offices add hoerde --name 'Bezirksverwaltungsstelle Hörde' --min-certified 2");
  add->callback([&session, o] {
    nlohmann::json p{{"code", o->code}, {"name", o->name}};
    put(p, "min_certified", o->min_certified);
    call_and_print(session, "offices.add", p, {}, o->dry_run);
  });

  auto* update = group->add_subcommand("update", "Change an office's name or minimum");
  update->add_option("code", o->code, "Office code")->required();
  update->add_option("--name", o->name, "New name");
  update->add_option("--min-certified", o->min_certified, "New minimum of certified staff");
  add_dry_run(update, o->dry_run);
  update->callback([&session, o] {
    nlohmann::json p{{"code", o->code}};
    put(p, "name", o->name);
    put(p, "min_certified", o->min_certified);
    call_and_print(session, "offices.update", p, {}, o->dry_run);
  });
}

}  // namespace vrathaus::cli
