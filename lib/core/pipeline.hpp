#pragma once
// Two stages on two cores: a producer thread makes items (an import reads, decodes and validates
// rows) while the caller's thread consumes them (the import writes them to SQLite, which only one
// thread may do). Items travel in chunks through a short bounded queue, and chunks are reused, so
// memory stays flat and an item's buffers are allocated once, not once per row.
//
// The producer's exceptions reach the consumer: next() rethrows them in order, after the items
// made before. A consumer that stops early (its own error) stops the producer in the destructor.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace vrathaus {

template <class Item>
class Pipeline {
public:
  // `produce(item)` fills the next item and returns false at the end of the input; it runs on the
  // pipeline's own thread and may throw.
  explicit Pipeline(std::function<bool(Item&)> produce, std::size_t chunk_items = 256, std::size_t chunks = 4)
      : produce_(std::move(produce)), chunk_items_(chunk_items) {
    for (std::size_t i = 0; i < chunks; ++i) free_.push_back(std::make_unique<Chunk>());
    thread_ = std::thread([this] { run(); });
  }

  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // The next item, valid until the following call; nullptr at the end of the input.
  Item* next() {
    if (current_ && at_ < current_->used) return &current_->items[at_++];
    std::unique_lock lock(mutex_);
    if (current_) {
      free_.push_back(std::move(current_));
      changed_.notify_all();
    }
    changed_.wait(lock, [&] { return !full_.empty() || finished_; });
    if (full_.empty()) {
      if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
      return nullptr;
    }
    current_ = std::move(full_.front());
    full_.pop_front();
    at_ = 0;
    return &current_->items[at_++];
  }

private:
  struct Chunk {
    std::vector<Item> items;
    std::size_t used = 0;
  };

  void run() {
    std::exception_ptr error;
    for (bool more = true; more && !error;) {
      std::unique_ptr<Chunk> chunk;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !free_.empty() || stopping_; });
        if (stopping_) break;
        chunk = std::move(free_.back());
        free_.pop_back();
      }
      chunk->items.resize(chunk_items_);
      chunk->used = 0;
      try {
        while (chunk->used < chunk_items_ && (more = produce_(chunk->items[chunk->used]))) ++chunk->used;
      } catch (...) {
        error = std::current_exception();  // after the items made before it
      }
      std::lock_guard lock(mutex_);
      if (chunk->used > 0)
        full_.push_back(std::move(chunk));
      else
        free_.push_back(std::move(chunk));
      changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    error_ = error;
    finished_ = true;
    changed_.notify_all();
  }

  std::function<bool(Item&)> produce_;
  std::size_t chunk_items_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Chunk>> free_;
  std::deque<std::unique_ptr<Chunk>> full_;
  std::exception_ptr error_;
  bool stopping_ = false, finished_ = false;

  // The consumer's chunk, outside the lock.
  std::unique_ptr<Chunk> current_;
  std::size_t at_ = 0;

  std::thread thread_;  // last: started when everything above exists
};

}  // namespace vrathaus
