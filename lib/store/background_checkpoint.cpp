#include "store/background_checkpoint.hpp"

#include "store/sql/sqlite_connection.hpp"

namespace vrathaus {

BackgroundCheckpoint::BackgroundCheckpoint(std::string path) : path_(std::move(path)), thread_([this] { run(); }) {}

BackgroundCheckpoint::~BackgroundCheckpoint() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void BackgroundCheckpoint::committed() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  wake_.notify_one();
}

bool BackgroundCheckpoint::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return gave_up_ || (!pending_ && !copying_); });
  return !gave_up_;
}

void BackgroundCheckpoint::run() {
  // A checkpoint that cannot run (the store cannot be opened a second time, an I/O error) only
  // leaves more for the writer's own checkpoint at the end; it is never a reason to fail the
  // import, so errors end this thread quietly.
  try {
    sql::SqliteConnection db(path_, {});
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        copying_ = false;
        idle_.notify_all();
        wake_.wait(lock, [this] { return pending_ || stopping_; });
        if (stopping_) return;
        pending_ = false;
        copying_ = true;
      }
      // PASSIVE: copies what no reader still needs and never waits for a lock.
      db.exec("PRAGMA wal_checkpoint(PASSIVE)");
    }
  } catch (const std::exception&) {
  }
  std::lock_guard lock(mutex_);
  gave_up_ = true;
  idle_.notify_all();
}

}  // namespace vrathaus
