#!/usr/bin/env bash
# The packaging step of CI (run by .ci/run after the tests; as root on a fresh Debian machine):
# builds the bundle, the .tar.gz and the .deb, validates the desktop files, checks the .deb with
# lintian, installs it with dpkg -i, runs `jobtracker --smoke-test` from the PATH (offscreen),
# then purges the package and checks that nothing is left behind. The release workflow
# (.github/workflows/release.yml) runs this same script to make the Linux release files.
# Arguments go to packaging/build.py (e.g. --no-pyinstaller to package an existing bundle).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n== packaging: %s\n' "$*"; }
seconds() { date +%s; }
started=$(seconds)

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

# What checking needs (.ci/run installs them too; here for the release workflow, which runs
# this script alone): dpkg-deb comes with dpkg itself.
tools=(desktop-file-utils appstream lintian)
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
# The names build.py gives the files it just made (not whatever else lies in dist/).
version=$("${PYTHON:-python3}" packaging/build.py --print-version)
deb="dist/jobtracker_${version}_$(dpkg --print-architecture).deb"
tarball="dist/jobtracker-$version-linux-$(uname -m).tar.gz"

step "checking $deb with lintian"
# Any error tag fails the build (warnings are shown; there are none today). What a
# self-contained bundle in /opt is by design is overridden, each with its reason, in
# packaging/linux/jobtracker.lintian-overrides, which the package carries.
lintian --fail-on error --tag-display-limit 0 --info "$deb"

step "checking the .tar.gz runs where it is unpacked"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -xzf "$tarball" -C "$scratch"
unpacked="$scratch/$(basename "$tarball" .tar.gz)"
QT_QPA_PLATFORM=offscreen "$unpacked/jobtracker" --version

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
dpkg --verify jobtracker  # every file as the package's md5sums has it

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
