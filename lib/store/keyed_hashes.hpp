#pragma once
// The keyed hashes standing in for ID document numbers and eID pseudonyms, as a whole: whether a
// store holds any (then its document key can never be replaced by a new one), and rewriting all
// of them when the key is rotated.
#include "store/sql/sql.hpp"

#include <functional>
#include <string>

namespace vrathaus {

bool store_has_keyed_hashes(sql::Connection& db);

// Replaces every stored keyed hash h by rehash(h), in the caller's transaction; returns how many.
std::int64_t rehash_keyed_hashes(sql::Connection& db, const std::function<std::string(const std::string&)>& rehash);

}  // namespace vrathaus
