# A city configuration and many due permits written in bulk: shared by the permit benchmarks
# (scripts/bench) and the permit end-to-end tests (tests/e2e), so both measure and test the same
# store. Needs sqlite3 (psql for a PostgreSQL store).

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

# due_permits_sql N [FIRST_ID]: N verified private accounts in zone I-01 with the ids after
# FIRST_ID (default 0), each with a mandate and an auto-renew permit ending 2026-12-10 (due in a
# renewal run on 2026-11-25), as SQL that SQLite and PostgreSQL both run.
due_permits_sql() {
  local n=$1 base=${2:-0}
  cat <<SQL
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
SQL
}

# seed_due_permits DB N [FIRST_ID]: those permits (due_permits_sql) written straight into an
# SQLite store.
seed_due_permits() {
  { echo "PRAGMA foreign_keys = ON;"; due_permits_sql "$2" "${3:-0}"; echo "PRAGMA wal_checkpoint(TRUNCATE);"; } |
    sqlite3 "$1" >/dev/null
}

# seed_due_permits_pg URL N [FIRST_ID]: the same into a PostgreSQL store (needs psql).
seed_due_permits_pg() {
  due_permits_sql "$2" "${3:-0}" | psql -X -q -v ON_ERROR_STOP=1 "$1" >/dev/null
  psql -X -q "$1" -c "ANALYZE accounts, mandates, permits" >/dev/null
}
