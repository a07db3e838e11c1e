#!/usr/bin/env bash
# End-to-end tests against a release build of the Quanze server:
#   start `quanze serve --demo` on 127.0.0.1:18080 with a fresh QUANZE_DATA_DIR,
#   wait for GET /readyz, run pytest on tests-e2e (browser walk + axe + API smoke),
#   run schemathesis against /api/v1/openapi.json as supervisor1 and as sysadmin,
#   stop the server. All parts run even if one fails; the script fails if any did.
# Needs: .build/release/quanze (swift build -c release --product quanze), and the
# tools of scripts/test.sh step 1 (installed here too when missing).
# Knobs: QUANZE_BIN, QUANZE_E2E_PORT (18080), QUANZE_SKIP_SCHEMATHESIS=1,
#   QUANZE_SKIP_PYTEST=1, QUANZE_SCHEMATHESIS_TIMEOUT (seconds per run, 1500: 212 operations take about 8 minutes per user on 2 quiet cores),
#   QUANZE_SCHEMATHESIS_ARGS (extra args), QUANZE_E2E_KEEP=1 (keep the work dir),
#   PYTEST_ARGS (extra pytest args, e.g. "-k walk -x").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
QZ_ROOT=$(pwd)
export QZ_ROOT
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/tools.sh
source scripts/lib/tools.sh

PORT="${QUANZE_E2E_PORT:-18080}"
HOST=127.0.0.1
BASE="http://$HOST:$PORT"
BIN="${QUANZE_BIN:-$QZ_ROOT/.build/release/quanze}"
SCHEMATHESIS_TIMEOUT="${QUANZE_SCHEMATHESIS_TIMEOUT:-1500}"
WORK=$(mktemp -d /tmp/quanze-e2e.XXXXXX)
DATA_DIR="$WORK/data"
SERVER_LOG="$WORK/server.log"
mkdir -p "$DATA_DIR" "$WORK/artifacts"
SERVER_PID=""

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    qz_log "stopping the server (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local i
    for (( i = 0; i < 40; i++ )); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      qz_warn "server did not stop in 10 s; killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

