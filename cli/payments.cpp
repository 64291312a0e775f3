// `vrathaus payments …`: the SEPA bank file (pain.008) for due charges, and the bank's return files.
#include "common.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

#include <filesystem>
#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kBatchColumns{{"batch", "msg_id", "format", "created_at", "collection_date", "transactions", "ctrl_sum_cents"}};

struct PaymentOptions {
  std::string out, collection_date, bank_file;
  std::optional<std::int64_t> batch, limit;
  bool force = false, dry_run = false;
};

// Writes the file of a recorded batch. Locally the library streams it straight to the file;
// remotely the server sends it as "xml" and it is written here. Same writer, same bytes.
nlohmann::json write_batch_file(Session& session, std::int64_t batch, const std::string& out) {
  if (!session.backend().is_remote()) return session.call_with_file("payments.show", {{"batch", batch}}, out);
  auto result = session.call("payments.show", {{"batch", batch}});
  if (!result.contains("xml") || !result["xml"].is_string())
    fail(ErrorKind::unreachable, "the server's answer has no payment file");
  AtomicFile file(out);
  file.write(result["xml"].get_ref<const std::string&>());
  file.commit();
  result.erase("xml");
  result["file"] = out;
  return result;
}

}  // namespace

void add_payments_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<PaymentOptions>();
  auto* group = app.add_subcommand("payments", "SEPA direct-debit bank files");
  group->require_subcommand(1);

  auto* exp = group->add_subcommand("export", "Write the due charges as a pain.008 file (city.sepa.format, default pain.008.001.08), or an earlier batch again");
  exp->add_option("--out", o->out, "The file to write")->required();
  exp->add_option("--collection-date", o->collection_date, "Requested collection date (default: next TARGET2 business day)");
  exp->add_option("--batch", o->batch, "Write the file of this earlier batch again, byte for byte");
  exp->add_flag("--force", o->force, "Overwrite FILE if it exists");
  add_dry_run(exp, o->dry_run);
  examples(exp, "  vrathaus payments export --out pain008-$(date +%F).xml\n"
                "  vrathaus payments export --out copy.xml --batch 17\n"
                "Charges are marked with their batch, so a second export never collects them again.");
  exp->callback([&session, o] {
    std::error_code ec;
    if (!o->dry_run && !o->force && std::filesystem::exists(o->out, ec))
      fail(ErrorKind::conflict, "{} exists already: choose a new file, or --force to overwrite it", o->out);
    if (o->batch) {
      if (!o->collection_date.empty()) fail(ErrorKind::usage, "--collection-date cannot change an earlier batch (--batch)");
      if (o->dry_run) return print_result(session, session.call("payments.show", {{"batch", *o->batch}}), {});
      return print_result(session, write_batch_file(session, *o->batch, o->out), {});
    }
    nlohmann::json p = nlohmann::json::object();
    put(p, "collection_date", o->collection_date);
    if (o->dry_run) p["dry_run"] = true;
    // Locally the export writes the file in the same pass that hashes it; remotely the file is
    // fetched from the recorded batch afterwards. Either way the same writer makes the bytes.
    bool local = !session.backend().is_remote();
    auto result = local && !o->dry_run ? session.call_with_file("payments.export", p, o->out) : session.call("payments.export", p);
    if (o->dry_run) {
      print_result(session, result, {});
      return session.info("dry run: nothing was changed, no file written");
    }
    if (result["batch"].is_null()) {
      print_result(session, result, {});
      return session.info("nothing to export: no open charges due by " + result["collection_date"].get<std::string>());
    }
    if (!local) result["file"] = write_batch_file(session, result["batch"].get<std::int64_t>(), o->out)["file"];
    print_result(session, result, {});
  });

  auto* list = group->add_subcommand("list", "List export batches");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "limit", o->limit);
    call_and_print(session, "payments.list", p, kBatchColumns);
  });

  auto* returns = group->add_subcommand("returns", "What the bank sends back: returned and rejected debits");
  returns->require_subcommand(1);
  auto* import = returns->add_subcommand(
      "import", "Apply the bank's camt.054 (returns) or pain.002 (rejects) file to the charges it names");
  import->add_option("file", o->bank_file, "The bank's XML file (any camt.054 or pain.002 version)")->required();
  examples(import, "  vrathaus payments returns import camt054-2026-12-18.xml\n"
                   "Each file is applied once (by SHA-256); entries are matched by EndToEndId, a charge changes at\n"
                   "most once, and entries naming no charge are listed (exit 1), never guessed. What a reason\n"
                   "code does is the city's policy (city.sepa.returns).");
  import->callback([&session, o] {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o->bank_file, ec)) fail(ErrorKind::not_found, "{}: no such file", o->bank_file);
    auto result = session.call_with_file("payments.returns.import", {{"name", o->bank_file}}, o->bank_file);
    if (result.value("already_imported", false))
      session.info(o->bank_file + " was imported before (same SHA-256): nothing changed");
    print_result(session, result, {});
    if (!result.value("ok", true)) session.problems();  // unmatched entries: exit 1
  });
}

}  // namespace vrathaus::cli
