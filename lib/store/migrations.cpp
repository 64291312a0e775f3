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

// Version 3: tier upgrades. ID document numbers and eID pseudonyms are never stored in clear, only
// as keyed hashes (HMAC-SHA256 under the store's document key), which is enough to notice a
// document or an eID presented for a second account.
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

// Version 4: resident parking permits, SEPA mandates, charges and payment export batches.
// Statuses stored here are the lasting facts ('active' or 'revoked'); whether a permit is valid
// on a given day is decided by domain/permit_period.hpp from its dates.
constexpr const char* kPermitsAndPayments = R"sql(
CREATE TABLE mandates (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id),
  iban          TEXT NOT NULL,
  bic           TEXT,
  reference     TEXT NOT NULL,
  signed_on     TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active','revoked')),
  last_used_on  TEXT,                  -- collection date of the last export that used it
  revoked_on    TEXT,
  revoke_reason TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
-- References are unique case-insensitively (they only hold ASCII, so upper() is exact).
CREATE UNIQUE INDEX mandates_reference ON mandates(upper(reference));
-- Serves "the account's most recently signed active mandate" without sorting.
CREATE INDEX mandates_account ON mandates(account_id, status, signed_on);

CREATE TABLE permits (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id),
  plate         TEXT NOT NULL,           -- normalised: DO-AB 1234
  zone          TEXT NOT NULL,
  valid_from    TEXT NOT NULL,           -- local dates, both inclusive
  valid_until   TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active','revoked')),
  auto_renew    INTEGER NOT NULL DEFAULT 1 CHECK (auto_renew IN (0,1)),
  fee_cents     INTEGER NOT NULL CHECK (fee_cents >= 0),
  renewed_from  INTEGER REFERENCES permits(id),
  revoked_on    TEXT,
  revoke_reason TEXT,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (valid_from <= valid_until)
);
-- A permit is renewed at most once, however often or concurrently the renewal runs.
CREATE UNIQUE INDEX permits_renewed_from ON permits(renewed_from) WHERE renewed_from IS NOT NULL;
CREATE INDEX permits_account ON permits(account_id, status, valid_until);
CREATE INDEX permits_plate ON permits(plate, status, valid_until);
CREATE INDEX permits_due ON permits(valid_until) WHERE status = 'active' AND auto_renew = 1;

CREATE TABLE payment_batches (
  id              INTEGER PRIMARY KEY,
  msg_id          TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  collection_date TEXT NOT NULL,
  creditor_name   TEXT NOT NULL,         -- the creditor as configured at export time
  creditor_iban   TEXT NOT NULL,
  creditor_bic    TEXT NOT NULL,
  creditor_id     TEXT NOT NULL,
  transactions    INTEGER NOT NULL,
  ctrl_sum_cents  INTEGER NOT NULL,
  sha256          TEXT NOT NULL          -- of the pain.008 file, checked when it is reproduced
);

CREATE TABLE charges (
  id                INTEGER PRIMARY KEY,
  account_id        INTEGER NOT NULL REFERENCES accounts(id),
  permit_id         INTEGER REFERENCES permits(id),
  mandate_id        INTEGER REFERENCES mandates(id),
  amount_cents      INTEGER NOT NULL CHECK (amount_cents >= 0),
  due_on            TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('open','exported','paid','cancelled')),
  batch             INTEGER REFERENCES payment_batches(id),
  created_at        TEXT NOT NULL,
  -- What the export wrote, so the file can be reproduced byte for byte by batch id.
  sequence          TEXT CHECK (sequence IN ('FRST','RCUR')),
  debtor_name       TEXT,
  debtor_iban       TEXT,
  debtor_bic        TEXT,
  mandate_reference TEXT,
  mandate_signed_on TEXT,
  remittance        TEXT
);
-- One charge per issue or renewal.
CREATE UNIQUE INDEX charges_permit ON charges(permit_id) WHERE permit_id IS NOT NULL;
CREATE INDEX charges_account ON charges(account_id, status);
CREATE INDEX charges_open ON charges(due_on) WHERE status = 'open';
CREATE INDEX charges_batch ON charges(batch, sequence) WHERE batch IS NOT NULL;
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
ALTER TABLE mandates ADD COLUMN import_run INTEGER REFERENCES import_runs(id);
)sql";

