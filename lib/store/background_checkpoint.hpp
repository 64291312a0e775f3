#pragma once
// Copies a long writer's committed WAL frames into the store file on a thread of its own.
//
// A bulk import writes hundreds of megabytes through the WAL. Checkpointed by the writer itself,
// every page is copied a second time on the thread that should be inserting rows, and a WAL left
// to grow until the end is copied in one long pause. On its own connection and thread, a PASSIVE
// checkpoint after each commit copies what that commit wrote while the writer goes on with the next
// batch (SQLite lets one checkpointer and one writer work at once), and a fully copied WAL is
// reused from its start instead of growing.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace vrathaus {

class BackgroundCheckpoint {
public:
  // Starts the thread, which opens `path` (a store in WAL mode) on its own connection.
  explicit BackgroundCheckpoint(std::string path);
  // Stops after the checkpoint in progress, if any; what is left is the writer's to checkpoint.
  ~BackgroundCheckpoint();
  BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
  BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;

  // A transaction was committed: its frames can be copied.
  void committed();
  // Waits until what was committed before the call has been copied, or copying gave up; returns
  // false in the second case (the writer's own checkpoint at the end then copies everything).
  bool drain();

private:
  void run();

  std::string path_;
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  bool pending_ = false, copying_ = false, stopping_ = false, gave_up_ = false;
  std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace vrathaus
