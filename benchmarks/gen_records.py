#!/usr/bin/env python3
"""Appends N 全过程记录 entries to a SQLite database, fast, for `quanze bench verify` (benchmarks/cases.sh).

Usage: benchmarks/gen_records.py <quanze.sqlite> <N>

The entries are what `quanze bench records --count N` appends (streams `bench:<i / 10>` of 10 entries,
kind `bench.step`, payload {n, summary, date}, actor `bench`, SHA-256), computed here from the
format in docs/records.md instead of through `RecordLog.append` (654 entries/s): the canonical JSON
of the entry, `entryHash = SHA-256(previous entry hash of the stream ‖ canonical)`, `leafHash =
SHA-256(0x00 ‖ entryHash)`; the log head moves on by N. `quanze records verify` afterwards checks
every entry, so this is also an independent check of that format.
"""
import hashlib
import sqlite3
import sys
import time
import uuid


def canonical(value):
    """CanonicalJSON: sorted keys (UTF-8 bytes), no whitespace, minimal escaping, raw UTF-8."""
    if value is None:
        return b"null"
    if isinstance(value, int):
        return str(value).encode()
    if isinstance(value, str):
        out = bytearray(b'"')
        for byte in value.encode("utf-8"):
            if byte == 0x22:
                out += b'\\"'
            elif byte == 0x5C:
                out += b"\\\\"
            elif byte < 0x20:
                out += b"\\u00%02x" % byte
            else:
                out.append(byte)
        out += b'"'
        return bytes(out)
    keys = sorted(value, key=lambda k: k.encode("utf-8"))
    return b"{" + b",".join(canonical(k) + b":" + canonical(value[k]) for k in keys) + b"}"


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    started = time.time()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=OFF")  # bulk load only
    size = con.execute("SELECT size FROM record_head WHERE id = 1").fetchone()[0]
    sample = con.execute("SELECT id FROM cases LIMIT 1").fetchone()
    upper = sample is None or sample[0] == str(sample[0]).upper()
    recorded = int(time.time() * 1000)
    con.execute("BEGIN")
    previous = {}
    rows = []
    for i in range(count):
        stream, index = f"bench:{i // 10}", size + i
        seq = i % 10 + 1
        payload = {"n": str(i), "summary": f"基准测试记录 {i}", "date": "2026-11-21"}
        prev = previous.get(stream, bytes(32))
        body = canonical({"v": 1, "index": index, "stream": stream, "streamSeq": seq, "kind": "bench.step",
                          "payload": payload, "actor": "bench", "recordedAt": recorded, "corrects": None, "alg": "sha256"})
        entry = hashlib.sha256(prev + body).digest()
        leaf = hashlib.sha256(b"\x00" + entry).digest()
        previous[stream] = entry
        rid = str(uuid.uuid4())
        rows.append((rid.upper() if upper else rid, index, stream, seq, "bench.step", canonical(payload).decode("utf-8"),
                     "bench", recorded, None, "sha256", prev.hex(), entry.hex(), leaf.hex()))
    con.executemany("INSERT INTO record_entries (id, leaf_index, stream, stream_seq, kind, payload, actor, recorded_ms, "
                    "corrects, algorithm, prev_hash, entry_hash, leaf_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.execute("UPDATE record_head SET size = ? WHERE id = 1", (size + count,))
    con.execute("COMMIT")
    print(f"appended {count} entries ({size} → {size + count}) in {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()
