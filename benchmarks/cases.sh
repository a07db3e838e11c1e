#!/usr/bin/env bash
# 执法办案 and 全过程记录 at scale: grows the demo set to N cases (SQLite), serves it with the release
# binary and drives the case list, its filters and the case page with wrk; then appends R record
# entries and times `records verify` next to the machine's raw hash rate. Figures: benchmarks/README.md.
# Usage: benchmarks/cases.sh [cases=100000] [seconds=10] [records=100000 (0: skip)]
#   env: QUANZE_BENCH_DATA=<dir> (reuse a grown database), QUANZE_BENCH_PORT, QUANZE_BENCH_CONNECTIONS ("8 64"),
#        QUANZE_BENCH_APPEND=1 (append the records through `quanze bench records` instead of gen_records.py)
#   (needs: swift build -c release; apt install wrk sqlite3; python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CASES="${1:-100000}"
DURATION="${2:-10}"
RECORDS="${3:-100000}"
BIN="${QUANZE_BIN:-.build/release/quanze}"
PORT="${QUANZE_BENCH_PORT:-18091}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 1; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"

DATA="${QUANZE_BENCH_DATA:-$(mktemp -d)}"
mkdir -p "$DATA"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT
export QUANZE_DATA_DIR="$DATA" QUANZE_DEMO_CASES="${QUANZE_DEMO_CASES:-2000}"
DB="$DATA/quanze.sqlite"

if [ ! -f "$DB" ]; then   # QUANZE_BENCH_DATA=<dir> reuses a database grown before
  echo "== demo data ($QUANZE_DEMO_CASES cases, one by one)"
  /usr/bin/time -f "   %e s" "$BIN" demo >/dev/null
fi
echo "== grow to $CASES cases (benchmarks/gen_cases.py)"
/usr/bin/time -f "   %e s" python3 benchmarks/gen_cases.py "$DB" "$CASES"
ls -la "$DB" | awk '{printf "   database: %.0f MB\n", $5/1048576}'

QUANZE_BCRYPT_COST=12 "$BIN" serve --demo --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
PID=$!
# The first start on a database grown by an older binary runs the pending migrations (012 at 1M: minutes).
STARTED=$(date +%s)
for _ in $(seq 2400); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "== server ready after $(( $(date +%s) - STARTED )) s"

echo "== query plans (supervisor1's scope: every body of the jurisdiction)"
SCOPE=$(sqlite3 "$DB" "SELECT group_concat(quote(id)) FROM agencies")
for sql in \
  "SELECT cases.* FROM cases WHERE agency_id IN (\$SCOPE) ORDER BY filed_on DESC, number DESC LIMIT 50" \
  "SELECT count(*) FROM (SELECT 1 FROM cases WHERE agency_id IN (\$SCOPE) LIMIT 10001)" \
  "SELECT cases.* FROM cases WHERE agency_id IN (\$SCOPE) AND stage = 'investigation' ORDER BY filed_on DESC, number DESC LIMIT 50" \
  "SELECT count(*) FROM (SELECT 1 FROM cases WHERE agency_id IN (\$SCOPE) AND stage = 'investigation' LIMIT 10001)" \
  "SELECT cases.* FROM cases WHERE agency_id IN (\$SCOPE) AND next_due <= '2026-11-19' AND suspended = 0 ORDER BY filed_on DESC, number DESC LIMIT 50" \
  "SELECT count(*) FROM (SELECT 1 FROM cases WHERE agency_id IN (\$SCOPE) AND next_due <= '2026-11-19' AND suspended = 0 LIMIT 10001)" \
  "SELECT cases.* FROM cases WHERE agency_id IN (\$SCOPE) AND id IN (SELECT case_id FROM case_search WHERE case_search MATCH '\"12345\"') ORDER BY filed_on DESC, number DESC LIMIT 50"; do
  echo "   $sql"
  sqlite3 "$DB" "EXPLAIN QUERY PLAN ${sql//\$SCOPE/$SCOPE}" 2>&1 | sed 's/^/      /'
done


TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"supervisor1","password":"Quanze#2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
AUTH="Authorization: Bearer $TOKEN"
CASE_ID=$(curl -fs "$BASE/api/v1/cases?per=1" -H "$AUTH" | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d.get("items") or d.get("data") or d.get("cases"))[0]["id"])')
FRAGMENT="${QUANZE_BENCH_Q:-12345}"
TITLE_Q="%E8%B6%85%E5%B8%82%E6%9C%89%E9%99%90"   # 超市有限 (4 characters: the trigram index)
SHORT_Q="%E8%B6%85%E5%B8%82"                     # 超市 (2 characters: LIKE scan)
QUERIES=("per=50" "stage=investigation&per=50" "warning=red&per=50" "q=$FRAGMENT&per=50" "q=$TITLE_Q&per=50" "q=$SHORT_Q&per=50")
for q in "${QUERIES[@]}"; do
  curl -fs "$BASE/api/v1/cases?$q" -H "$AUTH" | python3 -c "import json,sys; d=json.load(sys.stdin); print('   $q: total', d.get('total'), '(capped)' if d.get('totalCapped') else '')"
done

CONNECTIONS="${QUANZE_BENCH_CONNECTIONS:-8 64}"
run() {  # name, url, [header]
  local name="$1" url="$2"; shift 2
  for c in $CONNECTIONS; do
    echo "== $name (wrk -t2 -c$c, load: $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" "$url" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors" || true
  done
}
run "health (no database)" "$BASE/healthz"
run "case list, newest 50" "$BASE/api/v1/cases?per=50" -H "$AUTH"
run "case list, stage=investigation" "$BASE/api/v1/cases?stage=investigation&per=50" -H "$AUTH"
run "case list, warning=red" "$BASE/api/v1/cases?warning=red&per=50" -H "$AUTH"
run "case list, q=$FRAGMENT (number or title contains)" "$BASE/api/v1/cases?q=$FRAGMENT&per=50" -H "$AUTH"
run "case list, q=超市有限 (4 characters)" "$BASE/api/v1/cases?q=$TITLE_Q&per=50" -H "$AUTH"
run "case list, q=超市 (2 characters)" "$BASE/api/v1/cases?q=$SHORT_Q&per=50" -H "$AUTH"
run "case page API" "$BASE/api/v1/cases/$CASE_ID" -H "$AUTH"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""

[ "$RECORDS" -gt 0 ] || exit 0
echo "== 全过程记录: append $RECORDS entries, sign a checkpoint, then verify the whole log"
if [ -n "${QUANZE_BENCH_APPEND:-}" ]; then
  "$BIN" bench records --count "$RECORDS"             # through RecordLog.append (≈ 650 entries/s)
else
  python3 benchmarks/gen_records.py "$DB" "$RECORDS"  # the same entries, hashed in Python (seconds)
fi
"$BIN" records checkpoint >/dev/null
"$BIN" bench verify
/usr/bin/time -f "   quanze records verify: %e s wall, %M KB max RSS" "$BIN" records verify >/dev/null
echo "== raw hash throughput"
"$BIN" bench hash
