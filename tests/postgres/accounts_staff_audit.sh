#!/usr/bin/env bash
# Accounts, staff, tokens, offices, coverage, the audit chain, db check and doctor on a PostgreSQL
# store give what they give on SQLite: the same steps run on both and their JSON is compared.
# Then two `serve` instances on one database take 2×50 account creations at once, and the audit
# chain is still one chain.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"
fresh_database accounts

# A document key file of its own for each store (a database has no "beside the store").
for engine in sqlite postgresql; do
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/$engine.key" && echo >>"$T/$engine.key")
  printf 'city:\n  document_key_file: %s\n' "$T/$engine.key" >"$T/$engine.yaml"
done

# What differs between two runs by design: random token ids and secrets, the hashes that cover
# them, and the store's own name. Everything else must be equal.
normalise() {
  jq -S 'walk(if type == "object" then
              with_entries(select(.key | IN("token", "hash", "prev_hash", "store", "file", "detail",
                                            "key_id", "tag", "verification_key", "verification_key_file", "check_value") | not))
              | (if has("id") and (.id | type) == "string" and (.id | test("^[0-9a-f]{12}$")) then .id = "TOKEN" else . end)
              | (if has("object") and (.object | type) == "string" then .object |= sub("^token:[0-9a-f]+$"; "token:TOKEN") else . end)
            else . end)'
}

# step NAME EXIT ARGS…: runs one command, keeps its normalised JSON as $RUN/NAME.json.
step() {
  local name=$1 code=$2
  shift 2
  expect "$code" "$V" --db "$STORE" -o json "$@"
  normalise <<<"$out" >"$RUN/$name.json" || fail "$name printed no JSON: $out"
}

steps() {
  STORE=$1 RUN=$T/$2
  export VRATHAUS_CONFIG=$T/$2.yaml
  mkdir -p "$RUN"
  step init 0 db init
  step office-add 0 offices add innenstadt --name "Bürgerdienste Innenstadt" --min-certified 1
  step office-update 0 offices update innenstadt --min-certified 2
  step offices 0 offices list
  step admin 0 staff add it.admin --name "IT Admin" --office innenstadt --role admin
  step clerk 0 staff add j.mueller --name "Jürgen Müller" --office innenstadt --role clerk
  step staff-list 0 staff list
  step staff-show 0 staff show j.mueller
  step staff-search 0 staff search "MUELLER"
  # Names with umlauts and mixed case, a login with capitals, and text that looks like a LIKE
  # pattern (% and _ must match themselves, never anything).
  step a1 0 accounts create --login Juergen.Mueller@Example.de --given-name Jürgen --family-name Müller --birth-date 1970-01-02
  step a2 0 accounts create --login anna@example.de --given-name ANNA --family-name Schröder
  step a3 0 accounts create --login hundred_percent@example.de --company-name "100% Grün_Bau GmbH"
  step a4 0 accounts create --login Ömer@Example.de --given-name Ömer --family-name Straße
  for q in müller MUELLER Mueller schroe SCHRÖDER example.de EXAMPLE juergen.mueller "100%" "100 %" "_" "grün_bau" \
           "grun" "strasse" "STRASSE" "ömer" "Ömer" "%" "nobody"; do
    step "search-$(echo "$q" | md5sum | cut -c1-8)" 0 accounts search "$q"
  done
  step show-login 0 accounts show juergen.mueller@example.de
  step close 0 accounts close 2 --reason "moved away"
  step closed 0 accounts list --status closed
  step token 0 tokens create --staff j.mueller --expires 2027-01-31
  step tokens 0 tokens list
  expect 0 "$V" --db "$STORE" -o json tokens list
  local token_id
  token_id=$(jq -r '.[0].id // .items[0].id' <<<"$out")
  step revoke 0 tokens revoke "$token_id"
  step coverage 1 coverage --from 2026-11-25 --to 2026-11-30
  step seal-keys 0 audit setup-keys --verification-key "$T/$2.audit.key"
  step seal 0 audit seal
  step verify 0 audit verify --verification-key "$T/$2.audit.key"
  step audit-list 0 audit list --after-seq 0
  step check 0 db check
  step doctor 0 doctor
}

steps "$T/reference.db" sqlite
steps "$PG" postgresql

