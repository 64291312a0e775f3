#pragma once
// The PostgreSQL engine, chosen by the store's URL (postgresql://… or postgres://…) and loaded
// from its module, vrathaus-postgresql.so (store/pg_module.hpp), the first time one is opened.
#include "store/sql/connection.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace vrathaus {

bool is_postgresql_url(std::string_view store);

// The URL with its password, if it has one (user:password@ or ?password=), replaced by "***".
// Messages reach it through store_url_for_display() (store/store.hpp).
std::string redacted_url(std::string_view url);

// A connection to the PostgreSQL database at `url`. Throws Error(unreachable) when it cannot
// connect, Error(internal) when the module cannot be loaded.
std::unique_ptr<sql::Connection> open_postgresql(const std::string& url, int busy_timeout_ms);

}  // namespace vrathaus
