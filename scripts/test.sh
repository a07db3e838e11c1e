#!/usr/bin/env bash
# The whole Quanze test suite, in one command (what .ci/run executes):
#   1. tools: Debian packages (postgresql, chromium, chromium-driver, fonts-noto-cjk)
#      and the Python venv .venv with tests-e2e/requirements.txt
#   2. swift build --build-tests; swift test          (unit + HTTP tests on SQLite)
#   3. the QuanzeServerTests suite again on a throwaway PostgreSQL 15 (127.0.0.1:54329)
#   4. swift build -c release --product quanze; scripts/e2e.sh (browser, axe, schemathesis)
#   5. crash safety (SIGKILL under writers) and a short 64-client soak, SQLite and PostgreSQL,
#      and two instances on one PostgreSQL (scripts/reliability.py)
#   6. summary with each step's duration
# A failed build stops the run at once; a failed test step lets the later steps
# run, and the suite fails at the end.
# Switches for local iteration (default: everything runs):
#   QUANZE_SKIP_PG=1     skip step 3
#   QUANZE_SKIP_E2E=1    skip step 4 (release build + e2e)
#   QUANZE_SKIP_TOOLS=1  skip step 1 (trust what is installed)
#   QUANZE_SKIP_RELIABILITY=1  skip step 5 (QUANZE_CRASH_KILLS, QUANZE_SOAK_SECONDS size it)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
QZ_ROOT=$(pwd)
export QZ_ROOT
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/tools.sh
source scripts/lib/tools.sh
# shellcheck source=scripts/lib/pg.sh
source scripts/lib/pg.sh

qz_after_cleanup() {
  local rc=$1
  qz_summary "SUMMARY (whole suite)"
  if (( rc == 0 )); then
    qz_banner "ALL TESTS PASSED"
  else
    qz_banner "TEST SUITE FAILED (exit $rc)"
  fi
}
qz_install_traps

# No stray database settings from the caller's environment leak into the tests.
unset TEST_DATABASE_URL DATABASE_URL

qz_banner "Quanze test suite — $(date -u '+%Y-%m-%d %H:%M:%S UTC') — $(uname -m), $(nproc) cores, CI=${CI:-}"
qz_log "swift: $(swift --version 2>&1 | head -n1)"

# --- 1. tools ---------------------------------------------------------------
ensure_tools() {
  qz_ensure_apt_tools
  qz_ensure_venv
}
if qz_truthy "${QUANZE_SKIP_TOOLS:-}"; then
  qz_skip "tools (apt + venv)" "QUANZE_SKIP_TOOLS"
else
  qz_step "tools (apt + venv)" ensure_tools
fi

# --- 2. Swift build + tests on SQLite -----------------------------------------
qz_step "swift build --build-tests" swift build --build-tests
qz_step_soft "swift test (SQLite)" swift test

# --- 3. server tests on PostgreSQL ------------------------------------------
pg_tests() { # runs in qz_step's subshell: its own trap stops PostgreSQL
  trap 'qz_pg_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  qz_pg_start
  TEST_DATABASE_URL=$(qz_pg_url) swift test --skip-build --filter QuanzeServerTests
}
if qz_truthy "${QUANZE_SKIP_PG:-}"; then
  qz_skip "swift test QuanzeServerTests (PostgreSQL)" "QUANZE_SKIP_PG"
else
  qz_step_soft "swift test QuanzeServerTests (PostgreSQL)" pg_tests
fi
unset TEST_DATABASE_URL DATABASE_URL

# --- 4. release build + end-to-end ------------------------------------------
if qz_truthy "${QUANZE_SKIP_E2E:-}"; then
  qz_skip "swift build -c release" "QUANZE_SKIP_E2E"
  qz_skip "e2e (browser, axe, schemathesis)" "QUANZE_SKIP_E2E"
else
  qz_step "swift build -c release" swift build -c release --product quanze
  qz_step_soft "e2e (browser, axe, schemathesis)" bash scripts/e2e.sh
fi

# --- 5. crash safety and soak, short (long runs: benchmarks/reliability.sh) ----
reliability_sqlite() {
  python3 scripts/reliability.py crash --kills "${QUANZE_CRASH_KILLS:-12}" --bin .build/release/quanze
  python3 scripts/reliability.py soak --seconds "${QUANZE_SOAK_SECONDS:-45}" --clients 64 --bin .build/release/quanze
}
reliability_pg() { # its own PostgreSQL, stopped by the trap
  trap 'qz_pg_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  qz_pg_start
  python3 scripts/reliability.py crash --kills "${QUANZE_CRASH_KILLS:-12}" --bin .build/release/quanze --database-url "$(qz_pg_url)"
  psql -X -q -h 127.0.0.1 -p "$QZ_PG_PORT" -U postgres -c "DROP DATABASE $QZ_PG_DB" -c "CREATE DATABASE $QZ_PG_DB"
  python3 scripts/reliability.py soak --seconds "${QUANZE_SOAK_SECONDS:-45}" --clients 64 --bin .build/release/quanze --database-url "$(qz_pg_url)"
  psql -X -q -h 127.0.0.1 -p "$QZ_PG_PORT" -U postgres -c "DROP DATABASE $QZ_PG_DB" -c "CREATE DATABASE $QZ_PG_DB"
  python3 scripts/reliability.py multi --seconds "${QUANZE_SOAK_SECONDS:-45}" --clients 32 --bin .build/release/quanze --database-url "$(qz_pg_url)"
}
if qz_truthy "${QUANZE_SKIP_E2E:-}" || qz_truthy "${QUANZE_SKIP_RELIABILITY:-}"; then
  qz_skip "crash + soak (SQLite)" "QUANZE_SKIP_E2E/QUANZE_SKIP_RELIABILITY"
  qz_skip "crash + soak + two instances (PostgreSQL)" "QUANZE_SKIP_E2E/QUANZE_SKIP_RELIABILITY"
else
  qz_step_soft "crash + soak (SQLite)" reliability_sqlite
  if qz_truthy "${QUANZE_SKIP_PG:-}"; then
    qz_skip "crash + soak + two instances (PostgreSQL)" "QUANZE_SKIP_PG"
  else
    qz_step_soft "crash + soak + two instances (PostgreSQL)" reliability_pg
  fi
fi

# --- 6. summary: printed by the EXIT trap (also on failure) -------------------
# Build failures stop the run at once; test failures let the later steps run
# and fail the suite here.
if (( ${#QZ_FAILED_STEPS[@]} > 0 )); then
  qz_warn "failed: ${QZ_FAILED_STEPS[*]}"
  exit 1
fi
