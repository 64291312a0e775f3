#pragma once
// The transaction-scoped advisory lock every writing transaction on PostgreSQL takes first, so
// writers queue one after another as they do on SQLite (BEGIN IMMEDIATE) and the audit chain
// stays one chain. Transaction-scoped (pg_advisory_xact_lock): it ends with the transaction, so
// no connection can leave it held, and it works behind a transaction-pooling PgBouncer, where a
// session-level lock would stay with whichever client the server connection served last.
namespace vrathaus {

// Arbitrary but fixed: every vrathaus process on the database must use the same key.
inline constexpr long long kPgWriterLock = 0x7672617468617573;  // "vrathaus"

}  // namespace vrathaus
