# Shared by the PostgreSQL benchmarks: a throwaway cluster, its databases, and a configuration with
# a document key (a PostgreSQL store has no directory to keep one beside it). Run from the
# repository's top directory.

# start_bench_cluster WORK: starts a cluster whose state lives in WORK/cluster and sets $cluster to
# its URL; the cluster is stopped and WORK removed when the script exits.
start_bench_cluster() {
  bench_work=$1
  chmod 755 "$bench_work"  # the cluster's owner (postgres, when run as root) reaches its state inside
  trap 'tests/support/pg_cluster.sh stop "$bench_work/cluster" >/dev/null 2>&1 || true; rm -rf "$bench_work"' EXIT
  tests/support/pg_cluster.sh start "$bench_work/cluster" >/dev/null
  cluster=$(tests/support/pg_cluster.sh url "$bench_work/cluster")
}

# database_url NAME: the URL of database NAME in the cluster.
database_url() { echo "${cluster/\/vrathaus\?/\/$1?}"; }

# bench_config FILE KEY: a city configuration naming a new document key KEY (readable by the owner
# only), exported as VRATHAUS_CONFIG; a file that exists already keeps its content below the key.
bench_config() {
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$2" && echo >>"$2")
  if [ -s "$1" ]; then
    sed -i "s#^city:#city:\n  document_key_file: $2#" "$1"
  else
    printf 'city:\n  document_key_file: %s\n' "$2" >"$1"
  fi
  export VRATHAUS_CONFIG=$1
}
