# The authorisation matrix: every operation × every role — plus, locally, the local administrator
# and, remotely, a read-only token and no token at all — against what the operation declares.
# The operations and their declarations come from the binary (x-vrathaus-access in the OpenAPI
# document), so that the test walks whatever the table holds. Allowed means "not refused by the
# declaration" (the dummy input then fails on the data: 3, 4 or 5); refused means exit 6 with the
# declaration's own message. Staff are certified for everything, so a certification checked on
# the data never stands in for the role.

setup_store seed-authorisation.yaml
admin_local tokens create --staff r.admin --read-only --expires 2029-11-01 -o json | jq -r .token >"$WORK/tokens/read-only"
chmod 600 "$WORK/tokens/read-only"
admin_local tokens list -o json | jq -e 'map(select(.staff == "r.admin")) | map(.read_only) | sort == [false, true]' >/dev/null ||
  fail "tokens list shows which token is read-only"

"$VRATHAUS_BIN" openapi | jq '[.paths | to_entries[] | .key as $path | .value | to_entries[]
                                | select(.value.operationId != "healthz")
                                | {op: .value.operationId, method: (.key | ascii_upcase), path: $path,
                                   body: (.value.requestBody.content // {} | keys | first // null),
                                   access: .value["x-vrathaus-access"]}]' >"$WORK/operations.json"
[ "$(jq length "$WORK/operations.json")" -ge 40 ] || fail "the OpenAPI document lists the operations"
jq -e 'all(.[]; .access.grants | length > 0)' "$WORK/operations.json" >/dev/null || fail "every operation declares who may run it"

# Operations whose body is a file (bulk import) get an empty one.
: >"$WORK/empty.csv"
jq -r '.[] | select(.body == "text/csv") | .op' "$WORK/operations.json" >"$WORK/file-operations"

# One line per call: operation, actor, parameters (JSON), expected outcome.
jq -r --arg backend "$BACKEND" '
  def staff: {clerk: "r.clerk", supervisor: "r.supervisor", admin: "r.admin", auditor: "r.auditor",
              importer: "r.importer", portal: "r.portal"};
  def dummy($name): {code: "nowhere", cert: "identity-check"}[$name] // "999999";
  def applies($g; $p; $self):
    ($p[$g.param // ""] // null) as $v
    | if $g.when == "always" then true
      elif $g.when == "own_record" then $self != null and $v == $self
      elif $g.when == "param_is" then $v == $g.value
      elif $g.when == "param_is_not" then $v != $g.value
      elif $g.when == "flag_unset" then $v != true
      elif $g.when == "login" then $v != null and ($v | tostring | test("^[0-9]+$") | not)
      else error("unknown condition \($g.when)") end;
  def allowed($a; $actor; $p):
    if $actor == "read-only" then $a.read_only_token and allowed($a; "admin"; $p)
    else any($a.grants[];
             applies(.; $p; (if $actor == "local-admin" then null else staff[$actor] end))
             and (if $actor == "local-admin" then .local_admin else any(.roles[]; . == $actor) end))
    end;
  def line($op; $actor; $p; $a):
    [$op, $actor, ($p | tojson), (if allowed($a; $actor; $p) then "allowed" else "refused" end)] | @tsv;
  (["clerk", "supervisor", "admin", "auditor", "importer", "portal"]
   + (if $backend == "local" then ["local-admin"] else ["read-only"] end)) as $actors
  | .[] | .op as $op | .access as $a
  | ([.path | scan("\\{([a-z_]+)\\}") | .[0] | {(.): dummy(.)}] | add // {}) as $base
  | ([$base] + [$a.grants[] | select(.when | IN("param_is", "flag_unset", "login"))
                | if .when == "param_is" then $base + {(.param): .value}
                  elif .when == "flag_unset" then $base + {(.param): true}
                  else $base + {(.param): "nobody@example.invalid"} end] | unique) as $variants
  | ($variants[] as $p | $actors[] | line($op; .; $p; $a)),
    ($a.grants[] | select(.when == "own_record") | .param as $param
     | $actors[] | select(staff[.] != null) | line($op; .; $base + {($param): staff[.]}; $a))
' "$WORK/operations.json" >"$WORK/plan.tsv"

call_as() {
  local actor=$1
  shift
  if is_remote; then
    local token=$WORK/tokens/${actor/#/r.}
    [ "$actor" = read-only ] && token=$WORK/tokens/read-only
    next_url  # on PostgreSQL, each call to the other instance, as vr does
    run_vr env -u VRATHAUS_DB "$VRATHAUS_BIN" --remote "$URL" --token-file "$token" -o json call "$@"
  elif [ "$actor" = local-admin ]; then
    run_vr "$VRATHAUS_BIN" --db "$DB" -o json call "$@"
  else
    run_vr "$VRATHAUS_BIN" --db "$DB" --as "r.$actor" -o json call "$@"
  fi
}

calls=0
while IFS=$'\t' read -r op actor params expected; do
  last_command="call $op $params as $actor"
  if grep -qx "$op" "$WORK/file-operations"; then
    call_as "$actor" "$op" "$params" --file "$WORK/empty.csv"
  else
    call_as "$actor" "$op" "$params"
  fi
  calls=$((calls + 1))
  if [ "$expected" = refused ]; then
    [ "$status" = 6 ] || fail "$actor may not run $op with $params: expected exit 6"
    grep -qE "may not run $op|read-only token" <<<"$errout" || fail "$actor: $op refused by the declaration"
  else
    [ "$status" != 6 ] || fail "$actor may run $op with $params: expected no refusal"
  fi
  case $actor in local-admin | read-only) ;; *) echo "$op $actor $params $expected" >>"$TRANSCRIPT" ;; esac
done <"$WORK/plan.tsv"
[ "$calls" -ge 300 ] || fail "the walk made only $calls calls"

# Refused reads are recorded like refused changes, under the object they concern.
vr_unrecorded r.auditor audit list --actor r.portal
expect_json 'any(.[]; .action == "accounts.list.refused" and (.reason | test("may not run accounts.list")))'
expect_json 'any(.[]; .action == "accounts.show.refused" and (.object | test("999999")))'

if is_remote; then
  # A read-only token refused a change, on record. No token at all is 401 for every operation (the
  # server is restarted every 15 requests: past 20 failed logins a minute a client gets 429).
  vr_unrecorded r.auditor audit list --actor r.admin
  expect_json 'any(.[]; .action == "tokens.create.refused" and (.reason | test("read-only token")))'
  unauthenticated=0
  while IFS=$'\t' read -r op method path body; do
    if [ $((unauthenticated % 15)) = 14 ]; then stop_server && start_server; fi
    body_args=()
    [ "$body" = none ] || body_args=(-H "Content-Type: $body" --data-binary '{}')
    code=$(curl -s -o /dev/null -w '%{http_code}' -X "$method" "${body_args[@]}" "$URL/api/v1$path")
    [ "$code" = 401 ] || fail "$op without a token: expected 401, got $code"
    unauthenticated=$((unauthenticated + 1))
  done < <(jq -r '.[] | [.op, .method, (.path | gsub("\\{[a-z_]+\\}"; "999999")), .body // "none"] | @tsv' "$WORK/operations.json")
fi
