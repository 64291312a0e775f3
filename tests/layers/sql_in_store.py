#!/usr/bin/env python3
"""Fails, naming file and line, on SQL outside the store layer.

Usage: sql_in_store.py SOURCE_DIR

Every SQL statement lives in lib/store (and the PostgreSQL engine's module, lib/postgresql): the
services, the api, the server, the remote client and the CLI ask the store's named functions. So
outside those two directories a file may not
  - include the SQL interface or a database library (store/sql/…, store/prepared.hpp, SQLiteCpp,
    sqlite3.h, pqxx),
  - build or run a statement (sql::Statement, sql::Transaction, Prepared, sql::sqlite_of,
    execAndGet, ….exec("…")),
  - hold SQL text: a string literal with a statement in it (SELECT …, INSERT INTO, UPDATE … SET,
    DELETE FROM, WITH … AS, CREATE/ALTER/DROP TABLE…, PRAGMA, SAVEPOINT).
Passing the store's connection handle along (sql::Connection&) and catching its errors
(sql::Error, from store/sql/error.hpp) are not SQL and stay allowed.

Above the services (lib/api, lib/server, lib/remote, cli) a file asks a service, never the store's
rows: of lib/store it may include only the store itself, its errors and the engine's URL rules.

Before it looks at the sources the check proves on planted lines that it finds what it must and
leaves alone what it may, so a broken pattern cannot pass silently.
"""
import re
import sys
from pathlib import Path

SCANNED = ("lib", "cli")
ALLOWED_DIRS = ("lib/store/", "lib/postgresql/")

# Files allowed to hold SQL outside lib/store while it is being moved there: none any more. A file
# put here that holds no SQL fails the check, so the list cannot go stale.
STILL_TO_MOVE: set[str] = set()

FORBIDDEN_CODE = [
    (re.compile(r'#\s*include\s*["<](store/sql/(?!error\.hpp)[^">]*|store/prepared\.hpp|SQLiteCpp/[^">]*|sqlite3\.h|pqxx/[^">]*)[">]'),
     "includes the SQL interface or a database library"),
    (re.compile(r'\bsql::(Statement|Transaction|Cursor|sqlite_of)\b'), "builds or runs a statement"),
    (re.compile(r'\bPrepared\s+\w+\s*\('), "runs a kept prepared statement"),
    (re.compile(r'\.(execAndGet|exec)\s*\(\s*"'), "runs SQL text"),
]

ABOVE_SERVICES = ("lib/api/", "lib/server/", "lib/remote/", "cli/")
STORE_INCLUDE = re.compile(r'#\s*include\s*"(store/[^"]+)"')
STORE_FOR_ALL = {"store/store.hpp", "store/sql/error.hpp", "store/pg_engine.hpp", "store/rerun_on_lost_race.hpp"}

STATEMENT = re.compile(
    r'\bSELECT\s+\S'
    r'|\bINSERT\s+INTO\b'
    r'|\bUPDATE\s+\w+\s+SET\b'
    r'|\bDELETE\s+FROM\b'
    r'|\bWITH\s+(RECURSIVE\s+)?\w+(\s*\([^)]*\))?\s+AS\b'
    r'|\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|UNIQUE\s+INDEX|VIEW|TRIGGER)\b'
    r'|\bPRAGMA\s+\w'
    r'|\b(SAVEPOINT|RELEASE\s+SAVEPOINT)\s+\w'
    r'|\bON\s+CONFLICT\b'
)

