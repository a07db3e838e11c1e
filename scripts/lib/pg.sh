# shellcheck shell=bash
# Throwaway PostgreSQL 15 for the test suite (root, no systemd): runs as the
# `postgres` OS user in a temporary data directory, on 127.0.0.1 only.
# Requires common.sh. Sets QZ_PG_DATA while running.

QZ_PG_BIN="${QZ_PG_BIN:-/usr/lib/postgresql/15/bin}"
QZ_PG_PORT="${QZ_PG_PORT:-54329}"
QZ_PG_DB="${QZ_PG_DB:-quanze_test}"
QZ_PG_DATA=""

qz_pg_url() { printf 'postgres://postgres@127.0.0.1:%s/%s' "$QZ_PG_PORT" "$QZ_PG_DB"; }

qz_pg_check_prereqs() {
  if (( EUID != 0 )); then
    qz_err "the PostgreSQL step must run as root: it starts the server as the 'postgres' OS user via runuser."
    qz_err "run as root, or skip this step with QUANZE_SKIP_PG=1."
    return 1
  fi
  if ! command -v runuser >/dev/null 2>&1; then
    qz_err "runuser not found (package util-linux); cannot start PostgreSQL as the 'postgres' user."
    qz_err "install util-linux, or skip this step with QUANZE_SKIP_PG=1."
    return 1
  fi
  if ! id -u postgres >/dev/null 2>&1; then
    qz_err "OS user 'postgres' does not exist (the postgresql package creates it)."
    return 1
  fi
  if [[ ! -x "$QZ_PG_BIN/initdb" || ! -x "$QZ_PG_BIN/pg_ctl" ]]; then
    qz_err "PostgreSQL 15 binaries not found in $QZ_PG_BIN (apt-get install postgresql)."
    return 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$QZ_PG_PORT") 2>/dev/null; then
    qz_err "port $QZ_PG_PORT on 127.0.0.1 is already in use; stop whatever listens there (or set QZ_PG_PORT)."
    return 1
  fi
}

qz_pg_start() {
  qz_pg_check_prereqs || return 1
  QZ_PG_DATA=$(mktemp -d /tmp/quanze-pg.XXXXXX)
  chown postgres:postgres "$QZ_PG_DATA"
  chmod 700 "$QZ_PG_DATA"
  qz_log "initdb in $QZ_PG_DATA"
  runuser -u postgres -- "$QZ_PG_BIN/initdb" -D "$QZ_PG_DATA" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$QZ_PG_DATA.initdb.log" 2>&1 \
    || { qz_tail_log "$QZ_PG_DATA.initdb.log" 40; return 1; }
  qz_log "starting PostgreSQL on 127.0.0.1:$QZ_PG_PORT"
  if ! runuser -u postgres -- "$QZ_PG_BIN/pg_ctl" -D "$QZ_PG_DATA" -l "$QZ_PG_DATA/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $QZ_PG_PORT -k $QZ_PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
    qz_tail_log "$QZ_PG_DATA/server.log" 40
    return 1
  fi
  psql -X -q -h 127.0.0.1 -p "$QZ_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $QZ_PG_DB" || { qz_tail_log "$QZ_PG_DATA/server.log" 40; return 1; }
  qz_log "PostgreSQL ready: $(psql -X -A -t -h 127.0.0.1 -p "$QZ_PG_PORT" -U postgres -d "$QZ_PG_DB" -c 'SHOW server_version')"
}

# Idempotent: safe to call from a trap even if start failed half-way.
qz_pg_stop() {
  [[ -n "$QZ_PG_DATA" ]] || return 0
  if [[ -f "$QZ_PG_DATA/postmaster.pid" ]]; then
    qz_log "stopping PostgreSQL ($QZ_PG_DATA)"
    # immediate: the cluster is thrown away, nothing needs a clean checkpoint
    runuser -u postgres -- "$QZ_PG_BIN/pg_ctl" -D "$QZ_PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || qz_warn "could not stop PostgreSQL in $QZ_PG_DATA"
  fi
  rm -rf "$QZ_PG_DATA" "$QZ_PG_DATA.initdb.log"
  QZ_PG_DATA=""
  unset TEST_DATABASE_URL DATABASE_URL
}
