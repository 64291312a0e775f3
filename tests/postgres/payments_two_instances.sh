#!/usr/bin/env bash
# Exactly once across instances: two `vrathaus serve` on one PostgreSQL database, and the same
# `payments export` sent to both at the same moment, round after round. Every due charge lands in
# exactly one batch, no mandate goes FRST twice, the batches' totals add up, and the bank files
# together hold each charge once (read from the database with psql and from the XML files). The
# same for `payments refunds export`: each refund in one credit-transfer file.
# shellcheck source=payments_lib.bash
source "$(dirname "$0")/payments_lib.bash"
N=${PAYMENTS_TWO_INSTANCES_N:-3000}
pg() { psql -X -At -v ON_ERROR_STOP=1 "$PG" -c "$1"; }

"$V" --db "$PG" -q db init >/dev/null
"$V" --db "$PG" -q offices add innenstadt --name "Bürgerdienste Innenstadt" --min-certified 1 >/dev/null
"$V" --db "$PG" -q staff add it.admin --name Admin --office innenstadt --role admin >/dev/null
(umask 077 && "$V" --db "$PG" tokens create --staff it.admin -o json | jq -r .token >"$T/admin.token")
# N accounts, each with a mandate never used and a charge due; every tenth has a second charge
# due, which the first export holds back (one FRST per mandate) and the next collects as RCUR.
pg "INSERT INTO accounts(login, tier, status, given_name, family_name, street, house_no, postal_code, city, folded_name,
                         assurance, verified_at, verification_method, created_at, updated_at)
    SELECT 'c' || i || '@example.de', 'private', 'active', 'Jürgen', 'Groß ' || i, 'Kaiserstraße', i::text, '44135',
           'Dortmund', 'juergen gross ' || i, 'substantial', '2025-01-01T00:00:00Z', 'in-person', '2025-01-01T00:00:00Z',
           '2025-01-01T00:00:00Z' FROM generate_series(1, $N) AS i;
    INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at)
    SELECT id, 'DE89370400440532013000', 'BWP-' || id, '2025-12-01', 'active', created_at, created_at FROM accounts;
    INSERT INTO charges(account_id, mandate_id, amount_cents, due_on, status, created_at)
    SELECT account_id, id, 3070, '2026-12-09', 'open', created_at FROM mandates;
    INSERT INTO charges(account_id, mandate_id, amount_cents, due_on, status, created_at)
    SELECT account_id, id, 1500, '2026-12-10', 'open', created_at FROM mandates WHERE id % 10 = 0" >/dev/null
due=$(pg "SELECT count(*) FROM charges")

export VRATHAUS_NOW=2026-12-11T09:00:00Z
start_instance() {  # start_instance NAME: a `serve` on the database; its URL in URL_<NAME>
  "$V" --db "$PG" serve --listen 127.0.0.1:0 --port-file "$T/$1.port" 2>>"$T/$1.log" &
  PIDS+=($!)
  for _ in $(seq 200); do [ -s "$T/$1.port" ] && break; sleep 0.05; done
  [ -s "$T/$1.port" ] || fail "instance $1 did not start: $(cat "$T/$1.log")"
  printf -v "URL_$1" 'http://127.0.0.1:%s' "$(cat "$T/$1.port")"
}
start_instance a
start_instance b

# round K COMMAND…: the export sent to both instances at once; both must answer (one may have
# nothing left). Files and answers in $T/roundK-a.* and $T/roundK-b.*.
round() {
  local k=$1 name url pids=()
  shift
  for name in a b; do
    url=URL_$name
    env -u VRATHAUS_DB "$V" --remote "${!url}" --token-file "$T/admin.token" \
      "$@" --out "$T/round$k-$name.xml" -o json >"$T/round$k-$name.json" 2>"$T/round$k-$name.err" &
    pids+=($!)
  done
  for name in a b; do
    wait "${pids[0]}" || fail "round $k, instance $name: $(cat "$T/round$k-$name.err")"
    pids=("${pids[@]:1}")
  done
}
round 1 payments export
round 2 payments export
round 3 payments export

