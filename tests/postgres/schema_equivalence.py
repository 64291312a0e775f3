#!/usr/bin/env python3
"""The SQLite and the PostgreSQL schema are the same schema.

Creates a fresh SQLite store (`vrathaus db init`) and a fresh PostgreSQL database migrated with
the PostgreSQL migrations (as printed by print_pg_schema), describes both the same way -- tables;
columns with nullability and type family; primary, unique and foreign keys; CHECK constraints by
the columns they name; indexes with their keys, uniqueness and whether they are partial -- and
prints a diff of the descriptions when they differ.

usage: schema_equivalence.py PRINT_PG_SCHEMA PG_CLUSTER_SH CLUSTER_STATE_DIR
Exit 77 (skip) when no PostgreSQL cluster runs (tests/support/pg_cluster.sh).
"""
import difflib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
import uuid

# The PostgreSQL-only table recording the schema's version (SQLite keeps it in PRAGMA user_version).
VERSION_TABLE = "vrathaus_schema_version"

# Storage classes: SQLite's declared types and PostgreSQL's types, each mapped to one family.
SQLITE_FAMILIES = {"INTEGER": "integer", "TEXT": "text", "BLOB": "binary", "REAL": "real"}
PG_FAMILIES = {"bigint": "integer", "integer": "integer", "smallint": "integer", "text": "text",
               "bytea": "binary", "double precision": "real"}


def sqlite_describe(path):
    db = sqlite3.connect(path)
    out = []
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        out.append(f"table {table}")
        table_sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        columns = db.execute(f"PRAGMA table_info('{table}')").fetchall()
        names = [c[1] for c in columns]
        for _, name, decl, notnull, _, pk in sorted(columns, key=lambda c: c[1]):
            family = SQLITE_FAMILIES.get(decl.upper(), decl)
            # A primary key column is NOT NULL in PostgreSQL (and a rowid alias in SQLite).
            out.append(f"  column {name} {family} {'not null' if notnull or pk else 'null'}")
        pk = [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]]
        if pk:
            out.append(f"  primary key ({', '.join(pk)})")
        fks = {}
        for fk in db.execute(f"PRAGMA foreign_key_list('{table}')"):
            fks.setdefault(fk[0], []).append(fk)
        for refs in sorted(fks.values(), key=lambda r: (r[0][3], r[0][2])):
            frm = ", ".join(r[3] for r in refs)
            to = ", ".join(r[4] for r in refs)
            out.append(f"  foreign key ({frm}) references {refs[0][2]}({to})")
        for cols in sorted(check_columns(table_sql, names)):
            out.append(f"  check on ({cols})")
        indexes = []
        for _, name, unique, origin, partial in db.execute(f"PRAGMA index_list('{table}')"):
            if origin == "pk":
                continue
            if origin == "u":  # an inline UNIQUE constraint
                keys = [r[2] for r in db.execute(f"PRAGMA index_info('{name}')")]
                indexes.append(f"  unique key ({', '.join(keys)})")
                continue
            index_sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
            keys = sqlite_index_keys(index_sql)
            indexes.append(f"  index {name} ({', '.join(keys)}){' unique' if unique else ''}"
                           f"{' partial' if partial else ''}")
        out.extend(sorted(indexes))
    return out


def sqlite_index_keys(sql):
    """The key expressions of CREATE INDEX … ON table(keys) [WHERE …], as written."""
    body = sql[sql.index("(", sql.upper().index(" ON ")) + 1:]
    keys, depth, current = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        if ch == "," and depth == 0:
            keys.append(current)
            current = ""
        else:
            current += ch
    keys.append(current)
    return [normalise_key(k) for k in keys]


def check_columns(table_sql, column_names):
    """For each CHECK (…) of a CREATE TABLE (and columns added later), the columns it names."""
    found = []
    for match in re.finditer(r"\bCHECK\s*\(", table_sql, re.IGNORECASE):
        depth, i = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(table_sql[i], 0)
            i += 1
        expression = re.sub(r"'[^']*'", "''", table_sql[match.end():i - 1])
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expression))
        found.append(", ".join(sorted(c for c in column_names if c in words)))
    return found


def normalise_key(key):
    return re.sub(r"\s+", "", key).lower()


