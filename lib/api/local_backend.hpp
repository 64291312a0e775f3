#pragma once
#include "api/backend.hpp"
#include "core/clock.hpp"
#include "domain/city.hpp"
#include "service/context.hpp"
#include "store/store.hpp"

#include <memory>
#include <optional>
#include <string>

namespace vrathaus {

class LocalBackend final : public Backend {
public:
  // `as_staff`: act as this staff member (--as); empty: the trusted local administrator
  // "local:<os_user>".
  LocalBackend(std::string db_path, CityConfig city, std::shared_ptr<const Clock> clock, std::string as_staff,
               std::string os_user);

  nlohmann::json call(const std::string& operation, const nlohmann::json& params) override;
  nlohmann::json call_with_file(const std::string& operation, const nlohmann::json& params,
                                const std::string& file) override;
  bool is_remote() const override { return false; }

  // Store administration, local only.
  nlohmann::json init(const std::string& seed_file, bool dry_run);
  nlohmann::json migrate();
  nlohmann::json backup(const std::string& target);
  // `db copy --to TARGET`: the whole store into an empty SQLite file or PostgreSQL database
  // (service/store_copy.hpp). A target file this creates is removed again when the copy fails.
  nlohmann::json copy_to(const std::string& target, bool dry_run);

private:
  Store& store(OpenMode mode = OpenMode::existing);
  Actor actor();
  Actor actor_for(Store& store);
  nlohmann::json init_dry_run(const std::string& seed_file);

  std::string db_path_;
  CityConfig city_;
  std::shared_ptr<const Clock> clock_;
  std::string as_staff_;
  std::string os_user_;
  std::unique_ptr<Store> store_;
};

}  // namespace vrathaus
