#include "service/doctor.hpp"

#include "core/error.hpp"
#include "domain/sepa_ids.hpp"
#include "service/audit.hpp"
#include "service/document_key.hpp"
#include "store/doctor_rows.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;

DoctorCheck ok(std::string name, std::string detail) { return {std::move(name), CheckStatus::ok, std::move(detail)}; }
DoctorCheck warning(std::string name, std::string detail) {
  return {std::move(name), CheckStatus::warning, std::move(detail)};
}
DoctorCheck error(std::string name, std::string detail) { return {std::move(name), CheckStatus::error, std::move(detail)}; }

std::string directory_of(const std::string& path) {
  auto dir = fs::path(path).parent_path();
  return dir.empty() ? "." : dir.string();
}

std::string mebibytes(std::uintmax_t bytes) { return fmt::format("{:.1f} MiB", double(bytes) / double(1 << 20)); }

// SQLite writes the store, its -wal and -shm files beside it: the directory must be writable too.
DoctorCheck store_writable(const Context& ctx) {
  const auto& path = ctx.store.path();
  if (::access(path.c_str(), W_OK) != 0) return error("store-writable", path + " is not writable by this user");
  auto dir = directory_of(path);
  if (::access(dir.c_str(), W_OK) != 0)
    return error("store-writable", dir + " (the store's directory, for its journal) is not writable by this user");
  return ok("store-writable", path);
}

DoctorCheck schema(Context& ctx) {
  int version = ctx.store.schema_version(), latest = Store::latest_schema_version();
  if (version < latest)
    return error("schema", fmt::format("version {}, this vrathaus needs {}: run 'vrathaus db migrate'", version, latest));
  return ok("schema", fmt::format("version {}", version));
}

DoctorCheck wal(const Context& ctx) {
  std::error_code ec;
  auto size = fs::file_size(ctx.store.path() + "-wal", ec);
  if (ec) return ok("wal", "no write-ahead log");
  if (size > kWalWarningBytes)
    return warning("wal", fmt::format("{} write-ahead log: a long reader keeps it from being checkpointed",
                                      mebibytes(size)));
  return ok("wal", mebibytes(size));
}

DoctorCheck audit_chain(Context& ctx) {
  auto report = audit_verify(ctx.store);
  auto entries = report.value("entries", 0LL);
  if (!report.value("ok", false)) {
    const auto& problems = report["problems"];
    auto first = problems.empty() ? std::string("broken")
                                  : fmt::format("entry {}: {}", problems[0].value("seq", 0LL),
                                                problems[0].value("problem", ""));
    return error("audit-chain", fmt::format("{} problem(s) in {} entries; {}", problems.size(), entries, first));
  }
  return ok("audit-chain", fmt::format("{} entries, intact", entries));
}

// The key must exist, match the store's check value and be readable by its owner only: it is
// what keeps the document-number hashes from being checked against guessed numbers.
DoctorCheck document_key_check(const Context& ctx) {
  auto path = document_key_path(ctx);
  auto inspected = inspect_document_key(ctx);
  if (!inspected.value("ok", false)) return error("document-key", inspected.value("problem", path));
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    // A store with no hashes yet may have no key: it is made at the first upgrade.
    return warning("document-key", path + " does not exist yet (made at the first upgrade)");
  }
  if ((st.st_mode & 0777) != 0600)
    return error("document-key", fmt::format("{} has mode {:04o}: chmod 600 it", path, st.st_mode & 0777));
  if (inspected.contains("problem")) return warning("document-key", inspected["problem"].get<std::string>());
  return ok("document-key", path + " (0600, matches the store)");
}

DoctorCheck creditor(const Context& ctx) {
  const auto& c = ctx.city.sepa.creditor;
  if (!c) return warning("creditor", "city.sepa.creditor is not configured: 'payments export' cannot run");
  try {
    validate_iban(c->iban, "city.sepa.creditor.iban");
    if (!c->bic.empty()) validate_bic(c->bic, "city.sepa.creditor.bic");
    validate_creditor_id(c->creditor_id, "city.sepa.creditor.creditor_id");
  } catch (const Error& e) {
    return error("creditor", e.what());
  }
  if (c->name.empty()) return error("creditor", "city.sepa.creditor.name is empty");
  return ok("creditor", fmt::format("{}, {}", c->name, c->creditor_id));
}

// A run that found nothing due leaves no entry, so the age of the last one says nothing about
// whether the cron job runs: it is reported, never judged. None at all is worth a look.
DoctorCheck last_run(Context& ctx, const std::string& name, const std::string& action, const std::string& what) {
  auto at = last_audit_at(ctx.db(), action);
  if (!at) return warning(name, fmt::format("no {} recorded yet", what));
  auto age = Date::parse_field(at->substr(0, 10), "at").days_until(ctx.today());
  return ok(name, fmt::format("{} ({} day{} ago; a run with nothing to do is not recorded)", *at, age, age == 1 ? "" : "s"));
}

DoctorCheck disk_space(const Context& ctx) {
  auto dir = directory_of(ctx.store.path());
  struct statvfs fs_info {};
  if (::statvfs(dir.c_str(), &fs_info) != 0) return warning("disk-space", "cannot read the free space of " + dir);
  auto free_bytes = std::uintmax_t(fs_info.f_bavail) * fs_info.f_frsize;
  auto total = std::uintmax_t(fs_info.f_blocks) * fs_info.f_frsize;
  auto detail = fmt::format("{} free in {}", mebibytes(free_bytes), dir);
  if (free_bytes < kDiskErrorBytes) return error("disk-space", detail);
  if (total > 0 && double(free_bytes) / double(total) < kDiskWarningShare) return warning("disk-space", detail);
  return ok("disk-space", detail);
}

}  // namespace

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::ok: return "ok";
    case CheckStatus::warning: return "warning";
    case CheckStatus::error: return "error";
  }
  return "error";
}

nlohmann::json to_json(const DoctorCheck& check) {
  return {{"check", check.name}, {"status", status_name(check.status)}, {"detail", check.detail}};
}

std::vector<DoctorCheck> store_checks(Context& ctx) {
  // A file's directory, write-ahead log and disk are this machine's to check; a database server's
  // are its own (the store check names the database, its password masked).
  bool file = ctx.store.is_file();
  std::vector<DoctorCheck> checks{file ? store_writable(ctx) : ok("store", fmt::format("{} ({})", ctx.store.shown_path(),
                                                                                         ctx.store.engine_name())),
                                  schema(ctx)};
  if (file) checks.push_back(wal(ctx));
  for (auto&& check : {audit_chain(ctx), document_key_check(ctx), creditor(ctx),
                       last_run(ctx, "last-renewal", "permits.renew", "renewal run"),
                       last_run(ctx, "last-export", "payments.export", "payment export")})
    checks.push_back(check);
  if (file) checks.push_back(disk_space(ctx));
  return checks;
}

nlohmann::json doctor_report(const std::vector<DoctorCheck>& checks) {
  nlohmann::json items = nlohmann::json::array();
  bool no_error = true;
  for (const auto& c : checks) {
    items.push_back(to_json(c));
    no_error = no_error && c.status != CheckStatus::error;
  }
  return {{"ok", no_error}, {"checks", items}};
}

}  // namespace vrathaus