qz_after_cleanup() {
  local rc=$1
  qz_summary "E2E SUMMARY"
  if (( rc != 0 )) || (( ${#QZ_FAILED_STEPS[@]} > 0 )); then
    qz_tail_log "$SERVER_LOG" 100
    qz_log "e2e work dir kept for inspection: $WORK (server log, data dir, screenshots in artifacts/)"
  elif qz_truthy "${QUANZE_E2E_KEEP:-}"; then
    qz_log "e2e work dir kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
qz_install_traps
qz_on_exit stop_server

# --- tools (no-ops when scripts/test.sh has just installed them) ---------------
if ! qz_truthy "${QUANZE_SKIP_TOOLS:-}"; then
  e2e_tools() { qz_ensure_apt_tools; qz_ensure_venv; }
  qz_step "e2e tools" e2e_tools
fi
PY="$QZ_VENV/bin/python"
[[ -x "$PY" ]] || qz_die "no venv at $QZ_VENV (run scripts/test.sh, or unset QUANZE_SKIP_TOOLS)"
[[ -x "$BIN" ]] || qz_die "server binary $BIN not found: run 'swift build -c release --product quanze' first"

# --- server --------------------------------------------------------------------
# The server uses PostgreSQL when DATABASE_URL is set: here it must use SQLite in its data dir.
unset DATABASE_URL TEST_DATABASE_URL
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  qz_die "port $PORT on $HOST is already in use: another server would answer the tests. Stop it first."
fi
qz_banner "STEP: start server"
qz_log "$BIN serve --demo --hostname $HOST --port $PORT  (QUANZE_DATA_DIR=$DATA_DIR, log $SERVER_LOG)"
# Anonymous portal submissions are rate-limited per address (default 20 per 10 minutes); schemathesis
# and the browser suite submit far more from 127.0.0.1, so the run lifts the limit.
QUANZE_PORTAL_RATE_LIMIT="${QUANZE_PORTAL_RATE_LIMIT:-1000000}" QUANZE_DATA_DIR="$DATA_DIR" "$BIN" serve --demo --hostname "$HOST" --port "$PORT" \
  </dev/null >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
# The demo (2000 cases with their records) loads in ~30 s in release, 45–105 s in debug on a busy machine.
qz_step "wait for GET /readyz" qz_wait_http "$BASE/readyz" "${QUANZE_READY_TIMEOUT:-300}" "$SERVER_PID"

export QUANZE_URL="$BASE"
export QUANZE_E2E_ARTIFACTS="$WORK/artifacts"
export PYTHONDONTWRITEBYTECODE=1

# --- browser + accessibility + API smoke tests ----------------------------------
run_pytest() {
  local rc=0
  # shellcheck disable=SC2086
  "$PY" -m pytest "$QZ_ROOT/tests-e2e" -v ${PYTEST_ARGS:-} || rc=$?
  if (( rc == 5 )); then
    qz_warn "pytest collected no tests"
  fi
  return "$rc"
}
if qz_truthy "${QUANZE_SKIP_PYTEST:-}"; then
  qz_skip "pytest tests-e2e" "QUANZE_SKIP_PYTEST"
else
  qz_step_soft "pytest tests-e2e (browser, axe, API)" run_pytest
fi

# --- schemathesis -----------------------------------------------------------------
SCHEMATHESIS_USERS=(supervisor1 sysadmin)
fetch_tokens() {
  local user
  for user in "${SCHEMATHESIS_USERS[@]}"; do
    ( umask 077; "$PY" "$QZ_ROOT/tests-e2e/get_token.py" "$user" "$BASE" >"$WORK/token-$user" )
    qz_log "got an API token for $user"
  done
}
run_schemathesis() { # USER
  local user=$1 token
  token=$(cat "$WORK/token-$user" 2>/dev/null || true)
  [[ -n "$token" ]] || { qz_err "no API token for $user (see the 'API tokens' step)"; return 1; }
  mkdir -p "$WORK/schemathesis-$user"
  cd "$WORK/schemathesis-$user"   # anything schemathesis writes stays out of the repo
  qz_log "schemathesis as $user (timeout ${SCHEMATHESIS_TIMEOUT}s)"
  local rc=0
  # shellcheck disable=SC2086
  QUANZE_TOKEN="$token" timeout --foreground --kill-after=30 "$SCHEMATHESIS_TIMEOUT" \
    "$QZ_VENV/bin/schemathesis" --config-file "$QZ_ROOT/tests-e2e/schemathesis.toml" run \
      "$BASE/api/v1/openapi.json" --url "$BASE" --checks all --no-color \
      --report junit --report-dir "$WORK/schemathesis-$user" \
      ${QUANZE_SCHEMATHESIS_ARGS:-} || rc=$?
  if (( rc == 124 || rc == 137 )); then
    qz_err "schemathesis as $user did not finish within ${SCHEMATHESIS_TIMEOUT}s (QUANZE_SCHEMATHESIS_TIMEOUT)"
  fi
  return "$rc"
}
if qz_truthy "${QUANZE_SKIP_SCHEMATHESIS:-}"; then
  qz_skip "schemathesis" "QUANZE_SKIP_SCHEMATHESIS"
else
  # Both tokens are taken before either run, so nothing the fuzzing does to
  # POST /api/v1/auth/token (which stays in the run) can keep a user out.
  qz_step_soft "API tokens for ${SCHEMATHESIS_USERS[*]}" fetch_tokens
  for user in "${SCHEMATHESIS_USERS[@]}"; do
    qz_step_soft "schemathesis as $user" run_schemathesis "$user"
  done
fi

# --- the server must have survived all of it ------------------------------------------
server_alive() {
  kill -0 "$SERVER_PID" 2>/dev/null || { qz_warn "the server is no longer running"; return 1; }
  qz_wait_http "$BASE/healthz" 10 "$SERVER_PID"
}
qz_step_soft "server still healthy" server_alive
stop_server
if grep -qE 'Fatal error:|Segmentation fault' "$SERVER_LOG"; then
  qz_warn "the server log shows a crash"
  QZ_FAILED_STEPS+=("server log")
fi

if (( ${#QZ_FAILED_STEPS[@]} > 0 )); then
  qz_warn "e2e failures: ${QZ_FAILED_STEPS[*]}"
  exit 1
fi
qz_log "e2e: all passed"
