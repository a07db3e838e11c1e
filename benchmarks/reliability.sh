#!/usr/bin/env bash
# The long crash-safety and soak runs (issue 7): 100 SIGKILLs under 8 writers and a 30-minute
# 64-client soak, on SQLite, and on PostgreSQL when DATABASE_URL names an empty database.
# Figures go to benchmarks/results/ as JSON; put them in benchmarks/README.md.
# Usage: benchmarks/reliability.sh [kills] [soak-seconds]   (needs: swift build -c release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KILLS="${1:-100}"
SOAK="${2:-1800}"
BIN="${QUANZE_BIN:-.build/release/quanze}"
mkdir -p benchmarks/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
python3 scripts/reliability.py crash --kills "$KILLS" --bin "$BIN" --json "benchmarks/results/crash-sqlite-$stamp.json"
python3 scripts/reliability.py soak --seconds "$SOAK" --clients 64 --bin "$BIN" --json "benchmarks/results/soak-sqlite-$stamp.json"
if [[ -n "${DATABASE_URL:-}" ]]; then
  python3 scripts/reliability.py crash --kills "$KILLS" --bin "$BIN" --database-url "$DATABASE_URL" --json "benchmarks/results/crash-pg-$stamp.json"
  echo "soak on PostgreSQL: give it another empty database (DATABASE_URL_SOAK)" >&2
  if [[ -n "${DATABASE_URL_SOAK:-}" ]]; then
    python3 scripts/reliability.py soak --seconds "$SOAK" --clients 64 --bin "$BIN" --database-url "$DATABASE_URL_SOAK" \
      --json "benchmarks/results/soak-pg-$stamp.json"
  fi
fi
