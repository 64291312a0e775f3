// `vrathaus db …`: create, migrate, check and back up the local store.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

struct DbOptions {
  std::string seed, file, target;
  bool dry_run = false;
};

}  // namespace

void add_db_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<DbOptions>();
  auto* group = app.add_subcommand("db", "The local SQLite store");
  group->require_subcommand(1);

  auto* init = group->add_subcommand("init", "Create (mode 0600) or migrate the store; seed offices and staff");
  init->add_option("--seed", o->seed, "Seed YAML: offices, staff (with certifications and absences)")->check(CLI::ExistingFile);
  add_dry_run(init, o->dry_run);
  examples(init, "  vrathaus --db /var/lib/vrathaus/vrathaus.db db init --seed config/dortmund-seed.yaml");
  init->callback([&session, o] {
    print_result(session, session.local("db init").init(o->seed, o->dry_run));
    if (o->dry_run) session.info("dry run: nothing was created or changed");
  });

  group->add_subcommand("migrate", "Apply pending schema migrations")->callback([&session] {
    print_result(session, session.local("db migrate").migrate());
  });

  group->add_subcommand("check", "integrity_check, foreign_key_check and the audit chain; exit 1 on a problem")
      ->callback([&session] {
        auto result = call_and_print(session, "db.check", nlohmann::json::object());
        if (!result.value("ok", false)) session.warn("the store check found problems");
      });

  auto* rotate = group->add_subcommand(
      "rotate-document-key", "Add a generation to the document key and re-key every stored document and eID hash");
  add_dry_run(rotate, o->dry_run);
  examples(rotate, "  vrathaus db rotate-document-key && vrathaus db backup /backup/vrathaus-$(date +%F).db");
  rotate->callback([&session, o] {
    session.local("db rotate-document-key");
    nlohmann::json p = nlohmann::json::object();
    if (o->dry_run) p["dry_run"] = true;
    call_and_print(session, "db.rotate-document-key", p, {}, o->dry_run);
  });

  auto* backup = group->add_subcommand("backup", "Consistent online copy of the store");
  backup->add_option("file", o->file, "Target file (must not exist)")->required();
  backup->callback([&session, o] { print_result(session, session.local("db backup").backup(o->file)); });

  auto* copy = group->add_subcommand(
      "copy", "Copy the whole store into an empty SQLite file or PostgreSQL database, and verify the copy");
  copy->add_option("--to", o->target, "The target: a file path or postgresql://… URL; it must be empty")->required();
  add_dry_run(copy, o->dry_run);
  examples(copy, "  vrathaus --db /var/lib/vrathaus/vrathaus.db db copy --to 'postgresql://vrathaus@db.example/vrathaus'\n"
                 "  vrathaus --db postgresql://vrathaus@db.example/vrathaus db copy --to /backup/vrathaus.db");
  copy->callback([&session, o] {
    auto result = session.local("db copy").copy_to(o->target, o->dry_run);
    print_result(session, result);
    if (o->dry_run) {
      session.info("dry run: nothing was copied; the target is empty and would take " +
                   std::to_string(result.value("rows", 0)) + " rows");
      return;
    }
    session.info("copied and verified " + std::to_string(result.value("rows", 0)) + " rows to " +
                 result.value("to", std::string()));
    if (result.contains("document_key_file"))
      session.info("the copy's document key is " + result["document_key_file"].get<std::string>() +
                   ": name it as city.document_key_file in the configuration the new store is used with");
  });
}

}  // namespace vrathaus::cli
