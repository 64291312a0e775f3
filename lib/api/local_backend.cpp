#include "api/local_backend.hpp"

#include "api/execute.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/document_key.hpp"
#include "service/staff.hpp"
#include "service/store_admin.hpp"
#include "service/store_copy.hpp"
#include "store/pg_engine.hpp"

#include <stdlib.h>

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

Actor LocalBackend::actor() { return actor_for(store()); }

Actor LocalBackend::actor_for(Store& s) {
  if (as_staff_.empty()) {
    Actor a;
    a.id = "local:" + os_user_;
    a.local_admin = true;
    return a;
  }
  return staff_actor(s.db(), as_staff_);
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

namespace {

// The store's files: a failed first `db init` takes them all away again.
void remove_store_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

}  // namespace

nlohmann::json LocalBackend::init(const std::string& seed_file, bool dry_run) {
  if (dry_run) return init_dry_run(seed_file);
  std::error_code ec;
  // A PostgreSQL database exists before `db init` (its administrator creates it): it counts as a
  // store once it has a schema.
  bool existed = is_postgresql_url(db_path_) ? store().schema_version() > 0 : std::filesystem::exists(db_path_, ec);
  nlohmann::json out;
  try {
    auto& s = store(OpenMode::create);
    out = {{"store", store_url_for_display(db_path_)}, {"created", !existed}, {"migrations_applied", s.migrate()},
           {"schema_version", s.schema_version()}};
    Context ctx{s, *clock_, city_, actor()};
    if (!seed_file.empty()) s.write_transaction([&] { out["seed"] = apply_seed(ctx, seed_file); });
    // The store's document key is made with the store, and its check value recorded, so that a
    // lost key file is noticed rather than silently replaced later.
    s.write_transaction([&] { out["document_key"] = prepare_document_key(ctx); });
  } catch (...) {
    // A store this command created is not left behind empty or half-seeded.
    if (!existed && !is_postgresql_url(db_path_)) {
      store_.reset();
      remove_store_files(db_path_);
    }
    throw;
  }
  return out;
}

// What `db init` would do, done on a temporary copy (or a new temporary store): the real one is
// neither created nor migrated, and the seed file is checked against the schema it would meet.
nlohmann::json LocalBackend::init_dry_run(const std::string& seed_file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool existed = fs::exists(db_path_, ec);
  std::string dir_template = (fs::temp_directory_path() / "vrathaus-init-XXXXXX").string();
  if (!::mkdtemp(dir_template.data())) fail(ErrorKind::internal, "cannot create a temporary directory for the dry run");
  auto scratch = (fs::path(dir_template) / "store.db").string();
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } cleanup{dir_template};
  if (existed) store().backup_to(scratch);
  Store copy(scratch, OpenMode::create, city_.busy_timeout_ms);
  nlohmann::json out{{"store", store_url_for_display(db_path_)},
                     {"created", false},
                     {"would_create", !existed},
                     {"migrations_applied", 0},
                     {"migrations_to_apply", copy.migrate()},
                     {"dry_run", true}};
  out["schema_version"] = copy.schema_version();
  if (!seed_file.empty()) {
    Context ctx{copy, *clock_, city_, actor_for(copy)};
    ctx.dry_run = true;
    copy.write_transaction([&] { out["seed"] = apply_seed(ctx, seed_file); }, true);
  }
  return out;
}

nlohmann::json LocalBackend::migrate() {
  auto& s = store();
  int from = s.schema_version();
  int applied = s.migrate();
  return {{"store", store_url_for_display(db_path_)},
          {"from_version", from},
          {"schema_version", s.schema_version()},
          {"migrations_applied", applied}};
}

namespace {

// Without the document key beside it, a copied store could no longer detect document reuse: the
// key file beside an SQLite store travels with its copy (a configured key file is managed by the
// admin and serves the copy as it is). Returns the copy's key file, or "" when there was none.
std::string copy_key_file_beside(const std::string& store, const std::string& copy) {
  std::error_code ec;
  if (!std::filesystem::exists(store + ".key", ec)) return {};
  std::filesystem::copy_file(store + ".key", copy + ".key", std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) fail(ErrorKind::internal, "the copy is written but its key file could not be copied: {}", ec.message());
  std::filesystem::permissions(copy + ".key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace, ec);
  return copy + ".key";
}

bool same_store(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (is_postgresql_url(a) || is_postgresql_url(b)) return false;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

nlohmann::json LocalBackend::backup(const std::string& target) {
  auto& s = store();
  s.require_current_schema();
  s.backup_to(target);
  nlohmann::json out{{"store", store_url_for_display(db_path_)}, {"backup", target}};
  if (city_.document_key_file.empty())
    if (auto key = copy_key_file_beside(db_path_, target); !key.empty()) out["key_file"] = key;
  return out;
}

nlohmann::json LocalBackend::copy_to(const std::string& target, bool dry_run) {
  if (same_store(db_path_, target))
    fail(ErrorKind::usage, "the target {} is the source store itself: db copy needs another, empty store",
         store_url_for_display(target));
  auto& s = store();
  bool to_file = !is_postgresql_url(target);
  std::error_code ec;
  bool existed = !to_file || std::filesystem::exists(target, ec);
  std::unique_ptr<Store> copy;
  nlohmann::json out;
  try {
    // A dry run creates nothing: a file target that does not exist yet is simply empty.
    if (existed || !dry_run)
      copy = std::make_unique<Store>(target, dry_run ? OpenMode::existing : OpenMode::create, city_.busy_timeout_ms);
    Context ctx{s, *clock_, city_, actor()};
    out = copy_store(ctx, {.target = copy.get(), .shown_target = store_url_for_display(target), .dry_run = dry_run});
  } catch (...) {
    if (!existed) {
      copy.reset();
      remove_store_files(target);
    }
    throw;
  }
  if (dry_run || !city_.document_key_file.empty() || !s.is_file()) return out;
  // The key beside the SQLite source: beside an SQLite copy too; a database has no "beside", so
  // the configuration must name it (city.document_key_file) wherever the copy is used.
  if (to_file) {
    if (auto key = copy_key_file_beside(db_path_, target); !key.empty()) out["key_file"] = key;
  } else if (std::filesystem::exists(db_path_ + ".key", ec)) {
    out["document_key_file"] = db_path_ + ".key";
  }
  return out;
}

}  // namespace vrathaus
