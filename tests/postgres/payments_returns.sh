#!/usr/bin/env bash
# `payments returns import` on a PostgreSQL store: the same camt.054 (returns) and pain.002
# (rejects) imported on `--db postgresql://…` and on SQLite leave the same charges, mandates,
# permits and statements behind; the same file again changes nothing on either. Then the race: one
# bank file posted to two `serve` instances on one PostgreSQL database at the same moment is
# imported once (the unique SHA-256 decides) and every charge it names changes once.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"
# shellcheck source=../../scripts/lib/bank_files.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/bank_files.bash"
# shellcheck source=../../scripts/lib/due_permits.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/due_permits.bash"

fresh_database returns
SQLITE=$T/reference.db
ENTRIES=600  # charges in the bank's batch: enough that the two racing imports overlap

(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
due_permits_config "$T/city.yaml"
sed -i "s|^city:\$|city:\n  document_key_file: $T/document.key|" "$T/city.yaml"
echo "    return_fee_cents: 300" >>"$T/city.yaml"
export VRATHAUS_CONFIG=$T/city.yaml

# The same store on both engines: staff from the contract seed, then ENTRIES accounts, each with a
# mandate, a permit and its charge in one exported batch (ids given by the engines, 1 to ENTRIES).
seed_sql() {
  cat <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ENTRIES)
INSERT INTO accounts(login, tier, status, given_name, family_name, street, house_no, postal_code, city, folded_name,
                     assurance, verified_at, verification_method, created_at, updated_at)
SELECT 'p' || i || '@example.de', 'private', 'active', 'Jürgen', 'Groß ' || i, 'Kaiserstraße', '1', '44135',
       'Dortmund', 'juergen gross ' || i, 'substantial', '2025-01-01T00:00:00Z', 'in-person',
       '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n ORDER BY i;
INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at)
SELECT id, 'DE89370400440532013000', 'BWP-' || id, '2025-12-01', 'active', created_at, created_at
  FROM accounts ORDER BY id;
INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, created_by,
                    created_at, updated_at)
SELECT id, 'DO-A ' || id, 'I-01', '2025-12-11', '2026-12-10', 'active', 1, 3070, 'seed', created_at, created_at
  FROM accounts ORDER BY id;
INSERT INTO payment_batches(msg_id, created_at, created_by, collection_date, creditor_name, creditor_iban,
                            creditor_bic, creditor_id, transactions, ctrl_sum_cents, sha256, format)
VALUES ('VR-B1', '2026-12-11T09:00:00Z', 'seed', '2026-12-14', 'Stadt Dortmund', 'DE89370400440532013000',
        'DORTDE33XXX', 'DE98ZZZ09999999999', $ENTRIES, $((ENTRIES * 3070)), 'seed', 'pain.008.001.08');
INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, kind, batch, created_at,
                    sequence, debtor_name, debtor_iban, mandate_reference, mandate_signed_on, end_to_end_id)
SELECT p.account_id, p.id, m.id, 3070, '2026-12-14', 'exported', 'permit', 1, '2026-11-25T09:00:00Z', 'RCUR',
       'Juergen Gross', m.iban, m.reference, m.signed_on, 'VR-C' || p.id
  FROM permits p JOIN mandates m ON m.account_id = p.account_id ORDER BY p.id;
SQL
}
for db in "$SQLITE" "$PG"; do expect 0 "$V" --db "$db" -q db init --seed "$VRATHAUS_SOURCE_DIR/tests/contract/seed.yaml"; done
seed_sql | sqlite3 "$SQLITE" >/dev/null
seed_sql | psql -X -q -v ON_ERROR_STOP=1 "$PG" >/dev/null

# same_on_both ARGS…: the command's JSON output (and exit code) is the same on both stores.
same_on_both() {
  expect_any "$V" --db "$SQLITE" -o json "$@"
  local sqlite_out=$out sqlite_code=$code_seen
  expect_any "$V" --db "$PG" -o json "$@"
  [ "$code_seen" = "$sqlite_code" ] || fail "$*: exit $sqlite_code on SQLite, $code_seen on PostgreSQL: $err"
  [ "$out" = "$sqlite_out" ] || fail "$*: PostgreSQL differs from SQLite:
$(diff <(echo "$sqlite_out") <(echo "$out") | head -20)"
}
expect_any() {
  set +e
  out=$("$@" 2>"$T/stderr")
  code_seen=$?
  set -e
  err=$(cat "$T/stderr")
}

