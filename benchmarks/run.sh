#!/usr/bin/env bash
# Load benchmarks for Quanze: starts the release binary on demo data (SQLite) and drives it with
# wrk on loopback. Figures and how they were taken: benchmarks/README.md.
# Usage: benchmarks/run.sh [duration-seconds]   (needs: swift build -c release; apt install wrk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION="${1:-10}"
BIN="${QUANZE_BIN:-.build/release/quanze}"
PORT="${QUANZE_BENCH_PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 1; }

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
QUANZE_DATA_DIR="$DATA" QUANZE_BCRYPT_COST=12 "$BIN" serve --demo --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 60); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"supervisor1","password":"Quanze#2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
UNIT=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("工作日"))')

run() {  # name, url, [header]
  local name="$1" url="$2"; shift 2
  echo "== $name"
  wrk -t2 -c64 -d"${DURATION}s" --latency "$@" "$url" | grep -E "Requests/sec|99%|Non-2xx" || true
}
run "health (no database)"              "$BASE/healthz"
run "public portal home (page, 2 queries)" "$BASE/"
run "public agencies API (21 rows JSON)"  "$BASE/api/v1/public/agencies"
run "deadline API (bearer token + calendar)" "$BASE/api/v1/calendar/deadline?start=2025-09-30&value=5&unit=$UNIT" -H "Authorization: Bearer $TOKEN"
run "me API (bearer token; token, account, roles, scope: 6 queries)"    "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN"
AMR=$(python3 -c 'import uuid,hashlib; h=hashlib.sha256(b"quanze-demo:agency:amr").hexdigest()[:32]; b=bytearray.fromhex(h); b[6]=(b[6]&0x0F)|0x50; b[8]=(b[8]&0x3F)|0x80; print(str(uuid.UUID(bytes=bytes(b))).upper())')
run "public body page (powers, flowcharts, delegations, certificate holders)" "$BASE/agencies/$AMR"
run "public certificate lookup API (by number)" "$BASE/api/v1/public/certificates?number=JLCC-00030"
run "officers API (50 rows; qualification and certificate derived: 6 queries)" "$BASE/api/v1/officers?per=50" -H "Authorization: Bearer $TOKEN"
