# Shell completion, tested with bash itself: the script is sourced, COMP_WORDS/COMP_CWORD set as
# bash sets them, the function called and COMPREPLY checked. Commands complete after global
# options; values complete: formats, tiers, and office codes and staff ids read from the store.
source "$(dirname "$0")/lib.sh"
make_store
"$V" --db "$DB" -q offices add hoerde --name "Bezirksverwaltungsstelle Hörde" >/dev/null
expect 0 "$V" completion bash
printf '%s\n' "$out" >"$T/vrathaus.bash"
bash -n "$T/vrathaus.bash" || fail "the bash script parses"

# completes WORD… : the completions bash offers for the last word.
completes() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _vrathaus
           printf "%s\n" "${COMPREPLY[@]}"' _ "$T/vrathaus.bash" "$V" "$@"
}
offers() {  # offers "WANTED…" -- WORD…
  local wanted=$1
  shift 2
  local got
  got=$(completes "$@")
  for w in $wanted; do grep -qx -- "$w" <<<"$got" || fail "vrathaus $* <TAB> offers $w; got: $(tr '\n' ' ' <<<"$got")"; done
}
only() {  # only "EXACTLY…" -- WORD…
  local wanted=$1
  shift 2
  local got
  got=$(completes "$@" | sort | tr '\n' ' ')
  [ "$got" = "$(tr ' ' '\n' <<<"$wanted" | sort | tr '\n' ' ')" ] || fail "vrathaus $* <TAB>: expected $wanted, got $got"
}

only "accounts" -- acc
only "accounts" -- --db "$DB" acc
only "accounts" -- --db "$DB" -q --as it.admin -o json acc
offers "search list show reactivate" -- --db "$DB" staff ""
only "search show statement suspend" -- --db "$DB" accounts s
offers "--office --tier" -- --db "$DB" accounts list --
only "json jsonl" -- --db "$DB" -o js
only "private" -- --db "$DB" upgrades perform 1 --tier p
offers "guest private business authority" -- upgrades downgrade 1 --tier ""
only "hoerde innenstadt" -- --db "$DB" staff list --office ""
only "m.weber" -- --db "$DB" --as m.
offers "it.admin m.weber" -- --db "$DB" staff show ""
only "m.weber" -- --db "$DB" staff reactivate m
only "--office" -- --db "$DB" upgrades perform 1 --tier private --offi
offers "--document-type --document-number" -- --db "$DB" upgrades perform 1 --tier private --office innenstadt --doc
# The store is the one the command line names: another store, other offices.
"$V" --db "$T/other.db" -q db init >/dev/null
"$V" --db "$T/other.db" -q offices add brackel --name Brackel >/dev/null
only "brackel" -- --db "$T/other.db" staff list --office ""
only "" -- --db "$T/missing.db" staff list --office ""

# The hidden helper: one value per line, quiet when there is no store.
expect 0 "$V" --db "$DB" __complete offices
[ "$out" = "$(printf 'hoerde\ninnenstadt')" ] || fail "__complete offices: $out"
expect 0 "$V" --db "$T/missing.db" __complete staff
[ -z "$out$err" ] || fail "no store: nothing offered, nothing said: $out $err"
expect 0 "$V" --help
grep -q "__complete" <<<"$out" && fail "the helper is hidden from --help"

expect 0 "$V" completion zsh
grep -q bashcompinit <<<"$out" || fail "zsh uses the bash function through bashcompinit"
if command -v zsh >/dev/null; then zsh -n <<<"$out" || fail "the zsh script parses"; fi
expect 0 "$V" completion fish
grep -q "__vrathaus_values offices" <<<"$out" || fail "fish completes office codes from the store"
if command -v fish >/dev/null; then fish -n <<<"$out" || fail "the fish script parses"; fi
echo "completion: ok"