# The bank returns three debits (account closed, insufficient funds, refund requested), one of
# them twice, and one this store never sent; then rejects two before collection.
export VRATHAUS_NOW=2026-12-18T09:00:00Z
printf '%s\n' "VR-C1 BWP-1 3070 AC04" "VR-C2 BWP-2 3070 AM04" "VR-C3 BWP-3 3070 MD06" "VR-C1 BWP-1 3070 AC04" \
  "VR-C999 BWP-999 3070 AC04" | camt054_returns CAMT-1 >"$T/camt1.xml"
printf '%s\n' "VR-C4 BWP-4 3070 MS02" "VR-C5 BWP-5 3070 AC04" | pain002_rejects PAIN-1 VR-B1 >"$T/pain1.xml"
same_on_both payments returns import "$T/camt1.xml"
[ "$code_seen" = 1 ] || fail "an unmatched entry is exit 1: $out"
jq -e '.entries == 5 and .applied == 3 and .already == 1 and .unmatched_count == 1 and .revoked_mandates == 1
       and .re_presented == 1 and .disputed == 1 and .fees == 3' <<<"$out" >/dev/null || fail "camt.054: $out"
same_on_both payments returns import "$T/pain1.xml"
jq -e '.kind == "pain.002" and .applied == 2 and .ok' <<<"$out" >/dev/null || fail "pain.002: $out"
same_on_both payments returns import "$T/camt1.xml"
jq -e '.already_imported' <<<"$out" >/dev/null || fail "the same file again: $out"
for view in "charges list" "charges show 1" "charges show 2" "charges show 3" "mandates list 1" "mandates list 5" \
            "permits list --account 1" "accounts statement 1" "accounts statement 2" "accounts statement 3"; do
  # shellcheck disable=SC2086  # the view is a command line
  same_on_both $view
done

# The race: two instances on the PostgreSQL store, one bank file naming every other charge, posted
# to both at once (each through its own client; the first to insert the file's row wins, the
# other finds the file imported once the winner has committed, or before it started).
for id in $("$V" --db "$PG" staff list -o json | jq -r '.[].id'); do
  [ "$id" = s.kruse ] || continue
  "$V" --db "$PG" -q tokens create --staff "$id" --expires 2029-11-01 -o json | jq -r .token >"$T/token"
done
[ -s "$T/token" ] || fail "no token for s.kruse"
chmod 600 "$T/token"
start_instance() {  # start_instance N: serve on a free loopback port, its URL in $T/url-N
  "$V" --db "$PG" serve --listen 127.0.0.1:0 --port-file "$T/port-$1" 2>>"$T/serve-$1.log" &
  PIDS+=($!)
  for _ in $(seq 200); do
    [ -s "$T/port-$1" ] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || fail "instance $1 died: $(cat "$T/serve-$1.log")"
    sleep 0.05
  done
  [ -s "$T/port-$1" ] || fail "instance $1 did not start"
  echo "http://127.0.0.1:$(cat "$T/port-$1")" >"$T/url-$1"
}
start_instance 1
start_instance 2
seq 6 2 "$ENTRIES" | awk '{print "VR-C" $1, "BWP-" $1, 3070, ($1 % 4 ? "MS03" : "AC04")}' |
  camt054_returns CAMT-RACE >"$T/race.xml"
racers=$(( (ENTRIES - 4) / 2 ))
for n in 1 2; do
  env -u VRATHAUS_DB "$V" --remote "$(cat "$T/url-$n")" --token-file "$T/token" -o json \
    payments returns import "$T/race.xml" >"$T/race-$n.json" 2>"$T/race-$n.err" &
  eval "client_$n=\$!"
