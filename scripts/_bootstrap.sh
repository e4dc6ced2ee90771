# Sourced by scripts/run and scripts/test: makes .venv hold exactly the pinned
# dependencies of the given lock file, installing only when the lock changed.
# usage: bootstrap_venv requirements.lock|requirements-dev.lock
bootstrap_venv() {
    local lock="$1" python="${PYTHON:-python3}"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "JobTracker needs Python 3.11 or newer as '$python' (set PYTHON=/path/to/python3.11)." >&2
        return 1
    fi
    if [ ! -x .venv/bin/python ]; then
        echo "Creating the virtual environment in .venv ..." >&2
        "$python" -m venv .venv || {
            echo "Could not create a virtual environment; on Debian/Ubuntu: sudo apt install python3-venv" >&2
            return 1
        }
    fi
    # The stamp records which lock (and pyproject) the venv was installed from.
    local stamp=".venv/.installed-$(basename "$lock")"
    local want
    want="$(cat "$lock" requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        echo "Installing pinned dependencies from $lock ..." >&2
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock" &&
            .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e . &&
            echo "$want" > "$stamp" || return 1
    fi
}