# The database: each charge exported once, in a batch whose totals are its charges'.
[ "$(pg "SELECT count(*) FROM charges WHERE status = 'exported' AND batch IS NOT NULL")" = "$due" ] ||
  fail "not every due charge was exported: $(pg "SELECT status, count(*) FROM charges GROUP BY status")"
[ "$(pg "SELECT count(*) FROM payment_batches b WHERE transactions <> (SELECT count(*) FROM charges c WHERE c.batch = b.id)
         OR ctrl_sum_cents <> (SELECT sum(amount_cents) FROM charges c WHERE c.batch = b.id)")" = 0 ] ||
  fail "a batch's totals are not its charges'"
[ "$(pg "SELECT count(*) FROM (SELECT mandate_id FROM charges WHERE sequence = 'FRST' GROUP BY mandate_id
                               HAVING count(*) > 1) AS twice")" = 0 ] || fail "a mandate went FRST twice"
[ "$(pg "SELECT count(*) FROM charges WHERE sequence = 'FRST'")" = "$N" ] || fail "one FRST per mandate"
# What the instances answered: the transactions of all answers are the due charges, once.
answered=$(cat "$T"/round*.json | jq -s '[.[].transactions] | add')
[ "$answered" = "$due" ] || fail "the exports answered $answered transactions for $due due charges"
[ "$(cat "$T"/round3-*.json | jq -s '[.[].batch] | map(select(. != null)) | length')" = 0 ] ||
  fail "the third round found something to export"
# The files: each charge's EndToEndId once across all of them, and exactly the exported ones.
cat "$T"/round*.xml | grep -o '<EndToEndId>[^<]*' | sed 's/<EndToEndId>//' | sort >"$T/in-files"
[ -z "$(uniq -d "$T/in-files")" ] || fail "charges in two files: $(uniq -d "$T/in-files" | head -5)"
pg "SELECT end_to_end_id FROM charges WHERE status = 'exported'" | sort >"$T/in-database"
cmp -s "$T/in-files" "$T/in-database" || fail "the files do not hold exactly the exported charges"
batches=$(pg "SELECT count(*) FROM payment_batches")
echo "ok: $due charges in $batches batches over two instances, each once"

# Refunds of every third charge, the credit-transfer export sent to both at once: each paid once.
pg "INSERT INTO refunds(charge_id, account_id, amount_cents, reason, status, created_at, created_by, payee_iban)
    SELECT id, account_id, 100, 'Kulanz', 'pending', '2026-12-11T09:00:00Z', 'it.admin', debtor_iban
      FROM charges WHERE id % 3 = 0" >/dev/null
refunds=$(pg "SELECT count(*) FROM refunds")
round 4 payments refunds export
[ "$(pg "SELECT count(*) FROM refunds WHERE status = 'exported' AND batch IS NOT NULL")" = "$refunds" ] ||
  fail "not every refund was exported: $(pg "SELECT status, count(*) FROM refunds GROUP BY status")"
[ "$(pg "SELECT count(*) FROM refund_batches b WHERE transactions <> (SELECT count(*) FROM refunds r WHERE r.batch = b.id)
         OR ctrl_sum_cents <> (SELECT sum(amount_cents) FROM refunds r WHERE r.batch = b.id)")" = 0 ] ||
  fail "a refund batch's totals are not its refunds'"
[ "$(cat "$T"/round4-*.json | jq -s '[.[].transactions] | add')" = "$refunds" ] || fail "the refund exports' answers"
cat "$T"/round4-*.xml | grep -o '<EndToEndId>[^<]*' | sed 's/<EndToEndId>//' | sort >"$T/refunds-in-files"
pg "SELECT end_to_end_id FROM refunds" | sort >"$T/refunds-in-database"
cmp -s "$T/refunds-in-files" "$T/refunds-in-database" || fail "the files do not hold each refund once"
echo "ok: $refunds refunds in $(pg "SELECT count(*) FROM refund_batches") batch(es) over two instances, each once"
