# shellcheck shell=bash
# Shared install step for scripts/run-app, scripts/run-tests and
# scripts/update-catalogs. Sourced, not run: the caller has `set -euo pipefail`
# and has already cd-ed to the repository root.
#
# What it does, each step only when needed:
#   1. .venv with python3.11 (or a python3 that is 3.11 or newer);
#   2. `pip install -e ".[test]"` when pyproject.toml changed since the last
#      install (sha256 of pyproject.toml kept in .venv/.bvp-install-stamp);
#   3. the Debian packages Qt needs (installed with apt-get when root,
#      otherwise the exact `sudo apt-get install ...` line is printed);
#   4. the gettext catalogs compiled to .mo with Babel.
#
# Environment:
#   BVP_PYTHON   interpreter to create .venv with (default: python3.11, python3)

BVP_VENV=".venv"
BVP_STAMP="$BVP_VENV/.bvp-install-stamp"
BVP_DOMAIN="bijverdienplanner"

# Libraries the PySide6 wheels load (QtGui, QtWidgets, the offscreen platform
# plugin); their own dependencies come along with them.
BVP_QT_DEBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)

# Extra libraries of Qt's xcb platform plugin: only needed to show a real
# window on an X11 display (scripts/run-app asks for them when DISPLAY is set).
# shellcheck disable=SC2034  # used by scripts/run-app
# libcups2: Qt's print plugin lists the printers through CUPS (File → Print a
# summary); saving the summary as PDF needs no printer and works without it.
BVP_QT_XCB_DEBS=(libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libcups2)

bvp_log() { printf '[setup] %s\n' "$*" >&2; }
bvp_die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Serialise the install step between scripts started at the same time in the
# same tree (two developers, or run-app beside run-tests). The lock lives
# outside the tree, keyed by its path; it is released before the caller execs.
bvp_lock() {
    command -v flock >/dev/null 2>&1 || return 0
    local key
    key=$(printf '%s' "$PWD" | sha256sum | cut -c1-16)
    exec 9>"${TMPDIR:-/tmp}/bijverdienplanner-setup-$key.lock"
    if ! flock -n 9; then
        bvp_log "another setup is running in this tree; waiting for it"
        flock 9
    fi
}
bvp_unlock() {
    command -v flock >/dev/null 2>&1 || return 0
    exec 9>&-
}

bvp_is_root() { [[ "$(id -u)" == 0 ]]; }

# Install Debian packages that are missing; as non-root, print the command.
bvp_ensure_debs() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        bvp_log "dpkg-query not found (not Debian/Ubuntu?): cannot check for: $*"
        bvp_log "install your system's packages for them if Qt fails to start"
        return 0
    fi
    local missing=() pkg
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != "installed" ]]; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    if bvp_is_root; then
        bvp_log "installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    else
        printf '[setup] missing system packages. Install them with:\n\n    sudo apt-get install -y --no-install-recommends %s\n\n' \
            "${missing[*]}" >&2
        exit 1
    fi
}

bvp_find_python() {
    local cand
    for cand in ${BVP_PYTHON:-} python3.11 python3; do
        if command -v "$cand" >/dev/null 2>&1 \
            && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$cand"
            return 0
        fi
    done
    return 1
}

bvp_ensure_venv() {
    if [[ -x "$BVP_VENV/bin/python" ]] \
        && "$BVP_VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        return 0
    fi
    local py
    py=$(bvp_find_python) || bvp_die "need Python 3.11 or newer (python3.11 or python3); none found on PATH"
    if ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
        # Debian's own python3 ships venv/ensurepip separately.
        local venv_pkg
        venv_pkg="python3-venv"
        [[ "$(basename "$py")" == python3.11 ]] && venv_pkg="python3.11-venv"
        bvp_ensure_debs "$venv_pkg"
    fi
    if [[ -e "$BVP_VENV" ]]; then
        bvp_log "$BVP_VENV exists but has no working Python 3.11+; recreating it"
    fi
    bvp_log "creating $BVP_VENV with $py ($("$py" --version 2>&1))"
    "$py" -m venv --clear "$BVP_VENV"
    rm -f "$BVP_STAMP"
}

bvp_ensure_project() {
    local want have=""
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [[ -f "$BVP_STAMP" ]]; then
        have=$(<"$BVP_STAMP")
    fi
    if [[ "$want" == "$have" && -x "$BVP_VENV/bin/bijverdienplanner" && -x "$BVP_VENV/bin/lint-imports" \
        && -x "$BVP_VENV/bin/pybabel" ]]; then
        return 0
    fi
    bvp_log "installing the project and its test tools into $BVP_VENV (pyproject.toml changed or first run)"
    "$BVP_VENV/bin/python" -m pip install --disable-pip-version-check --quiet -e ".[test]"
    printf '%s\n' "$want" >"$BVP_STAMP"
}

bvp_compile_catalogs() {
    "$BVP_VENV/bin/pybabel" compile -d locales -D "$BVP_DOMAIN" --statistics
    # pybabel skips a catalog whose header is marked fuzzy and still exits 0:
    # make sure every catalog now has its .mo.
    local po mo
    for po in locales/*/LC_MESSAGES/"$BVP_DOMAIN".po; do
        mo="${po%.po}.mo"
        [[ -f "$mo" && ! "$mo" -ot "$po" ]] \
            || bvp_die "$po was not compiled (is its header marked '#, fuzzy'?)"
    done
}

# The whole install step, for run-app and run-tests. Extra Debian packages can
# be passed as arguments.
bvp_setup() {
    bvp_lock
    bvp_ensure_venv
    bvp_ensure_project
    bvp_ensure_debs "${BVP_QT_DEBS[@]}" "$@"
    bvp_compile_catalogs
    bvp_unlock
}
