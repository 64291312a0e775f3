#include "store/migrations.hpp"

#include <array>

namespace vrathaus {
namespace {

// Version 1: accounts, offices, staff, API tokens, the audit chain and idempotency keys.
constexpr const char* kFoundation = R"sql(
CREATE TABLE offices (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  min_certified INTEGER NOT NULL DEFAULT 2 CHECK (min_certified >= 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE staff (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  office     TEXT REFERENCES offices(code),
  roles      TEXT NOT NULL DEFAULT 'clerk',   -- comma-separated, sorted
  active     INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_office ON staff(office);

CREATE TABLE accounts (
  id                  INTEGER PRIMARY KEY,
  login               TEXT NOT NULL,
  tier                TEXT NOT NULL CHECK (tier IN ('guest','private','business','authority')),
  status              TEXT NOT NULL CHECK (status IN ('active','suspended','closed')),
  given_name          TEXT,
  family_name         TEXT,
  birth_date          TEXT,
  company_name        TEXT,
  legal_form          TEXT,
  register_court      TEXT,
  register_no         TEXT,
  vat_id              TEXT,
  customer_no         TEXT,
  street              TEXT,
  house_no            TEXT,
  postal_code         TEXT,
  city                TEXT,
  phone               TEXT,
  contact_given_name  TEXT,
  contact_family_name TEXT,
  folded_name         TEXT NOT NULL DEFAULT '',  -- German-folded names for search and duplicates
  assurance           TEXT NOT NULL DEFAULT 'low',
  verified_at         TEXT,
  verified_by         TEXT,
  verification_method TEXT,
  verified_office     TEXT,
  erased_at           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX accounts_login ON accounts(lower(login));
CREATE UNIQUE INDEX accounts_customer_no ON accounts(customer_no) WHERE customer_no IS NOT NULL;
CREATE INDEX accounts_folded_name ON accounts(folded_name);
CREATE INDEX accounts_tier_status ON accounts(tier, status);

CREATE TABLE tokens (
  id         TEXT PRIMARY KEY,
  staff      TEXT NOT NULL REFERENCES staff(id),
  secret_sha256 TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  client    TEXT,
  action    TEXT NOT NULL,
  object    TEXT,
  before    TEXT,
  after     TEXT,
  reason    TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_object ON audit(object);
CREATE INDEX audit_actor ON audit(actor);

-- The chain's head, written in the same transaction as each entry: deleting the newest
-- entries is detected as a mismatch with it.
CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT NOT NULL
);

-- Responses of changes made with an Idempotency-Key, stored in the change's own transaction.
CREATE TABLE idempotency (
  key        TEXT PRIMARY KEY,
  actor      TEXT NOT NULL,
  operation  TEXT NOT NULL,
  status     INTEGER NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

// Version 5: bulk imports of business customers. One row per import run, kept up to date by
// each committed batch, so an interrupted run is visible as 'running' with what it had done; each
// account created or changed by an import points at the run (the per-account reference of the
// run's audit entry).
constexpr const char* kImports = R"sql(
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('business')),
  file        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  on_error    TEXT NOT NULL CHECK (on_error IN ('abort','skip')),
  status      TEXT NOT NULL CHECK (status IN ('running','done')),
  rows        INTEGER NOT NULL DEFAULT 0,
  created     INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX import_runs_sha256 ON import_runs(sha256);
ALTER TABLE accounts ADD COLUMN import_run INTEGER REFERENCES import_runs(id);
)sql";

constexpr std::array kMigrations{
    Migration{1, "foundation", kFoundation},
    Migration{5, "imports", kImports},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace vrathaus
