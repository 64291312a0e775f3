// Prints the PostgreSQL migrations as psql input, one transaction each: the schema test applies
// them to an empty database.
#include "store/pg_migrations.hpp"

#include <iostream>

int main() {
  for (const auto& migration : vrathaus::pg_migrations()) std::cout << vrathaus::pg_migration_script(migration);
}
