#pragma once
// What every service operation gets: the store, the clock, the city's rules and who acts.
#include "config/city.hpp"
#include "core/clock.hpp"
#include "core/progress.hpp"
#include "store/store.hpp"

#include <initializer_list>
#include <set>
#include <string>

namespace vrathaus {

struct Actor {
  std::string id;               // staff id, or "local:<os user>" for the trusted local administrator
  std::set<std::string> roles;  // clerk, supervisor, admin, auditor, importer, portal
  bool is_staff = false;        // backed by a staff record (certifications, absences apply)
  bool local_admin = false;     // local mode without --as: whoever can write the store file
  std::string client;           // the client address in remote mode

  bool has_role(const std::string& role) const { return local_admin || roles.contains(role); }
  bool has_any_role(std::initializer_list<const char*> wanted) const {
    for (const char* r : wanted)
      if (has_role(r)) return true;
    return false;
  }
};

struct Context {
  Store& store;
  const Clock& clock;
  const CityConfig& city;
  Actor actor;
  bool dry_run = false;
  ProgressFn progress{};  // may be empty: nobody is watching

  SQLite::Database& db() { return store.db(); }
  std::string now() const { return clock.now_rfc3339(); }
  Date today() const { return clock.today(); }
};

// Throws forbidden (exit 6) unless the actor holds one of the roles.
void require_role(const Context& ctx, std::initializer_list<const char*> roles, const std::string& action);

}  // namespace vrathaus