// Version 6: the folded-name index serves one query, the duplicate-person check at registration,
// which always has a birth date. Business accounts (90 % of the store, imported in bulk) have none,
// so the index leaves them out: a bulk import no longer inserts company names at random places of
// an index, the largest single cost of an import into a big store.
constexpr const char* kSamePersonIndex = R"sql(
DROP INDEX accounts_folded_name;
CREATE INDEX accounts_same_person ON accounts(folded_name, birth_date) WHERE birth_date IS NOT NULL;
)sql";

// Version 7: the tier/status index serves the lists staff look at (guests waiting for an upgrade,
// suspended private accounts). Business accounts are most of the store and arrive by the hundred
// thousand in bulk imports, where an index entry each cost about a tenth of the import's time; a
// list of business accounts reads the table in id order anyway. query_accounts() names the
// condition so that SQLite uses the index for the other tiers.
constexpr const char* kTierStatusIndex = R"sql(
DROP INDEX accounts_tier_status;
CREATE INDEX accounts_tier_status ON accounts(tier, status) WHERE tier <> 'business';
)sql";

// Version 8: what the first pass of an import learnt about a file (its delimiter and the keys it
// repeats), kept by the file's SHA-256 and the options that pass depended on. Running the same
// file again (a retry, the IT provider's cron job sending a file twice) then only hashes it
// instead of parsing it an extra time.
constexpr const char* kImportFileKeys = R"sql(
CREATE TABLE import_file_keys (
  sha256     TEXT NOT NULL,
  options    TEXT NOT NULL,     -- the delimiter and encoding given, as "<delimiter>|<encoding>"
  size       INTEGER NOT NULL,  -- bytes: files of another size need no hashing to be told apart
  delimiter  TEXT NOT NULL,     -- as found
  duplicates BLOB NOT NULL,     -- every occurrence of a repeated key (service/import_keys.cpp)
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, options)
) WITHOUT ROWID;
CREATE INDEX import_file_keys_size ON import_file_keys(size);
)sql";

// Version 9: one authorisation model. Staff records get a birth date (nobody verifies an account
// that is their own person) and may require a client certificate; tokens may be read-only;
// accounts remember who last changed their identity fields; an authority upgrade or a change of
// an authority account's identity waits for the second staff member's own confirmation; an
// idempotency key is bound to the request it was first used for; the audit chain is sealed with
// a forward-evolving key; the store records a check value of its document key.
constexpr const char* kAuthorisation = R"sql(
ALTER TABLE staff ADD COLUMN birth_date TEXT;
ALTER TABLE staff ADD COLUMN client_cert_sha256 TEXT;   -- SHA-256 of the DER certificate it must present
ALTER TABLE tokens ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0,1));
ALTER TABLE accounts ADD COLUMN identity_changed_at TEXT;
ALTER TABLE accounts ADD COLUMN identity_changed_by TEXT;

-- Upgrades gain the statuses of the two-step four-eyes confirmation.
CREATE TABLE upgrades_v9 (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts(id),
  from_tier          TEXT NOT NULL CHECK (from_tier IN ('guest','private','business','authority')),
  to_tier            TEXT NOT NULL CHECK (to_tier IN ('private','business','authority')),
  status             TEXT NOT NULL CHECK (status IN ('pending','awaiting-confirmation','performed','rejected',
                                                     'revoked','expired')),
  method             TEXT CHECK (method IN ('in-person','online-id')),
  office             TEXT REFERENCES offices(code),
  staff              TEXT REFERENCES staff(id),
  second_staff       TEXT REFERENCES staff(id),
  document_type      TEXT CHECK (document_type IN ('id-card','passport','residence-permit')),
  document_hash      TEXT,
  document_expiry    TEXT,
  document_country   TEXT,
  register_court     TEXT,
  register_no        TEXT,
  eid_pseudonym_hash TEXT,
  requested_at       TEXT NOT NULL,
  requested_by       TEXT NOT NULL,
  decided_at         TEXT,
  reason             TEXT,
  revoked_at         TEXT,
  revoked_by         TEXT,
  confirmed_at       TEXT,                           -- when the second staff member confirmed
  awaiting_until     TEXT                            -- local day after which an unconfirmed upgrade expires
);
INSERT INTO upgrades_v9 (id, account_id, from_tier, to_tier, status, method, office, staff, second_staff,
                         document_type, document_hash, document_expiry, document_country, register_court,
                         register_no, eid_pseudonym_hash, requested_at, requested_by, decided_at, reason,
                         revoked_at, revoked_by)
  SELECT id, account_id, from_tier, to_tier, status, method, office, staff, second_staff, document_type,
         document_hash, document_expiry, document_country, register_court, register_no, eid_pseudonym_hash,
         requested_at, requested_by, decided_at, reason, revoked_at, revoked_by FROM upgrades;
