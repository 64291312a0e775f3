#pragma once
// The seam between the `vrathaus` binary and its PostgreSQL module, vrathaus-postgresql.so: the
// engine with libpqxx and libpq, which bring Kerberos, LDAP and OpenSSL with them. Linked into the
// binary, loading them would cost every local command start-up time; only a store URL starting
// with postgresql:// or postgres:// loads the module (store/pg_engine.cpp).
//
// The module carries its own copy of the library code it needs, built from the same sources. The
// connection it makes is used through sql::Connection's virtual functions, and its statements
// throw sql::Error, which the binary catches as its own: libstdc++ compares exception types by
// name across shared objects.
#include "store/sql/connection.hpp"

#include <string>

namespace vrathaus::postgresql_module {

inline constexpr const char* kFileName = "vrathaus-postgresql.so";
inline constexpr const char* kConnectSymbol = "vrathaus_postgresql_connect";

// The module's one exported function: a new connection to `url`, or nullptr with `error` saying
// why it could not connect (the binary reports that as a store it cannot open).
using ConnectFunction = sql::Connection* (*)(const std::string& url, int busy_timeout_ms, std::string& error);

}  // namespace vrathaus::postgresql_module
