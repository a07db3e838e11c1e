#!/usr/bin/env python3
"""Crash-safety and soak runs against a real `quanze serve` (issue 7 items 2 and 3).

  reliability.py crash --kills N [--clients C]     SIGKILL the server at random moments while C
                                                   clients write cases and complaints; restart it
                                                   each time (ready within 30 s) and check at the end.
  reliability.py soak --seconds S [--clients C]    C clients (64) of mixed reads and writes for S
                                                   seconds; zero 5xx, memory (RSS) sampled.
  reliability.py multi --seconds S --database-url U
                                                   two `quanze serve` instances on one PostgreSQL,
                                                   clients spread over both (scale-out, issue 7 item 1).

Both end with the same checks, on SQLite (default, a fresh QUANZE_DATA_DIR) or PostgreSQL
(--database-url, an empty database):
  * every acknowledged write (201) is present, with the number it was acknowledged with;
  * no document number twice (cases, complaints);
  * SQLite `PRAGMA integrity_check` = ok;
  * `quanze records verify` and `quanze audit verify` pass;
  * for crash runs, every restart became ready within 30 s.
Standard library only. Exit status 0 when every check passed. Figures are printed as JSON
(`--json FILE` writes them too) for benchmarks/README.md.
"""

import argparse
import datetime
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PASSWORD = "Quanze#2026"
READY_LIMIT = 30.0


def demo_uuid(key: str) -> str:
    """DemoIDs.uuid: SHA-256 of `quanze-demo:<key>`, version 5 style, RFC 4122 variant."""
    b = bytearray(bytes.fromhex(hashlib.sha256(f"quanze-demo:{key}".encode()).hexdigest()[:32]))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(b)))


AMR = demo_uuid("agency:amr")
PENALTY_POWER = demo_uuid("power:amr:XZCF-001")
LEAD, ASSIST = demo_uuid("officer:amr:0"), demo_uuid("officer:amr:2")


def today_cst() -> str:
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