DROP TABLE upgrades;
ALTER TABLE upgrades_v9 RENAME TO upgrades;
CREATE INDEX upgrades_account ON upgrades(account_id);
CREATE INDEX upgrades_status ON upgrades(status, id);
CREATE INDEX upgrades_document ON upgrades(document_hash) WHERE document_hash IS NOT NULL;
CREATE UNIQUE INDEX upgrades_one_pending ON upgrades(account_id) WHERE status = 'pending';
CREATE UNIQUE INDEX upgrades_one_awaiting ON upgrades(account_id) WHERE status = 'awaiting-confirmation';

-- A change of an authority account's identity fields, waiting for a second staff member.
CREATE TABLE identity_changes (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id),
  fields       TEXT NOT NULL,          -- JSON object of the new values
  reason       TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('awaiting-confirmation','confirmed','rejected','expired')),
  requested_by TEXT NOT NULL REFERENCES staff(id),
  requested_at TEXT NOT NULL,
  second_staff TEXT NOT NULL REFERENCES staff(id),
  awaiting_until TEXT NOT NULL,
  decided_at   TEXT,
  decided_by   TEXT
);
CREATE UNIQUE INDEX identity_changes_one_open ON identity_changes(account_id) WHERE status = 'awaiting-confirmation';

-- The request an idempotency key was first used with (SHA-256 of method, path and body).
ALTER TABLE idempotency ADD COLUMN request_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX idempotency_created ON idempotency(created_at);
-- Responses kept so far for remotely created tokens hold the token in clear: forget them.
DELETE FROM idempotency WHERE operation = 'tokens.create';

