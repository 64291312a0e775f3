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

// Version 2: staff certifications and absences (coverage). A revoked certification keeps its row
// (revoked_on marks it) so history and past coverage stay explainable; absences are plain date
// ranges, merged per person when they overlap or touch, and may be removed.
constexpr const char* kPresence = R"sql(
CREATE TABLE certifications (
  id            INTEGER PRIMARY KEY,
  staff         TEXT NOT NULL REFERENCES staff(id),
  kind          TEXT NOT NULL,
  granted_on    TEXT NOT NULL,
  valid_until   TEXT NOT NULL CHECK (valid_until >= granted_on),
  trainer       TEXT REFERENCES staff(id),
  granted_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  revoked_on    TEXT,                 -- not valid from this local day on
  revoked_by    TEXT,
  revoked_at    TEXT,
  revoke_reason TEXT
);
CREATE INDEX certifications_staff ON certifications(staff, kind);
CREATE INDEX certifications_kind ON certifications(kind, valid_until);

CREATE TABLE absences (
  id         INTEGER PRIMARY KEY,
  staff      TEXT NOT NULL REFERENCES staff(id),
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL CHECK (to_date >= from_date),
  reason     TEXT NOT NULL,           -- holiday, illness, training; merged rows list each, comma-separated
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX absences_staff ON absences(staff, from_date);
CREATE INDEX absences_range ON absences(to_date, from_date);
)sql";

// Version 3: tier upgrades (domain.md "Tier upgrades"). ID document numbers and eID pseudonyms are
// never stored in clear, only as keyed hashes (HMAC-SHA256 under the store's document key), which
// is enough to notice a document or an eID presented for a second account.
constexpr const char* kUpgrades = R"sql(
CREATE TABLE upgrades (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id),
  from_tier          TEXT NOT NULL CHECK (from_tier IN ('guest','private','business','authority')),
  to_tier            TEXT NOT NULL CHECK (to_tier IN ('private','business','authority')),
  status             TEXT NOT NULL CHECK (status IN ('pending','performed','rejected','revoked')),
  method             TEXT CHECK (method IN ('in-person','online-id')),
  office             TEXT REFERENCES offices(code),
  staff              TEXT REFERENCES staff(id),      -- who performed or rejected it
  second_staff       TEXT REFERENCES staff(id),      -- four-eyes partner (authority)
  document_type      TEXT CHECK (document_type IN ('id-card','passport','residence-permit')),
  document_hash      TEXT,                           -- keyed hash of issuing country and number
  document_expiry    TEXT,
  document_country   TEXT,
  register_court     TEXT,
  register_no        TEXT,
  eid_pseudonym_hash TEXT,                           -- keyed hash of the eID's restricted identifier
  requested_at       TEXT NOT NULL,
  requested_by       TEXT NOT NULL,
  decided_at         TEXT,
  reason             TEXT,
  revoked_at         TEXT,
  revoked_by         TEXT
);
CREATE INDEX upgrades_account ON upgrades(account_id);
CREATE INDEX upgrades_status ON upgrades(status, id);
CREATE INDEX upgrades_document ON upgrades(document_hash) WHERE document_hash IS NOT NULL;
-- At most one open request per account.
CREATE UNIQUE INDEX upgrades_one_pending ON upgrades(account_id) WHERE status = 'pending';

-- An eID pseudonym verifies one account, ever: the primary key makes that a store invariant.
CREATE TABLE eid_pseudonyms (
  pseudonym_hash TEXT PRIMARY KEY,
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  bound_at       TEXT NOT NULL
);
CREATE INDEX eid_pseudonyms_account ON eid_pseudonyms(account_id);

-- Portal accounts held by staff members themselves: nobody upgrades their own account.
CREATE TABLE staff_accounts (
  staff      TEXT NOT NULL REFERENCES staff(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  linked_at  TEXT NOT NULL,
  PRIMARY KEY (staff, account_id)
);
CREATE INDEX staff_accounts_account ON staff_accounts(account_id);
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
    Migration{2, "certifications and absences", kPresence},
    Migration{3, "upgrades", kUpgrades},
    Migration{5, "imports", kImports},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace vrathaus