def psql(url, query):
    result = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", url, "-c", query],
                            check=True, capture_output=True, text=True)
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def pg_describe(url):
    out = []
    tables = [r[0] for r in psql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                      f"AND tablename <> '{VERSION_TABLE}' ORDER BY tablename COLLATE \"C\"")]
    for table in tables:
        out.append(f"table {table}")
        for name, data_type, nullable in sorted(psql(url, f"""
            SELECT column_name, data_type, is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = '{table}'""")):
            family = PG_FAMILIES.get(data_type, data_type)
            out.append(f"  column {name} {family} {'null' if nullable == 'YES' else 'not null'}")
        constraints = psql(url, f"""
            SELECT c.contype,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                   (SELECT string_agg(a.attname, ', ' ORDER BY a.attname) FROM unnest(c.conkey) k(n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                   coalesce(c.confrelid::regclass::text, ''),
                   coalesce((SELECT string_agg(a.attname, ', ' ORDER BY k.i)
                               FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n), '')
            FROM pg_constraint c WHERE c.conrelid = 'public.{table}'::regclass""")
        for kind, cols, _, _, _ in constraints:
            if kind == "p":
                out.append(f"  primary key ({cols})")
        for kind, cols, _, ref, ref_cols in sorted(constraints, key=lambda c: (c[1], c[3])):
            if kind == "f":
                out.append(f"  foreign key ({cols}) references {ref}({ref_cols})")
        for cols in sorted(c[2] for c in constraints if c[0] == "c"):
            out.append(f"  check on ({cols})")
        indexes = []
        for kind, cols, _, _, _ in constraints:
            if kind == "u":
                indexes.append(f"  unique key ({cols})")
        for name, unique, partial, nkeys in psql(url, f"""
            SELECT i.indexrelid::regclass::text, i.indisunique, i.indpred IS NOT NULL, i.indnkeyatts
            FROM pg_index i WHERE i.indrelid = 'public.{table}'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"""):
            keys = [normalise_key(r[0]) for r in psql(url, "SELECT pg_get_indexdef(" f"'{name}'::regclass, k, true) "
                                                           f"FROM generate_series(1, {nkeys}) k ORDER BY k")]
            indexes.append(f"  index {name} ({', '.join(keys)}){' unique' if unique == 't' else ''}"
                           f"{' partial' if partial == 't' else ''}")
        out.extend(sorted(indexes))
    return out


def main():
    print_pg_schema, pg_cluster, state = sys.argv[1:4]
    cluster = subprocess.run([pg_cluster, "url", state], capture_output=True, text=True)
    if cluster.returncode == 77:
        print(cluster.stderr.strip())
        return 77
    cluster.check_returncode()
    url = cluster.stdout.strip()
    binary = os.environ["VRATHAUS_BIN"]
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store.db")
        env = dict(os.environ, VRATHAUS_CONFIG="/dev/null", VRATHAUS_NOW="2026-11-25T09:00:00Z")
        env.pop("VRATHAUS_DB", None)
        subprocess.run([binary, "--db", store, "-q", "db", "init"], check=True, env=env, stdout=subprocess.DEVNULL)
        expected = sqlite_describe(store)

    # A database of its own, dropped at the end, so the test starts from an empty schema.
    database = "schema_" + uuid.uuid4().hex[:12]
    psql(url, f"CREATE DATABASE {database}")
    try:
        db_url = urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + database))
        script = subprocess.run([print_pg_schema], check=True, capture_output=True, text=True).stdout
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", db_url], input=script, check=True, text=True,
                       stdout=subprocess.DEVNULL)
        # Running the migrations again changes nothing: each one checks the recorded version.
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", db_url], input=script, check=True, text=True,
                       stdout=subprocess.DEVNULL)
        version = psql(db_url, f"SELECT version FROM {VERSION_TABLE}")[0][0]
        actual = pg_describe(db_url)
    finally:
        psql(url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")

    latest = re.findall(r"SET version = (\d+)", script)[-1]
    if version != latest:
        print(f"FAIL: the PostgreSQL schema has version {version}, its migrations end at {latest}")
        return 1
    if expected != actual:
        print("FAIL: the schemas differ (--- SQLite, +++ PostgreSQL):")
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
            expected, actual, "sqlite", "postgresql", lineterm="", n=2))
        return 1
    print(f"the SQLite and PostgreSQL schemas (version {version}) are equivalent: "
          f"{sum(1 for line in expected if line.startswith('table '))} tables, {len(expected)} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
