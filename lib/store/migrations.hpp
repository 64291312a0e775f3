#pragma once
#include <span>

namespace vrathaus {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Every schema change, oldest first; a store's PRAGMA user_version is the last one applied.
std::span<const Migration> migrations();

}  // namespace vrathaus
