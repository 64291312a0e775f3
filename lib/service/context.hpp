#pragma once
// What every service operation gets: the store, the clock, the city's rules and who acts.
#include "core/clock.hpp"
#include "core/progress.hpp"
#include "domain/city.hpp"
#include "domain/role.hpp"
#include "store/store.hpp"

#include <set>
#include <string>

namespace vrathaus {

struct Actor {
  std::string id;               // staff id, or "local:<os user>" for the trusted local administrator
  std::set<std::string> roles;  // clerk, supervisor, admin, auditor, importer, portal
  bool is_staff = false;        // backed by a staff record (certifications, absences apply)
  bool local_admin = false;     // local mode without --as: whoever can write the store file
  bool read_only = false;       // acts with a read-only token: may run reads only
  std::string client;           // the client address in remote mode

  // Whether the actor's staff record holds the role.
  bool holds(Role role) const { return roles.contains(std::string(role_name(role))); }
  // For rules that depend on data (e.g. granting the admin role): the trusted local administrator
  // counts as holding every role. Who may run an operation at all is declared in api/access.hpp.
  bool has_role(Role role) const { return local_admin || holds(role); }
};

struct Context {
  Store& store;
  const Clock& clock;
  const CityConfig& city;
  Actor actor;
  bool dry_run = false;
  ProgressFn progress{};  // may be empty: nobody is watching

  sql::Connection& db() { return store.db(); }
  std::string now() const { return clock.now_rfc3339(); }
  Date today() const { return clock.today(); }
};

}  // namespace vrathaus
