#pragma once
// The business import's settings on its connection, for as long as it runs, restored afterwards
// (the server reuses connections). They are SQLite's: on PostgreSQL the import needs none, its
// rows arrive by COPY and the server's own settings serve every session alike.
#include "store/sql/connection.hpp"

namespace vrathaus {

class ImportTuning {
public:
  explicit ImportTuning(sql::Connection& db);
  ~ImportTuning();
  ImportTuning(const ImportTuning&) = delete;
  ImportTuning& operator=(const ImportTuning&) = delete;

  // Whether the store's write-ahead log is copied back by a thread of the import's own
  // (store/background_checkpoint.hpp) rather than by the writer after each commit: SQLite in WAL mode.
  bool checkpoints_in_background() const { return wal_; }

private:
  sql::Connection& db_;
  bool sqlite_ = false;
  bool wal_ = false;
  int cache_before_ = 0;
};

}  // namespace vrathaus
