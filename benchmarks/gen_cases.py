#!/usr/bin/env python3
"""Grows the demo 执法办案 set of a SQLite database to N cases, fast, for benchmarks/cases.sh.

Usage: benchmarks/gen_cases.py <quanze.sqlite> <N>

Run after `quanze demo` (schema + demo data, QUANZE_DEMO_CASES cases of 长春市市场监督管理局).
Each new case is a copy of a demo case — same body (amr), power item and version, stage, dates,
deadlines (due dates, met or open), party, officers, events and decision — under a new id, with
the body's next filing number and, if decided, the next decision number; the body's document
sequences are moved past them, so cases filed afterwards keep unique numbers. Copies are made
with INSERT … SELECT inside SQLite (one statement per table and batch), not row by row. The
copies have no 全过程记录 entries (their case pages show an empty, intact stream).
"""
import sqlite3
import sys
import time
import uuid

BATCH = 100_000


def columns(con, table):
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def main():
    path, target = sys.argv[1], int(sys.argv[2])
    started = time.time()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # bulk load only; the server runs with synchronous=FULL
    con.execute("PRAGMA cache_size=-500000")
    n0 = con.execute("SELECT count(*) FROM cases").fetchone()[0]
    d0 = con.execute("SELECT count(*) FROM case_decisions").fetchone()[0]
    if n0 == 0 or n0 >= target:
        print(f"{n0} cases already; nothing to do")
        return
    # New ids in the stored form of the existing ones (16-byte blob, or text in the same letter case).
    sample = con.execute("SELECT id FROM cases LIMIT 1").fetchone()[0]
    if isinstance(sample, bytes):
        con.create_function("new_uuid", 0, lambda: uuid.uuid4().bytes)
    elif sample == sample.upper():
        con.create_function("new_uuid", 0, lambda: str(uuid.uuid4()).upper())
    else:
        con.create_function("new_uuid", 0, lambda: str(uuid.uuid4()))
    con.execute("BEGIN")
    con.execute("CREATE TEMP TABLE src(n INTEGER PRIMARY KEY, id)")
    con.execute("INSERT INTO src(id) SELECT id FROM cases ORDER BY rowid")
    con.execute("CREATE TEMP TABLE map(seq INTEGER PRIMARY KEY, old, new)")
    need = target - n0
    while need > 0:
        take = min(need, n0)
        con.execute(f"INSERT INTO map(old, new) SELECT id, new_uuid() FROM src ORDER BY n LIMIT {take}")
        need -= take
    con.execute("CREATE INDEX temp.map_old ON map(old)")
    total = con.execute("SELECT max(seq) FROM map").fetchone()[0]
    con.execute("COMMIT")

    def number(col, base):  # 〔2026〕<n>号 with n = base + seq
        return f"substr({col}, 1, instr({col}, '〕')) || ({base} + m.seq) || '号'"

    plan = [("cases", "id", {"id": "m.new", "number": number("t.number", n0)})]
    for table in ["case_parties", "case_officers", "case_events", "case_deadlines", "case_deadline_changes",
                  "legal_reviews", "case_decisions"]:
        over = {"id": "new_uuid()", "case_id": "m.new"}
        if table == "case_decisions":
            over["number"] = number("t.number", d0)
        plan.append((table, "case_id", over))
    for table, key, over in plan:
        cols = columns(con, table)
        select = ", ".join(over.get(c, f't."{c}"') for c in cols)
        t0 = time.time()
        for lo in range(1, total + 1, BATCH):
            con.execute("BEGIN")
            con.execute(f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                        f'SELECT {select} FROM map m JOIN "{table}" t ON t."{key}" = m.old '
                        f'WHERE m.seq BETWEEN {lo} AND {lo + BATCH - 1}')
            con.execute("COMMIT")
        print(f"  {table}: {con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]} rows ({time.time() - t0:.1f} s)")
    con.execute("BEGIN")
    con.execute("UPDATE document_sequences SET last = ? WHERE kind = 'filing'", (n0 + total,))
    con.execute("UPDATE document_sequences SET last = ? WHERE kind = 'decision'", (d0 + total,))
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"{n0} → {n0 + total} cases in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