done
# shellcheck disable=SC2154  # set by the eval above
{ wait "$client_1" && wait "$client_2"; } || fail "a racing import failed: $(cat "$T"/race-*.err)"
[ "$(jq -s '[.[] | select(.already_imported == false)] | length' "$T/race-1.json" "$T/race-2.json")" = 1 ] ||
  fail "the file is imported by exactly one instance: $(cat "$T/race-1.json" "$T/race-2.json")"
jq -s -e --argjson n "$racers" '[.[] | select(.already_imported == false)][0] | .applied == $n and .fees == $n' \
  "$T/race-1.json" "$T/race-2.json" >/dev/null || fail "the winner applies every entry: $(cat "$T"/race-*.json)"
jq -s -e '[.[].file_id] | unique | length == 1' "$T/race-1.json" "$T/race-2.json" >/dev/null ||
  fail "both answers name the one file: $(cat "$T"/race-*.json)"
counts=$(psql -X -At "$PG" -c "SELECT (SELECT count(*) FROM bank_files WHERE msg_id = 'CAMT-RACE'),
  (SELECT count(*) FROM bank_returns r JOIN bank_files f ON f.id = r.file_id WHERE f.msg_id = 'CAMT-RACE'),
  (SELECT count(*) FROM charges WHERE kind = 'return-fee' AND origin >= 6),
  (SELECT count(*) FROM charges WHERE id >= 6 AND id <= $ENTRIES AND id % 2 = 0 AND status = 'returned')")
[ "$counts" = "1|$racers|$racers|$racers" ] ||
  fail "once each (files|entries|fees|returned charges), expected 1|$racers|$racers|$racers: $counts"

# The unique constraint, not the look-up before it, decides: another session holds an uncommitted
# row for the file's SHA-256 while the import looks (and finds nothing), so its insert waits; once
# that session commits, the import finds the file imported and changes nothing.
printf '%s\n' "VR-C7 BWP-7 3070 MS03" "VR-C9 BWP-9 3070 MS03" | camt054_returns CAMT-HELD >"$T/held.xml"
sha=$(sha256sum "$T/held.xml" | cut -d' ' -f1)
mkfifo "$T/holder.in"
psql -X -q -At -v ON_ERROR_STOP=1 "$PG" <"$T/holder.in" >"$T/holder.out" 2>&1 &
PIDS+=($!)
exec 3>"$T/holder.in"
echo "BEGIN; INSERT INTO bank_files(sha256, name, kind, namespace, msg_id, imported_at, imported_by, entries, applied,
      unmatched) VALUES ('$sha', 'held.xml', 'camt.054', 'ns', 'CAMT-HELD', 't', 'psql', 0, 0, 0) RETURNING id;" >&3
for _ in $(seq 200); do [ -s "$T/holder.out" ] && break; sleep 0.05; done
held_id=$(head -1 "$T/holder.out")
[[ $held_id =~ ^[0-9]+$ ]] || fail "the holding session: $(cat "$T/holder.out")"
"$V" --db "$PG" -o json payments returns import "$T/held.xml" >"$T/held.json" 2>"$T/held.err" &
importer=$!
waiting=0
for _ in $(seq 400); do
  waiting=$(psql -X -At "$PG" -c "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                                   AND query LIKE 'INSERT INTO bank_files%'")
  [ "$waiting" = 1 ] && break
  kill -0 "$importer" 2>/dev/null || break
  sleep 0.05
done
[ "$waiting" = 1 ] || fail "the import does not wait for the held file row: $(cat "$T/held.err" "$T/held.json")"
echo "COMMIT;" >&3
exec 3>&-
wait "$importer" || fail "the import after the held row: $(cat "$T/held.err")"
jq -e --argjson id "$held_id" '.already_imported and .file_id == $id and .msg_id == "CAMT-HELD"' "$T/held.json" \
  >/dev/null || fail "the import finds the file imported: $(cat "$T/held.json")"
[ "$(psql -X -At "$PG" -c "SELECT string_agg(status, ',' ORDER BY id) FROM charges WHERE id IN (7, 9)")" = \
  "exported,exported" ] || fail "the held file's charges changed"
echo "ok"