class Server:
    def __init__(self, args, work, port=None, name="server"):
        self.bin = args.bin
        self.port = port or args.port
        self.base = f"http://127.0.0.1:{self.port}"
        self.work = work
        self.data = os.path.join(work, "data")
        os.makedirs(self.data, exist_ok=True)
        self.env = dict(os.environ)
        for k in ("DATABASE_URL", "TEST_DATABASE_URL"):
            self.env.pop(k, None)
        if args.database_url:
            self.env["DATABASE_URL"] = args.database_url
        self.env.update({
            "QUANZE_DATA_DIR": self.data, "QUANZE_DEMO_CASES": str(args.demo_cases), "QUANZE_BCRYPT_COST": "4",
            "QUANZE_PORTAL_RATE_LIMIT": "0", "LOG_LEVEL": "warning",
        })
        self.proc = None
        self.log = open(os.path.join(work, f"{name}.log"), "ab")
        self.ready_times = []

    def start(self):
        t0 = time.monotonic()
        self.proc = subprocess.Popen([self.bin, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        limit = 900 if not self.ready_times else READY_LIMIT * 4   # the first start loads the demo data
        while time.monotonic() - t0 < limit:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited with {self.proc.returncode}; see {self.work}/server.log")
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as r:
                    if r.status == 200:
                        self.ready_times.append(time.monotonic() - t0)
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"server not ready in {limit} s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_kb(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def command(self, *args):
        return subprocess.run([self.bin, *args], env=self.env, capture_output=True, text=True, timeout=900)


def call(base, method, path, body=None, token=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw or b"null")
        except ValueError:
            return e.code, None


def token(base, user):
    status, body = call(base, "POST", "/api/v1/auth/token", {"username": user, "password": PASSWORD})
    if status != 201:
        raise SystemExit(f"token for {user}: HTTP {status} {body}")
    return body["token"]


class Ledger:
    """Acknowledged writes and what went wrong, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.cases = {}        # id -> number
        self.complaints = {}   # tracking code -> number
        self.status = {}       # HTTP status -> count
        self.errors = 0        # connection errors (expected while the server is down)
        self.server_errors = []

    def count(self, status):
        with self.lock:
            self.status[status] = self.status.get(status, 0) + 1


def write_case(base, tok, ledger):
    body = {"powerItemId": PENALTY_POWER, "procedure": "penalty_ordinary", "source": "inspection", "title": "可靠性测试案",
            "facts": "可靠性测试：检查发现当事人未取得食品经营许可从事经营。", "filedOn": today_cst(),
            "parties": [{"kind": "organization", "name": "长春某食品有限公司", "identifier": "91220101MA0Y3XKQ1X", "address": "长春市朝阳区"}],
            "officers": [{"officerId": LEAD, "role": "lead"}, {"officerId": ASSIST, "role": "assist"}]}
    status, res = call(base, "POST", "/api/v1/cases", body, tok)
    ledger.count(status)
    if status == 201:
        with ledger.lock:
            ledger.cases[res["summary"]["id"]] = res["summary"]["number"]
    elif status >= 500:
        with ledger.lock:
            ledger.server_errors.append(("POST /api/v1/cases", status, res))


def write_complaint(base, ledger):
    body = {"agencyId": AMR, "subjectKind": "agency", "content": "可靠性测试：反映执法窗口办理拖延。", "anonymous": True}
    status, res = call(base, "POST", "/api/v1/public/complaints", body)
    ledger.count(status)
    if status == 201:
        with ledger.lock:
            ledger.complaints[res["trackingCode"]] = res["number"]
    elif status >= 500:
        with ledger.lock:
            ledger.server_errors.append(("POST /api/v1/public/complaints", status, res))


READS = ["/api/v1/cases", "/api/v1/cases?page=2", "/api/v1/me/dashboard"]
PUBLIC_READS = ["/decisions", "/api/v1/public/decisions"]


def read(base, tok, ledger):
    if random.random() < 0.5:
        path, t = random.choice(READS), tok
    else:
        path, t = random.choice(PUBLIC_READS), None
    if path == "/decisions":
        try:
            with urllib.request.urlopen(base + path, timeout=30) as r:
                ledger.count(r.status)
        except urllib.error.HTTPError as e:
            ledger.count(e.code)
            if e.code >= 500:
                with ledger.lock:
                    ledger.server_errors.append((path, e.code, None))
        return
    status, res = call(base, "GET", path, None, t)
    ledger.count(status)
    if status >= 500:
        with ledger.lock:
            ledger.server_errors.append((path, status, res))


def client(bases, tok, ledger, stop, mix_reads):
    while not stop.is_set():
        base = random.choice(bases)
        try:
            r = random.random()
            if mix_reads and r < 0.7:
                read(base, tok, ledger)
            elif r < (0.85 if mix_reads else 0.5):
                write_case(base, tok, ledger)
            else:
                write_complaint(base, ledger)
        except (OSError, ValueError):
            with ledger.lock:
                ledger.errors += 1
            time.sleep(0.05)


def db_rows(server, args, sql):
    if args.database_url:
        out = subprocess.run(["psql", "-At", "-F", "\t", args.database_url, "-c", sql], capture_output=True, text=True, check=True)
        return [line.split("\t") for line in out.stdout.splitlines() if line]
    con = sqlite3.connect(os.path.join(server.data, "quanze.sqlite"))
    try:
        return [list(map(str, r)) for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def final_checks(server, args, ledger, base, tok):
    problems = []
    # Every acknowledged write, with its number.
    for cid, number in ledger.cases.items():
        status, res = call(base, "GET", f"/api/v1/cases/{cid}", None, tok)
        if status != 200 or res["summary"]["number"] != number:
            problems.append(f"acknowledged case {cid} ({number}) missing or changed: HTTP {status}")
    for code, number in ledger.complaints.items():
        status, res = call(base, "POST", "/api/v1/public/complaints/track", {"trackingCode": code})
        if status != 200 or res.get("number") != number:
            problems.append(f"acknowledged complaint {number} missing: HTTP {status}")
    numbers = list(ledger.cases.values())
    if len(set(numbers)) != len(numbers):
        problems.append("the same case number was acknowledged twice")
    for table in ("cases", "complaints"):
        for row in db_rows(server, args, f"SELECT number, COUNT(*) FROM {table} GROUP BY number HAVING COUNT(*) > 1"):
            problems.append(f"duplicate {table} number {row[0]} ×{row[1]}")
    server.stop()
    if not args.database_url:
        check = db_rows(server, args, "PRAGMA integrity_check")
        if check != [["ok"]]:
            problems.append(f"PRAGMA integrity_check: {check[:5]}")
    for cmd in (("records", "verify"), ("audit", "verify")):
        r = server.command(*cmd)
        if r.returncode != 0:
            problems.append(f"quanze {' '.join(cmd)}: {(r.stdout + r.stderr).strip()[-500:]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["crash", "soak", "multi"])
    ap.add_argument("--bin", default=os.environ.get("QUANZE_BIN", ".build/release/quanze"))
    ap.add_argument("--port", type=int, default=int(os.environ.get("QUANZE_RELIABILITY_PORT", "18090")))
    ap.add_argument("--database-url", default=None, help="PostgreSQL URL of an empty database (default: SQLite)")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=None)
    ap.add_argument("--demo-cases", type=int, default=40)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    random.seed(args.seed)
    clients = args.clients or (8 if args.mode == "crash" else 64)
    work = tempfile.mkdtemp(prefix=f"quanze-{args.mode}.")
    if args.mode == "multi" and not args.database_url:
        raise SystemExit("multi needs --database-url (several instances share one PostgreSQL)")
    server = Server(args, work)
    second = Server(args, work, port=args.port + 1, name="server2") if args.mode == "multi" else None
    ledger = Ledger()
    figures = {"mode": args.mode, "storage": "postgresql" if args.database_url else "sqlite", "clients": clients,
               "instances": 2 if args.mode == "multi" else 1}
    ok = False
    try:
        server.start()
        base = server.base
        bases = [base]
        if second:
            second.start()   # after the first: migrations and demo data are in place
            bases.append(second.base)
        # A token issued by one instance works on the other: sessions live in the database.
        tok = token(random.choice(bases), "officer.amr1")
        for b in bases:
            status, _ = call(b, "GET", "/api/v1/me", None, tok)
            if status != 200:
                raise SystemExit(f"token refused by {b}: HTTP {status}")
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(bases, tok, ledger, stop, args.mode != "crash"), daemon=True)
                   for _ in range(clients)]
        for t in threads:
            t.start()
        t0 = time.monotonic()
        rss = []
        if args.mode == "crash":
            for i in range(args.kills):
                time.sleep(random.uniform(0.3, 2.0))
                server.kill()
                if not args.database_url:
                    check = db_rows(server, args, "PRAGMA integrity_check")
                    if check != [["ok"]]:
                        raise SystemExit(f"after kill {i + 1}: integrity_check {check[:5]}")
                server.start()
                print(f"kill {i + 1}/{args.kills}: ready again in {server.ready_times[-1]:.2f} s; "
                      f"{len(ledger.cases)} cases and {len(ledger.complaints)} complaints acknowledged", flush=True)
        else:
            while time.monotonic() - t0 < args.seconds:
                time.sleep(min(5, args.seconds))
                rss.append(server.rss_kb())
        stop.set()
        for t in threads:
            t.join(timeout=60)
        elapsed = time.monotonic() - t0
        if second:
            second.stop()
        problems = final_checks(server, args, ledger, base, tok)
        restarts = server.ready_times[1:]
        if restarts and max(restarts) > READY_LIMIT:
            problems.append(f"a restart took {max(restarts):.1f} s (limit {READY_LIMIT:.0f} s)")
        if args.mode != "crash" and ledger.server_errors:
            problems.append(f"{len(ledger.server_errors)} responses 5xx, first: {ledger.server_errors[0]}")
        figures.update({
            "seconds": round(elapsed, 1), "kills": args.kills if args.mode == "crash" else 0,
            "acknowledged_cases": len(ledger.cases), "acknowledged_complaints": len(ledger.complaints),
            "responses": dict(sorted((str(k), v) for k, v in ledger.status.items())),
            "connection_errors": ledger.errors, "server_errors": len(ledger.server_errors),
            "restart_seconds_max": round(max(restarts), 2) if restarts else None,
            "restart_seconds_mean": round(sum(restarts) / len(restarts), 2) if restarts else None,
            "rss_kb_samples": rss, "problems": problems,
        })
        if args.mode != "crash" and elapsed > 0:
            figures["requests_per_second"] = round(sum(ledger.status.values()) / elapsed, 1)
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(figures, f, ensure_ascii=False, indent=1)
        for p in problems:
            print("PROBLEM:", p, file=sys.stderr)
        ok = not problems
    finally:
        server.stop()
        if second:
            second.stop()
        if ok and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work dir kept: {work}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
