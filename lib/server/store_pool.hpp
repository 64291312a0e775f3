#pragma once
// One SQLite connection per concurrent request, reused: opening a connection per request would
// cost more than answering most requests.
#include "store/store.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vrathaus {

class StorePool {
public:
  StorePool(std::string path, int busy_timeout_ms) : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}

  class Lease {
  public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    ~Lease() { pool_.give_back(std::move(store_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

  private:
    StorePool& pool_;
    std::unique_ptr<Store> store_;
  };

  Lease take() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto store = std::move(free_.back());
        free_.pop_back();
        return Lease(*this, std::move(store));
      }
    }
    return Lease(*this, std::make_unique<Store>(path_, OpenMode::existing, busy_timeout_ms_));
  }

private:
  void give_back(std::unique_ptr<Store> store) {
    if (!store) return;
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(store));
  }

  std::string path_;
  int busy_timeout_ms_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> free_;
};

}  // namespace vrathaus
