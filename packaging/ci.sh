#!/usr/bin/env bash
# The packaging step of CI (run by .ci/run after the tests; as root on a fresh Debian machine):
# builds the bundle, the .tar.gz and the .deb, validates the desktop files, installs the .deb
# with dpkg -i, runs `jobtracker --smoke-test` from the PATH (offscreen), then purges the
# package and checks that nothing is left behind.
# Arguments go to packaging/build.py (e.g. --no-pyinstaller to package an existing bundle).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== packaging: %s\n' "$*"; }
seconds() { date +%s; }
started=$(seconds)

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

# What building and checking need beyond .ci/run's list: dpkg-deb comes with dpkg itself.
tools=(desktop-file-utils appstream)
missing=()
for package in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "validating the desktop entry and the AppStream file"
desktop-file-validate resources/jobtracker.desktop
appstreamcli validate --no-net resources/io.github.jobtracker.JobTracker.metainfo.xml

step "building (packaging/build.py $*)"
"${PYTHON:-python3}" packaging/build.py "$@"
deb=$(ls -t dist/jobtracker_*.deb | head -n1)
tarball=$(ls -t dist/jobtracker-*-linux-*.tar.gz | head -n1)

step "checking the .tar.gz runs where it is unpacked"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -xzf "$tarball" -C "$scratch"
QT_QPA_PLATFORM=offscreen "$scratch"/jobtracker-*/jobtracker --version

step "installing $deb with dpkg -i"
if dpkg-query -W -f='${Status}' jobtracker 2>/dev/null | grep -q "install ok installed"; then
    "${as_root[@]}" dpkg --purge jobtracker   # left by an earlier run on this machine
fi
# dpkg -i does not fetch dependencies: install those the control file names first.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/ //g')
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${depends[@]}" >/dev/null ||
    { "${as_root[@]}" apt-get update -qq &&
      "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${depends[@]}" >/dev/null; }
"${as_root[@]}" dpkg -i "$deb"

step "running jobtracker from the PATH"
test "$(command -v jobtracker)" = /usr/bin/jobtracker
desktop-file-validate /usr/share/applications/jobtracker.desktop
test -f /usr/share/icons/hicolor/256x256/apps/jobtracker.png
test -f /usr/share/icons/hicolor/scalable/apps/jobtracker.svg
test -f /usr/share/metainfo/io.github.jobtracker.JobTracker.metainfo.xml
(
    # A throwaway home: the smoke test must not need (or touch) a real user's files.
    cd "$scratch"
    export HOME="$scratch/home" QT_QPA_PLATFORM=offscreen
    mkdir -p "$HOME"
    jobtracker --version
    jobtracker --smoke-test
    jobtracker --db "$scratch/demo.db" demo --count 60 >/dev/null
    jobtracker --db "$scratch/demo.db" --smoke-test
)

step "removing the package"
"${as_root[@]}" dpkg --purge jobtracker
left=()
for path in /opt/jobtracker /usr/bin/jobtracker /usr/share/applications/jobtracker.desktop \
            /usr/share/metainfo/io.github.jobtracker.JobTracker.metainfo.xml \
            /usr/share/icons/hicolor/256x256/apps/jobtracker.png /usr/share/doc/jobtracker; do
    if [ -e "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done
if [ ${#left[@]} -gt 0 ]; then
    echo "packaging: the removal left files behind: ${left[*]}" >&2
    find /opt/jobtracker -maxdepth 4 2>/dev/null | head -n 20 >&2 || true
    exit 1
fi
step "passed in $(( $(seconds) - started )) s: $(du -h "$deb" | cut -f1) .deb, $(du -h "$tarball" | cut -f1) .tar.gz, bundle $(du -sh dist/jobtracker | cut -f1)"
