// The import tunes its connection for bulk writing (no foreign-key lookups, no CHECK evaluation,
// no checkpoint per commit, a larger cache) and must hand it back as it found it: the server
// reuses connections, and the next request there must have every constraint enforced again.
#include "service/business_import.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace vrathaus;

namespace {

std::string pragma(sql::Connection& db, const std::string& name) {
  return db.execAndGet("PRAGMA " + name).getString();
}

struct Settings {
  std::string foreign_keys, ignore_check_constraints, wal_autocheckpoint, cache_size;
  bool operator==(const Settings&) const = default;
};

Settings settings(sql::Connection& db) {
  return {pragma(db, "foreign_keys"), pragma(db, "ignore_check_constraints"), pragma(db, "wal_autocheckpoint"),
          pragma(db, "cache_size")};
}

}  // namespace

TEST_CASE("an import hands its connection back with constraints enforced, also when it refuses the file") {
  test::TempStore t;
  auto ctx = t.as_local();
  auto& db = t.store->db();
  auto before = settings(db);
  CHECK(before.foreign_keys == "1");
  CHECK(before.ignore_check_constraints == "0");

  auto file = (t.dir / "business.csv").string();
  std::ofstream(file) << "customer_no;company_name;street;house_no;postal_code;city;email;iban;bic;mandate_reference;"
                         "mandate_signed_on\n"
                         "SH-1;Eins GmbH;Hohe Straße;1;44135;Dortmund;eins@example.de;DE89370400440532013000;;SH-M-1;"
                         "2025-01-02\n";
  auto summary = import_business(ctx, {file, "business.csv", true, 0, csv::Encoding::detect});
  CHECK(summary["created"] == 1);
  CHECK(settings(db) == before);
  CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);

  // An invalid row in abort mode: the checking pass refuses the file, nothing is written.
  std::ofstream(file) << "customer_no;company_name;street;house_no;postal_code;city;email\n"
                         "SH-2;Zwei GmbH;Hohe Straße;2;44135;Dortmund;not-an-email\n";
  summary = import_business(ctx, {file, "business.csv", false, 0, csv::Encoding::detect});
  CHECK(summary["rejected"] == 1);
  CHECK(summary["imported"] == false);
  CHECK(settings(db) == before);
}

TEST_CASE("a completed run keeps the file's keys; the same file again is only hashed, another one is read") {
  test::TempStore t;
  auto ctx = t.as_local();
  auto& db = t.store->db();
  auto file = (t.dir / "business.csv").string();
  auto write = [&](const std::string& second_customer_no) {
    std::ofstream(file, std::ios::trunc)
        << "customer_no;company_name;street;house_no;postal_code;city;email\n"
           "SH-1;Eins GmbH;Hohe Straße;1;44135;Dortmund;eins@example.de\n"
           "SH-2;Zwei GmbH;Hohe Straße;2;44135;Dortmund;zwei@example.de\n"
           "" << second_customer_no << ";Drei GmbH;Hohe Straße;3;44135;Dortmund;drei@example.de\n";
  };
  auto run = [&] { return import_business(ctx, {file, "business.csv", true, 0, csv::Encoding::detect}); };
  auto kept = [&] { return db.execAndGet("SELECT count(*) FROM import_file_keys").getInt(); };

  write("SH-1");  // line 4 repeats line 2's customer number: both are rejected
  auto first = run();
  CHECK(first["created"] == 1);
  CHECK(first["rejected"] == 2);
  CHECK(kept() == 1);
  auto again = run();
  CHECK(again["errors"] == first["errors"]);
  CHECK(again["unchanged"] == 1);
  CHECK(again["rejected"] == 2);
  CHECK(kept() == 1);

  // What is kept is what the next run of that file uses: with the duplicates taken out of it,
  // line 2 and line 4 count as one customer (this only shows that the kept keys are read).
  db.exec("UPDATE import_file_keys SET duplicates = x'01'");
  auto trusted = run();
  CHECK(trusted["rejected"] == 0);

  // A file of the same size with other bytes is not taken for the kept one.
  write("SH-3");
  auto other = run();
  CHECK(other["rejected"] == 0);
  CHECK(other["created"] == 1);  // SH-3
  CHECK(kept() == 2);
}
