# A city configuration and many due permits written in bulk: shared by the permit benchmarks
# (scripts/bench) and the permit end-to-end tests (tests/e2e), so both measure and test the same
# store. Needs sqlite3.

# due_permits_config FILE: permits, zone I-01 (Kaiserstraße) and a SEPA creditor.
due_permits_config() {
  cat >"$1" <<'YAML'
city:
  permits: { validity_months: 12, max_per_account: 1, renew_window_days: 30, fees: [{ from: 2020-01-01, fee_cents: 3070 }] }
  zones: [{ code: I-01, name: Kaiserviertel, streets: [Kaiserstraße] }]
  sepa:
    prenotification_days: 14
    creditor: { name: Stadt Dortmund, iban: DE89370400440532013000, bic: DORTDE33XXX, creditor_id: DE98ZZZ09999999999 }
YAML
}

# seed_due_permits DB N [FIRST_ID]: N verified private accounts in zone I-01 with the ids after
# FIRST_ID (default 0), each with a mandate and an auto-renew permit ending 2026-12-10 (due in a
# renewal run on 2026-11-25), written straight into the store.
seed_due_permits() {
  local db=$1 n=$2 base=${3:-0}
  sqlite3 "$db" >/dev/null <<SQL
PRAGMA foreign_keys = ON;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
INSERT INTO accounts(id, login, tier, status, given_name, family_name, street, house_no, postal_code, city,
                     folded_name, assurance, verified_at, verification_method, created_at, updated_at)
SELECT $base + i, 'p' || i || '@example.de', 'private', 'active', 'Jürgen', 'Groß ' || i, 'Kaiserstraße', '1',
       '44135', 'Dortmund', 'juergen gross ' || i, 'substantial', '2025-01-01T00:00:00Z', 'in-person',
       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n;
INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at)
SELECT id, 'DE89370400440532013000', 'BWP-' || id, '2025-12-01', 'active', created_at, created_at
  FROM accounts WHERE id > $base;
INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, created_by,
                    created_at, updated_at)
SELECT id, 'DO-A ' || (id - $base), 'I-01', '2025-12-11', '2026-12-10', 'active', 1, 3070, 'seed', created_at,
       created_at
  FROM accounts WHERE id > $base;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}