# String literals: raw ones (R"delim(…)delim", possibly over several lines) and ordinary ones.
LITERAL = re.compile(r'R"([^(\s]{0,16})\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)
COMMENT = re.compile(r'//[^\n]*|/\*.*?\*/', re.S)


def blank_comments(text):
    """Comments replaced by spaces (newlines kept), so line numbers stay right."""
    def blank(match):
        return re.sub(r'[^\n]', ' ', match.group(0))
    out, pos = [], 0
    # A comment marker inside a string literal is no comment: skip literals while scanning.
    for match in re.finditer(LITERAL.pattern + r'|' + COMMENT.pattern, text, re.S):
        out.append(text[pos:match.start()])
        token = match.group(0)
        out.append(blank(match) if token.startswith(("//", "/*")) else token)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def problems_in(text, above_services=False):
    """(line, what) for each SQL use in one file's text."""
    text = blank_comments(text)
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for pattern, what in FORBIDDEN_CODE:
            if pattern.search(line):
                found.append((number, what))
        include = STORE_INCLUDE.search(line)
        if above_services and include and include.group(1) not in STORE_FOR_ALL and not found:
            found.append((number, f"reads the store directly ({include.group(1)}): ask a service"))
    for match in LITERAL.finditer(text):
        body = match.group(2) if match.group(2) is not None else match.group(3)
        if STATEMENT.search(body):
            number = text.count("\n", 0, match.start()) + 1
            found.append((number, "holds SQL text: \"" + " ".join(body.split())[:60] + "\""))
    return found


def self_test():
    must_find = [
        'sql::Statement q(ctx.db(), "SELECT id FROM staff");',
        'auto n = "SELECT count(*) FROM charges WHERE account_id = ?";',
        'const char* q = "INSERT INTO audit(seq) VALUES (?)";',
        'std::string s = "UPDATE tokens SET revoked_at = ? WHERE id = ?";',
        'x = R"(\n  DELETE FROM permits\n)";',
        'ctx.db().exec("PRAGMA foreign_keys=ON");',
        '#include "store/sql/sql.hpp"',
        '#include "store/sql/statement.hpp"',
        '#include <pqxx/pqxx>',
        'Prepared q(db, text);',
        'auto s = "WITH due AS (SELECT 1) SELECT 2";',
    ]
    must_pass = [
        'sql::Connection& db();',
        '#include "store/sql/error.hpp"',
        '#include "store/store.hpp"',
        '} catch (const sql::Error& e) {',
        'fail(ErrorKind::conflict, "the login {} exists already", login);',
        '// SELECT id FROM staff: said in a comment, not run',
        'summary = "Select the staff to update";',
        'help = "DELETE /api/v1/tokens/{id} revokes a token";',
        'auto url = "http://example/*not a comment*/";',
    ]
    broken = [f"not found: {line}" for line in must_find if not problems_in(line)]
    broken += [f"wrongly found: {line}" for line in must_pass if problems_in(line, above_services=True)]
    if not problems_in('#include "store/account_rows.hpp"', above_services=True):
        broken.append("not found: a store row header included above the services")
    if problems_in('#include "store/account_rows.hpp"'):
        broken.append("wrongly found: a store row header included by a service")
    for b in broken:
        print(f"sql_in_store.py self-test: {b}")
    return not broken


def main():
    root = Path(sys.argv[1])
    if not self_test():
        return 1
    problems, stale = [], []
    for top in SCANNED:
        for path in sorted((root / top).rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h") or not path.is_file():
                continue
            name = path.relative_to(root).as_posix()
            if name.startswith(ALLOWED_DIRS):
                continue
            found = problems_in(path.read_text(encoding="utf-8", errors="replace"), name.startswith(ABOVE_SERVICES))
            if name in STILL_TO_MOVE:
                if not found:
                    stale.append(name)
                continue
            problems += [f"{name}:{line}: {what}" for line, what in found]
    for name in sorted(STILL_TO_MOVE):
        if not (root / name).exists():
            stale.append(name)
    if problems:
        print("SQL outside lib/store: move it into a named function in lib/store (a *_rows file) and call that:")
        print("\n".join("  " + p for p in problems))
    if stale:
        print("no SQL left in these files: take them off STILL_TO_MOVE in tests/layers/sql_in_store.py:")
        print("\n".join("  " + s for s in stale))
    if problems or stale:
        return 1
    print(f"no SQL outside lib/store and lib/postgresql ({len(STILL_TO_MOVE)} file(s) still to move)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
