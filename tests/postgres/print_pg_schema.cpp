// Prints the PostgreSQL migrations as psql input, each in a transaction of its own that holds the
// writer lock, as the engine runs them: the schema test applies them to an empty database.
#include "store/pg_locks.hpp"
#include "store/pg_migrations.hpp"

#include <iostream>

int main() {
  for (const auto& migration : vrathaus::pg_migrations())
    std::cout << "BEGIN;\nSELECT pg_advisory_xact_lock(" << vrathaus::kPgWriterLock << ");\n"
              << vrathaus::pg_migration_script(migration) << "COMMIT;\n";
}
