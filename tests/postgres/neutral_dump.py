#!/usr/bin/env python3
"""Every row of every table of a vrathaus store, the same text on SQLite and on PostgreSQL.

usage: neutral_dump.py STORE       (a file path, or a postgresql:// URL read with psql)

One line per table and row: the table's name and the row as JSON with its columns by name, rows
sorted by their text (so neither engine's order or collation matters). Integers are numbers,
text is text, bytes are "\\x" and hex, as PostgreSQL prints a bytea. The schema-version
bookkeeping (PRAGMA user_version, the vrathaus_schema_version table) is not data and is left out.
"""
import json
import sqlite3
import subprocess
import sys

VERSION_TABLE = "vrathaus_schema_version"


def value(v):
    return "\\x" + v.hex() if isinstance(v, bytes) else v


def sqlite_rows(path):
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        cursor = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield table, {n: value(v) for n, v in zip(names, row)}


def psql(url, query):
    return subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", query],
                          check=True, capture_output=True, text=True).stdout


def pg_rows(url):
    tables = psql(url, "SELECT relname FROM pg_class WHERE relkind = 'r' AND "
                       f"relnamespace = current_schema()::regnamespace AND relname <> '{VERSION_TABLE}'").split()
    for table in tables:
        for line in psql(url, f'SELECT row_to_json(t) FROM "{table}" t').splitlines():
            yield table, json.loads(line)


def main():
    store = sys.argv[1]
    rows = pg_rows(store) if store.startswith(("postgresql://", "postgres://")) else sqlite_rows(store)
    lines = sorted(f"{table} {json.dumps(row, sort_keys=True, ensure_ascii=False)}" for table, row in rows)
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main()
