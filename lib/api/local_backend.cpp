#include "api/local_backend.hpp"

#include "api/execute.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/document_key.hpp"
#include "service/staff.hpp"
#include "service/store_admin.hpp"

#include <filesystem>

namespace vrathaus {

LocalBackend::LocalBackend(std::string db_path, CityConfig city, std::shared_ptr<const Clock> clock, std::string as_staff,
                           std::string os_user)
    : db_path_(std::move(db_path)),
      city_(std::move(city)),
      clock_(std::move(clock)),
      as_staff_(std::move(as_staff)),
      os_user_(std::move(os_user)) {}

Store& LocalBackend::store(OpenMode mode) {
  if (!store_) store_ = std::make_unique<Store>(db_path_, mode, city_.busy_timeout_ms);
  return *store_;
}

Actor LocalBackend::actor() {
  if (as_staff_.empty()) {
    Actor a;
    a.id = "local:" + os_user_;
    a.local_admin = true;
    return a;
  }
  return staff_actor(store().db(), as_staff_);
}

nlohmann::json LocalBackend::call(const std::string& operation, const nlohmann::json& params) {
  const auto& op = operations().find(operation);
  auto& s = store();
  s.require_current_schema();
  Environment env{s, *clock_, city_};
  return execute(env, {op, params, actor(), ""});
}

nlohmann::json LocalBackend::call_with_file(const std::string& operation, const nlohmann::json& params,
                                            const std::string& file) {
  auto with_file = params;
  with_file["file"] = file;
  const auto& op = operations().find(operation);
  auto& s = store();
  s.require_current_schema();
  Environment env{s, *clock_, city_};
  return execute(env, {op, with_file, actor(), "", progress_});
}

nlohmann::json LocalBackend::init(const std::string& seed_file, bool dry_run) {
  auto& s = store(OpenMode::create);
  nlohmann::json out{{"store", db_path_}, {"migrations_applied", s.migrate()}, {"schema_version", s.schema_version()}};
  if (!seed_file.empty()) {
    Context ctx{s, *clock_, city_, actor()};
    ctx.dry_run = dry_run;
    s.write_transaction([&] { out["seed"] = apply_seed(ctx, seed_file); }, dry_run);
  }
  // The store's document key is made with the store, and its check value recorded, so that a
  // lost key file is noticed rather than silently replaced later.
  if (!dry_run) {
    Context ctx{s, *clock_, city_, actor()};
    s.write_transaction([&] { out["document_key"] = prepare_document_key(ctx); });
  }
  return out;
}

nlohmann::json LocalBackend::migrate() {
  auto& s = store();
  int from = s.schema_version();
  int applied = s.migrate();
  return {{"store", db_path_}, {"from_version", from}, {"schema_version", s.schema_version()}, {"migrations_applied", applied}};
}

nlohmann::json LocalBackend::backup(const std::string& target) {
  auto& s = store();
  s.require_current_schema();
  s.backup_to(target);
  nlohmann::json out{{"store", db_path_}, {"backup", target}};
  // Without the document key beside it, a restored store could no longer detect document reuse:
  // the default key file travels with the backup (a configured key file is managed by the admin).
  std::error_code ec;
  if (city_.document_key_file.empty() && std::filesystem::exists(db_path_ + ".key", ec)) {
    std::filesystem::copy_file(db_path_ + ".key", target + ".key", std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) fail(ErrorKind::internal, "the backup is written but its key file could not be copied: {}", ec.message());
    std::filesystem::permissions(target + ".key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    out["key_file"] = target + ".key";
  }
  return out;
}

}  // namespace vrathaus
