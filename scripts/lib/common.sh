# shellcheck shell=bash
# Common helpers for the Quanze test scripts: banners, timed steps, summary, cleanup stack.
# Sourced by scripts/test.sh and scripts/e2e.sh; needs bash 4+.

# Repo root (scripts/lib/.. /..).
QZ_ROOT="${QZ_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

# Step bookkeeping: parallel arrays of names, durations (s) and results.
QZ_STEP_NAMES=()
QZ_STEP_SECS=()
QZ_STEP_RESULTS=()
QZ_T0="${QZ_T0:-$(date +%s)}"

qz_now() { date +%s; }

qz_fmt_secs() { # 754 -> "12m34s"
  local s=$1
  if (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

qz_log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
qz_warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
qz_err()  { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
qz_die()  { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

qz_banner() {
  local line="=================================================================="
  printf '\n%s\n== %s\n%s\n' "$line" "$*" "$line"
}

# qz_step NAME CMD [ARGS...]
# Runs CMD under a banner in a subshell with `set -e` in force (a function run
# as `f || x` would silently ignore errexit), records its duration and result.
# Returns CMD's status, so under `set -e` a failing step ends the script (the
# EXIT trap then prints the summary and cleans up). Never call it as
# `qz_step ... || x` or inside `if`: bash then ignores errexit in the whole
# step. To go on after a failed step, use qz_step_soft. Because CMD runs in a
# subshell, it cannot change the caller's variables; a step that starts a
# server must stop it itself (e.g. with its own EXIT trap).
qz_step() {
  local name=$1; shift
  local start rc dur had_e=0
  [[ $- == *e* ]] && had_e=1
  qz_banner "STEP: $name"
  start=$(qz_now)
  set +e
  ( set -e; "$@" )
  rc=$?
  (( had_e )) && set -e
  dur=$(( $(qz_now) - start ))
  QZ_STEP_NAMES+=("$name")
  QZ_STEP_SECS+=("$dur")
  if (( rc == 0 )); then
    QZ_STEP_RESULTS+=("ok")
    qz_log "step '$name' passed in $(qz_fmt_secs "$dur")"
  else
    QZ_STEP_RESULTS+=("FAILED (exit $rc)")
    qz_log "step '$name' FAILED (exit $rc) after $(qz_fmt_secs "$dur")"
  fi
  return "$rc"
}

# qz_step_soft NAME CMD [ARGS...]: like qz_step, but a failure is recorded in
# QZ_FAILED_STEPS and the script goes on. Returns 0.
QZ_FAILED_STEPS=()
qz_step_soft() {
  local rc had_e=0
  [[ $- == *e* ]] && had_e=1
  set +e
  qz_step "$@"
  rc=$?
  (( had_e )) && set -e
  (( rc == 0 )) || QZ_FAILED_STEPS+=("$1")
  return 0
}

# qz_skip NAME REASON: record a skipped step in the summary.
qz_skip() {
  QZ_STEP_NAMES+=("$1"); QZ_STEP_SECS+=(0); QZ_STEP_RESULTS+=("skipped ($2)")
  qz_banner "STEP: $1 — skipped ($2)"
}

# qz_summary [TITLE]: table of the steps with durations, then a plain count line.
qz_summary() {
  local i total=$(( $(qz_now) - QZ_T0 )) ok=0 bad=0 skipped=0
  qz_banner "${1:-SUMMARY}"
  for i in "${!QZ_STEP_NAMES[@]}"; do
    printf '  %-44s %9s  %s\n' "${QZ_STEP_NAMES[$i]}" "$(qz_fmt_secs "${QZ_STEP_SECS[$i]}")" "${QZ_STEP_RESULTS[$i]}"
    case "${QZ_STEP_RESULTS[$i]}" in
      ok) ok=$((ok + 1));; skipped*) skipped=$((skipped + 1));; *) bad=$((bad + 1));;
    esac
  done
  printf '  %-44s %9s\n' "total" "$(qz_fmt_secs "$total")"
  printf 'steps: %d passed, %d failed, %d skipped\n' "$ok" "$bad" "$skipped"
}

# Cleanup stack: qz_on_exit "command string" registers cleanup run in reverse
# order by qz_run_cleanups (called from the EXIT trap). Each runs even if an
# earlier one fails.
QZ_CLEANUPS=()
qz_on_exit() { QZ_CLEANUPS+=("$1"); }
qz_run_cleanups() {
  local i
  for (( i=${#QZ_CLEANUPS[@]}-1; i>=0; i-- )); do
    eval "${QZ_CLEANUPS[$i]}" || qz_warn "cleanup failed: ${QZ_CLEANUPS[$i]}"
  done
  QZ_CLEANUPS=()
}

# Install traps that always run the cleanups; INT/TERM turn into an exit so
# the EXIT trap fires once.
qz_install_traps() {
  trap 'qz__on_exit $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
qz__on_exit() {
  local rc=$1
  set +e
  qz_run_cleanups
  if declare -F qz_after_cleanup >/dev/null; then qz_after_cleanup "$rc"; fi
}

# Print the last N lines of a file with a header (for server logs).
qz_tail_log() { # FILE [N]
  local f=$1 n=${2:-80}
  if [[ -f "$f" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$f"
    tail -n "$n" "$f"
    printf -- '----- end of %s -----\n' "$f"
  else
    printf 'no log file at %s\n' "$f"
  fi
}

# qz_wait_http URL TIMEOUT_SECS [PID]: poll until URL answers 200. If PID is
# given and the process dies, give up early.
qz_wait_http() {
  local url=$1 timeout=$2 pid=${3:-} deadline code
  deadline=$(( $(qz_now) + timeout ))
  while (( $(qz_now) < deadline )); do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null || true)
    [[ "$code" == "200" ]] && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      qz_warn "process $pid exited while waiting for $url"
      return 1
    fi
    sleep 0.5
  done
  qz_warn "timed out after ${timeout}s waiting for 200 from $url (last status: ${code:-none})"
  return 1
}

# Is this a truthy env switch ("1", "true", "yes")?
qz_truthy() { case "${1:-}" in 1|true|TRUE|yes|YES|on|ON) return 0;; *) return 1;; esac; }