-- Forward-secure sealing of the audit chain. The store holds only the current sealing key; each
-- seal is made with it and the key is then replaced by a one-way function of itself, so whoever
-- reads the store later cannot make a seal for an earlier epoch. The verification key (the
-- first sealing key) is kept away from the store.
CREATE TABLE audit_sealing (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  key_id      TEXT NOT NULL,     -- names the verification key this store is sealed for
  epoch       INTEGER NOT NULL,  -- the epoch the current key seals
  sealing_key TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE TABLE audit_seals (
  epoch INTEGER PRIMARY KEY,
  seq   INTEGER NOT NULL,        -- the last audit entry this seal covers
  hash  TEXT NOT NULL,           -- that entry's chain hash
  at    TEXT NOT NULL,
  tag   TEXT NOT NULL            -- HMAC-SHA256 under the epoch's sealing key
);

-- Settings that belong to the store itself, e.g. the check value of its document key.
CREATE TABLE store_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Version 10: direct debit the way a German bank takes it, and what comes back. Each export
// batch records its file format and the creditor's address as written; each charge records the
// debtor's structured address, its EndToEndId and, when the mandate's IBAN changed since its last
// collection, the IBAN collected before (the amendment the bank needs). Charges may be returned
// or disputed after the bank's return files, re-presented once (a new charge pointing at the
// returned one), followed by a return fee, cancelled with a reason or paid by other means. The
// status is a CHECK constraint, so the table is rebuilt; nothing references charges.
constexpr const char* kDirectDebitReturns = R"sql(
ALTER TABLE payment_batches ADD COLUMN format TEXT NOT NULL DEFAULT 'pain.008.001.02'
  CHECK (format IN ('pain.008.001.02','pain.008.001.08'));
ALTER TABLE payment_batches ADD COLUMN creditor_street TEXT;
ALTER TABLE payment_batches ADD COLUMN creditor_house_no TEXT;
ALTER TABLE payment_batches ADD COLUMN creditor_postal_code TEXT;
ALTER TABLE payment_batches ADD COLUMN creditor_town TEXT;
ALTER TABLE payment_batches ADD COLUMN creditor_country TEXT;

CREATE TABLE charges_v10 (
  id                   INTEGER PRIMARY KEY,
  account_id           INTEGER NOT NULL REFERENCES accounts(id),
  permit_id            INTEGER REFERENCES permits(id),
  mandate_id           INTEGER REFERENCES mandates(id),
  amount_cents         INTEGER NOT NULL CHECK (amount_cents >= 0),
  due_on               TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('open','exported','paid','cancelled','returned','disputed')),
  kind                 TEXT NOT NULL DEFAULT 'permit' CHECK (kind IN ('permit','re-presentation','return-fee')),
  origin               INTEGER REFERENCES charges(id),  -- the returned charge a re-presentation or fee is for
  batch                INTEGER REFERENCES payment_batches(id),
  created_at           TEXT NOT NULL,
  -- What the export wrote, so the file can be reproduced byte for byte by batch id.
  sequence             TEXT CHECK (sequence IN ('FRST','RCUR')),
  debtor_name          TEXT,
  debtor_iban          TEXT,
  debtor_bic           TEXT,
  mandate_reference    TEXT,
  mandate_signed_on    TEXT,
  remittance           TEXT,
  end_to_end_id        TEXT,
  debtor_street        TEXT,
  debtor_house_no      TEXT,
  debtor_postal_code   TEXT,
  debtor_town          TEXT,
  debtor_country       TEXT,
  original_debtor_iban TEXT,           -- amendment: the IBAN of the mandate's previous collection
  -- What happened after the export, or instead of it.
  return_reason        TEXT,           -- ISO reason code from the bank (AC04, AM04, MD06, …)
  returned_on          TEXT,
  settled_at           TEXT,           -- cancelled or marked paid: when, by whom, how
  settled_by           TEXT,
  paid_method          TEXT CHECK (paid_method IN ('cash','transfer','epayment')),
  paid_reference       TEXT,
  cancel_reason        TEXT
);
INSERT INTO charges_v10 (id, account_id, permit_id, mandate_id, amount_cents, due_on, status, batch, created_at,
                         sequence, debtor_name, debtor_iban, debtor_bic, mandate_reference, mandate_signed_on,
                         remittance, end_to_end_id)
  SELECT id, account_id, permit_id, mandate_id, amount_cents, due_on, status, batch, created_at, sequence,
         debtor_name, debtor_iban, debtor_bic, mandate_reference, mandate_signed_on, remittance,
         CASE WHEN batch IS NULL THEN NULL ELSE 'VR-C' || id END FROM charges;
DROP TABLE charges;
ALTER TABLE charges_v10 RENAME TO charges;
-- One charge per issue or renewal (re-presentations and fees point at it through origin).
CREATE UNIQUE INDEX charges_permit ON charges(permit_id) WHERE permit_id IS NOT NULL AND kind = 'permit';
CREATE INDEX charges_account ON charges(account_id, status);
CREATE INDEX charges_open ON charges(due_on) WHERE status = 'open';
CREATE INDEX charges_batch ON charges(batch, sequence) WHERE batch IS NOT NULL;
CREATE UNIQUE INDEX charges_end_to_end ON charges(end_to_end_id) WHERE end_to_end_id IS NOT NULL;
-- A charge is re-presented, and charged a return fee, at most once.
CREATE UNIQUE INDEX charges_origin ON charges(origin, kind) WHERE origin IS NOT NULL;
CREATE INDEX charges_mandate_batch ON charges(mandate_id, batch) WHERE batch IS NOT NULL;

