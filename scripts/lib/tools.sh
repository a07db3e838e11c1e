# shellcheck shell=bash
# Tool installation for the Quanze test suite: Debian packages and the Python venv.
# Requires common.sh to be sourced first.

QZ_VENV="${QZ_VENV:-$QZ_ROOT/.venv}"
QZ_REQUIREMENTS="$QZ_ROOT/tests-e2e/requirements.txt"
QZ_CONSTRAINTS="$QZ_ROOT/tests-e2e/constraints.txt"

# Run a command as root: directly when we are root, via sudo when available.
qz_as_root() {
  if (( EUID == 0 )); then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else qz_die "need root (or sudo) to run: $*"
  fi
}

qz_pkg_installed() { # DEB_PACKAGE
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# Which Debian packages are missing? Checks the commands/files each package
# provides and the dpkg status.
qz_missing_apt_packages() {
  local missing=()
  # postgresql (Debian 12: PostgreSQL 15): initdb/pg_ctl are what we need.
  { [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]] \
      && command -v psql >/dev/null 2>&1; } || missing+=(postgresql)
  { command -v chromium >/dev/null 2>&1 && qz_pkg_installed chromium; } || missing+=(chromium)
  { [[ -x /usr/bin/chromedriver ]] && qz_pkg_installed chromium-driver; } || missing+=(chromium-driver)
  qz_pkg_installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
  (( ${#missing[@]} == 0 )) || printf '%s\n' "${missing[@]}"
}

qz_ensure_apt_tools() {
  local missing
  mapfile -t missing < <(qz_missing_apt_packages | sed '/^$/d')
  if (( ${#missing[@]} == 0 )); then
    qz_log "Debian packages present: postgresql chromium chromium-driver fonts-noto-cjk curl"
  else
    qz_log "installing missing Debian packages: ${missing[*]}"
    local t0; t0=$(qz_now)
    export DEBIAN_FRONTEND=noninteractive
    qz_as_root apt-get update
    qz_as_root apt-get install -y --no-install-recommends "${missing[@]}"
    qz_log "apt install took $(qz_fmt_secs $(( $(qz_now) - t0 )))"
  fi
  qz_log "versions: $(/usr/lib/postgresql/15/bin/postgres --version 2>/dev/null || echo 'postgres ?'); $(chromium --version 2>/dev/null || echo 'chromium ?'); $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2 || echo 'chromedriver ?')"
}

# Pick a Python >= 3.9 with a working venv module.
qz_python() {
  local p
  for p in "${QZ_PYTHON:-}" python3 /usr/bin/python3; do
    if [[ -z "$p" ]] || ! command -v "$p" >/dev/null 2>&1; then continue; fi
    if "$p" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 9) else 1)' >/dev/null 2>&1; then
      command -v "$p"; return 0
    fi
  done
  return 1
}

qz_requirements_hash() {
  local py
  py=$(qz_python 2>/dev/null || echo python3)
  cat "$QZ_REQUIREMENTS" "$QZ_CONSTRAINTS" 2>/dev/null | sha256sum | cut -d' ' -f1
  # the interpreter version is part of the key too
  "$py" -c 'import sys; print(sys.version)' 2>/dev/null || true
}

# Create/refresh .venv with the pinned requirements. Reused when the stamp
# (hash of requirements + constraints + python version) is unchanged.
qz_ensure_venv() {
  local stamp="$QZ_VENV/.quanze-requirements.sha256" want py t0
  if ! py=$(qz_python); then
    qz_log "no python3 with venv/ensurepip; installing python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    qz_as_root apt-get update
    qz_as_root apt-get install -y --no-install-recommends python3 python3-venv python3-pip
    py=$(qz_python) || qz_die "python3 with a working venv module not found"
  fi
  want=$(qz_requirements_hash | sha256sum | cut -d' ' -f1)
  if [[ -x "$QZ_VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    qz_log "reusing venv $QZ_VENV (requirements unchanged)"
  else
    t0=$(qz_now)
    qz_log "creating venv $QZ_VENV with $py ($("$py" --version 2>&1))"
    rm -rf "$QZ_VENV"
    if ! "$py" -m venv "$QZ_VENV"; then
      # Debian's python3 makes venvs only with python3-venv installed
      qz_log "'$py -m venv' failed; installing python3-venv"
      export DEBIAN_FRONTEND=noninteractive
      qz_as_root apt-get update
      qz_as_root apt-get install -y --no-install-recommends python3-venv python3-pip
      rm -rf "$QZ_VENV"
      "$py" -m venv "$QZ_VENV"
    fi
    local cargs=()
    [[ -f "$QZ_CONSTRAINTS" ]] && cargs=(-c "$QZ_CONSTRAINTS")
    "$QZ_VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$QZ_REQUIREMENTS" "${cargs[@]}"
    echo "$want" > "$stamp"
    qz_log "venv ready in $(qz_fmt_secs $(( $(qz_now) - t0 )))"
  fi
  "$QZ_VENV/bin/python" - <<'PY'
from importlib.metadata import version
print("python packages: " + ", ".join(f"{p} {version(p)}" for p in
      ("selenium", "selenium-axe-python", "schemathesis", "pytest", "requests")))
PY
}
