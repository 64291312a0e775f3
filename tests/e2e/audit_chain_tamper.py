#!/usr/bin/env python3
"""Tampers with a vrathaus store's audit chain the way an attacker who can write the file would:
changes entries and then recomputes every hash and the head, so the chain alone looks intact.

usage: audit_chain_tamper.py STORE {edit|delete|insert|reorder|truncate} SEQ
"""
import hashlib
import json
import sqlite3
import sys

COLUMNS = ["seq", "at", "actor", "client", "action", "object", "before", "after", "reason"]


def entry_hash(row, prev):
    values = [row["seq"]] + [row[c] or "" for c in COLUMNS[1:]] + [prev]
    text = json.dumps(values, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main():
    store, attack, seq = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = sqlite3.connect(store)
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM audit ORDER BY seq")]
    if attack == "edit":
        rows[seq - 1]["reason"] = "nothing to see here"
    elif attack == "delete":
        del rows[seq - 1]
    elif attack == "insert":
        forged = dict(rows[seq - 1])
        forged["action"] = "accounts.update"
        forged["reason"] = "backdated"
        rows.insert(seq - 1, forged)
    elif attack == "reorder":
        rows[seq - 1], rows[seq] = rows[seq], rows[seq - 1]
    elif attack == "truncate":
        rows = rows[: seq - 1]
    else:
        sys.exit("unknown attack " + attack)
    prev = "0" * 64
    for number, row in enumerate(rows, start=1):
        row["seq"] = number
        row["prev_hash"] = prev
        row["hash"] = entry_hash(row, prev)
        prev = row["hash"]
    db.execute("DELETE FROM audit")
    for row in rows:
        names = ",".join(row.keys())
        db.execute(f"INSERT INTO audit({names}) VALUES ({','.join('?' * len(row))})", list(row.values()))
    db.execute("DELETE FROM audit_head")
    if rows:
        db.execute("INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?)", (rows[-1]["seq"], prev))
    db.commit()


main()