-- The bank's files (camt.054 returns, pain.002 rejects), each imported once (by SHA-256).
CREATE TABLE bank_files (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('camt.054','pain.002')),
  namespace   TEXT NOT NULL,
  msg_id      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  entries     INTEGER NOT NULL,
  applied     INTEGER NOT NULL,
  unmatched   INTEGER NOT NULL
);
-- Each entry of such a file and what it did; an entry without a charge was not matched.
CREATE TABLE bank_returns (
  id            INTEGER PRIMARY KEY,
  file_id       INTEGER NOT NULL REFERENCES bank_files(id),
  end_to_end_id TEXT NOT NULL,
  mandate_id    TEXT,
  amount_cents  INTEGER,
  reason        TEXT NOT NULL,
  charge_id     INTEGER REFERENCES charges(id),
  outcome       TEXT NOT NULL  -- returned, re-presented, disputed, revoked, already-returned, unmatched
);
CREATE INDEX bank_returns_file ON bank_returns(file_id);
CREATE INDEX bank_returns_charge ON bank_returns(charge_id) WHERE charge_id IS NOT NULL;
)sql";

// Planned departures and transfers, and training sessions with their enrolments.
constexpr const char* kTraining = R"sql(
-- The first day a staff member no longer counts (a departure planned ahead); NULL: none planned.
ALTER TABLE staff ADD COLUMN leaves_on TEXT;
-- Moves between offices on a date; the staff row's office is changed once the day has come.
CREATE TABLE staff_transfers (
  id          INTEGER PRIMARY KEY,
  staff       TEXT NOT NULL REFERENCES staff(id),
  on_date     TEXT NOT NULL,
  from_office TEXT NOT NULL REFERENCES offices(code),
  to_office   TEXT NOT NULL REFERENCES offices(code),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (staff, on_date)
);
CREATE TABLE training_sessions (
  id           INTEGER PRIMARY KEY,
  cert         TEXT NOT NULL,
  on_date      TEXT NOT NULL,
  trainer      TEXT NOT NULL REFERENCES staff(id),
  capacity     INTEGER NOT NULL CHECK (capacity > 0),
  office       TEXT REFERENCES offices(code),  -- NULL: open to every office
  status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','completed')),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  completed_by TEXT,
  completed_at TEXT
);
CREATE INDEX training_sessions_date ON training_sessions(cert, on_date);
CREATE TABLE training_enrolments (
  session_id  INTEGER NOT NULL REFERENCES training_sessions(id),
  staff       TEXT NOT NULL REFERENCES staff(id),
  outcome     TEXT CHECK (outcome IN ('passed','failed')),  -- NULL until the session is completed
  enrolled_by TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  PRIMARY KEY (session_id, staff)
);
CREATE INDEX training_enrolments_staff ON training_enrolments(staff);
)sql";

// Appointments: staff duty times (default: the office's hours), half-day absences, and the
// appointments themselves. A booked slot is held by one person: the unique index lets exactly one
// of two racing bookings win even if a second process skipped the check.
constexpr const char* kAppointments = R"sql(
CREATE TABLE duty_hours (
  staff     TEXT NOT NULL REFERENCES staff(id),
  weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: 1 = Monday
  from_time TEXT,                                              -- HH:MM local; both NULL: off that day
  to_time   TEXT,
  CHECK ((from_time IS NULL) = (to_time IS NULL) AND (from_time IS NULL OR to_time > from_time)),
  PRIMARY KEY (staff, weekday)
);
-- A half-day absence: from_date = to_date and local times; NULL times: whole days, as before.
ALTER TABLE absences ADD COLUMN from_time TEXT;
ALTER TABLE absences ADD COLUMN to_time TEXT;
CREATE TABLE appointments (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id),
  office        TEXT NOT NULL REFERENCES offices(code),
  kind          TEXT NOT NULL,
  local_date    TEXT NOT NULL,                  -- the office's calendar day
  starts_at     TEXT NOT NULL,                  -- RFC 3339 UTC
  ends_at       TEXT NOT NULL,
  staff         TEXT REFERENCES staff(id),      -- NULL while it needs rebooking
  status        TEXT NOT NULL CHECK (status IN ('booked','needs-rebooking','cancelled','fulfilled')),
  booked_by     TEXT NOT NULL,
  booked_at     TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  cancel_reason TEXT,
  upgrade_id    INTEGER REFERENCES upgrades(id),
  CHECK (status <> 'booked' OR staff IS NOT NULL)
);
CREATE UNIQUE INDEX appointments_staff_slot ON appointments(staff, starts_at) WHERE status = 'booked';
CREATE UNIQUE INDEX appointments_open_per_account ON appointments(account_id, kind)
  WHERE status IN ('booked','needs-rebooking');