for f in "$T"/sqlite/*.json; do
  name=$(basename "$f")
  if [ "$name" = check.json ] || [ "$name" = doctor.json ]; then continue; fi
  diff -u "$f" "$T/postgresql/$name" >&2 || fail "$name differs between SQLite and PostgreSQL"
done

# db check: the same verdict, and on PostgreSQL it says what it checked and what it leaves to
# the server.
for run in sqlite postgresql; do
  jq -e '.ok and .audit.ok and (.foreign_keys | length) == 0 and (.integrity | length) == 0' "$T/$run/check.json" >/dev/null ||
    fail "db check on $run: $(cat "$T/$run/check.json")"
done
jq -e '.engine == "postgresql" and (.engine_checks.ran | index("every foreign key, by query"))
       and (.engine_checks.left_to_the_engine | length) == 1' "$T/postgresql/check.json" >/dev/null ||
  fail "db check on PostgreSQL says what it checked: $(cat "$T/postgresql/check.json")"
# An orphan left by a constraint that was dropped and added back NOT VALID (as a careless restore
# may leave one) is found.
psql -X -q -v ON_ERROR_STOP=1 "$PG" >/dev/null <<'SQL'
DO $$
DECLARE c text;
BEGIN
  SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'tokens'::regclass AND contype = 'f';
  EXECUTE format('ALTER TABLE tokens DROP CONSTRAINT %I', c);
  UPDATE tokens SET staff = 'gone';
  EXECUTE format('ALTER TABLE tokens ADD CONSTRAINT %I FOREIGN KEY (staff) REFERENCES staff(id) NOT VALID', c);
END $$;
SQL
VRATHAUS_CONFIG=$T/postgresql.yaml expect 1 "$V" --db "$PG" -o json db check
jq -e '.ok == false and (.foreign_keys[0].table == "tokens") and (.foreign_keys[0].parent == "staff")' <<<"$out" >/dev/null ||
  fail "db check finds the orphaned token: $out"
psql -X -q -v ON_ERROR_STOP=1 "$PG" -c "UPDATE tokens SET staff = 'j.mueller'" >/dev/null

# doctor: the file checks (directory, WAL, disk) are SQLite's; on PostgreSQL the store is named
# with its engine, and the rest is the same.
jq -e '.ok' "$T/postgresql/doctor.json" >/dev/null || fail "doctor on PostgreSQL: $(cat "$T/postgresql/doctor.json")"
diff <(jq -c '[.checks[] | select(.check | IN("store-writable", "wal", "disk-space", "store") | not)]' "$T/sqlite/doctor.json") \
     <(jq -c '[.checks[] | select(.check | IN("store-writable", "wal", "disk-space", "store") | not)]' "$T/postgresql/doctor.json") >&2 ||
  fail "doctor's store checks differ"
VRATHAUS_CONFIG=$T/postgresql.yaml expect 0 "$V" --db "$PG" -o json doctor
jq -e '[.checks[] | select(.check == "store" and (.detail | test("^postgresql://.*[(]postgresql[)]$")))] | length == 1' \
  <<<"$out" >/dev/null || fail "doctor names the PostgreSQL store: $out"

# db backup is SQLite's: on PostgreSQL it is refused (exit 2), pointing at pg_dump.
VRATHAUS_CONFIG=$T/postgresql.yaml expect 2 "$V" --db "$PG" db backup "$T/copy.db"
grep -q pg_dump <<<"$err" || fail "db backup on PostgreSQL names pg_dump: $err"
[ ! -e "$T/copy.db" ] || fail "a refused backup writes nothing"

# A password in the URL is never shown, whatever fails.
set +e
out=$(VRATHAUS_CONFIG=$T/postgresql.yaml "$V" --db "postgresql://vr:s3cret@127.0.0.1:1/none?password=s3cret" -o json doctor 2>&1)
set -e
grep -q 'vr:\*\*\*@' <<<"$out" || fail "the store is named, masked: $out"
! grep -q s3cret <<<"$out" || fail "the password leaked: $out"

# Two instances on one database: 2×50 account creations at the same time, one audit chain.
export VRATHAUS_CONFIG=$T/postgresql.yaml
"$V" --db "$PG" tokens create --staff j.mueller -o json | jq -r .token >"$T/clerk.token"
chmod 600 "$T/clerk.token"
urls=()
for i in 1 2; do
  "$V" --db "$PG" serve --listen 127.0.0.1:0 --port-file "$T/port$i" 2>>"$T/serve$i.log" &
  PIDS+=($!)
done
for i in 1 2; do
  for _ in $(seq 400); do [ -s "$T/port$i" ] && break; sleep 0.05; done
  [ -s "$T/port$i" ] || fail "server $i did not start: $(cat "$T/serve$i.log")"
  urls+=("http://127.0.0.1:$(cat "$T/port$i")")
done
expect 0 "$V" --db "$PG" -o json audit verify
before=$(jq .entries <<<"$out")
create_many() {
  local url=$1 tag=$2 n
  for n in $(seq 50); do
    env -u VRATHAUS_DB "$V" --remote "$url" --token-file "$T/clerk.token" -q accounts create \
      --login "load-$tag-$n@example.de" --given-name "Last $n" --family-name "Load $tag" >/dev/null ||
      echo "failed: $tag $n" >>"$T/failures"
  done
}
create_many "${urls[0]}" one &
first=$!
create_many "${urls[1]}" two &
second=$!
wait "$first" "$second"
[ ! -s "$T/failures" ] || fail "some creations failed: $(cat "$T/failures") $(cat "$T"/serve*.log)"
expect 0 "$V" --db "$PG" -o json audit verify
jq -e --argjson before "$before" '.ok and .entries == $before + 100' <<<"$out" >/dev/null ||
  fail "the audit chain after 2×50 concurrent creations: $out"
[ "$(psql -X -At "$PG" -c "SELECT count(*) FROM accounts WHERE login LIKE 'load-%'")" = 100 ] || fail "100 accounts"
echo "ok"
