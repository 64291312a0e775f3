// The import's checkpointer copies committed WAL frames into the store file on its own thread and
// connection, so that the writer neither copies them itself nor leaves one long copy to the end.
#include "store/background_checkpoint.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace vrathaus;

namespace {

void write_rows(sql::Connection& db, int rows) {
  db.exec("BEGIN");
  sql::Statement q(db, "INSERT INTO offices(code, name, created_at, updated_at) VALUES (?, 'Bürgerbüro', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z')");
  for (int i = 0; i < rows; ++i) {
    q.reset();
    q.bind(1, "office-" + std::to_string(i));
    q.exec();
  }
  db.exec("COMMIT");
}

}  // namespace

TEST_CASE("a commit's frames reach the store file without the writer checkpointing") {
  test::TempStore t;
  auto& db = t.store->db();
  db.exec("PRAGMA wal_autocheckpoint = 0");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  auto size_before = std::filesystem::file_size(t.path);

  BackgroundCheckpoint copier(t.path);
  write_rows(db, 5000);
  CHECK(std::filesystem::file_size(t.path) == size_before);  // only in the WAL so far
  copier.committed();
  CHECK(copier.drain());
  CHECK(std::filesystem::file_size(t.path) > size_before);
  CHECK(db.execAndGet("SELECT count(*) FROM offices WHERE code LIKE 'office-%'").getInt() == 5000);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a checkpointer that cannot open the store gives up quietly") {
  BackgroundCheckpoint copier("/nonexistent-directory/store.db");
  copier.committed();
  CHECK_FALSE(copier.drain());  // returns, and says so: the thread has ended
}