CREATE INDEX appointments_day ON appointments(local_date, office);
CREATE INDEX appointments_staff ON appointments(staff, starts_at) WHERE staff IS NOT NULL;
)sql";

// Version 13: what the city pays back.
// A refund belongs to a collected charge; it is paid out by SEPA credit transfer (a pain.001
// batch) or by hand (marked paid out with a reference). The payee's IBAN is fixed when the refund
// is booked: the IBAN the charge was collected from.
constexpr const char* kRefunds = R"sql(
CREATE TABLE refund_batches (
  id             INTEGER PRIMARY KEY,
  msg_id         TEXT NOT NULL UNIQUE,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  execution_date TEXT NOT NULL,
  transactions   INTEGER NOT NULL,
  ctrl_sum_cents INTEGER NOT NULL,
  sha256         TEXT NOT NULL
);
CREATE TABLE refunds (
  id                 INTEGER PRIMARY KEY,
  charge_id          INTEGER NOT NULL REFERENCES charges(id),
  account_id         INTEGER NOT NULL REFERENCES accounts(id),
  amount_cents       INTEGER NOT NULL CHECK (amount_cents > 0),
  reason             TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('pending','exported','paid-out')),
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  payee_iban         TEXT,              -- NULL: no IBAN known, only a payout by hand is possible
  payee_name         TEXT,              -- as written to the credit-transfer file
  batch              INTEGER REFERENCES refund_batches(id),
  end_to_end_id      TEXT UNIQUE,
  paid_out_at        TEXT,
  paid_out_by        TEXT,
  paid_out_reference TEXT
);
CREATE INDEX refunds_charge ON refunds(charge_id);
CREATE INDEX refunds_account ON refunds(account_id);
CREATE INDEX refunds_batch ON refunds(batch) WHERE batch IS NOT NULL;
)sql";

// Version 14: the coverage report and the training plan read every whole-day absence overlapping a
// period. An index holding the columns they read answers that from the index alone; the plain
// range index made SQLite look up each table row (50,000 of them for 10,000 staff over a year).
// It serves every query the range index did, so it replaces it.
constexpr const char* kAbsenceCoverageIndex = R"sql(
DROP INDEX absences_range;
CREATE INDEX absences_range_covering ON absences(to_date, from_date, from_time, staff, reason);
)sql";

// Version 15: nothing to change. A login is unique with ASCII letters folded and every other
// character as written, which is what SQLite's lower() does; PostgreSQL's version 15 gives the
// column a collation under which its lower() does the same.
constexpr const char* kLoginCase = "SELECT 1;";

constexpr std::array kMigrations{
    Migration{1, "foundation", kFoundation},
    Migration{2, "certifications and absences", kPresence},
    Migration{3, "upgrades", kUpgrades},
    Migration{4, "permits and payments", kPermitsAndPayments},
    Migration{5, "imports", kImports},
    Migration{6, "same-person index without businesses", kSamePersonIndex},
    Migration{7, "tier and status index without businesses", kTierStatusIndex},
    Migration{8, "the keys of imported files", kImportFileKeys},
    Migration{9, "one authorisation model", kAuthorisation},
    Migration{10, "direct debit returns", kDirectDebitReturns},
    Migration{11, "planned departures, transfers and training", kTraining},
    Migration{12, "appointments", kAppointments},
    Migration{13, "refunds and dunning", kRefunds},
    Migration{14, "absences by period, covering the coverage columns", kAbsenceCoverageIndex},
    Migration{15, "logins unique by ASCII case alone", kLoginCase},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace vrathaus
