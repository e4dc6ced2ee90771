#!/usr/bin/env bash
# The macOS disk image: wraps dist/JobTracker.app (what `pyinstaller jobtracker.spec` makes on
# a Mac) in dist/jobtracker-<version>-macos-<arch>.dmg, beside a link to /Applications to drag
# it onto, then mounts the image read-only and runs the app's --smoke-test from there, as a
# user would after opening it. The release workflow runs it after the build; so can anyone on
# a Mac. The app is not signed with a Developer ID nor notarized (that needs Apple
# credentials); PyInstaller signs it ad hoc, which Apple silicon requires to run it at all.
set -euo pipefail
cd "$(dirname "$0")/../.."

app=dist/JobTracker.app
if [ ! -x "$app/Contents/MacOS/jobtracker" ]; then
    echo "make_dmg: no $app; build it first: pyinstaller --noconfirm jobtracker.spec" >&2
    exit 1
fi
# The version of the app being packed, not of the checkout.
version=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$app/Contents/Info.plist")
arch=$(uname -m)  # arm64 or x86_64: PyInstaller builds for the machine it runs on
dmg="dist/jobtracker-$version-macos-$arch.dmg"

stage=$(mktemp -d)
mount=$(mktemp -d)
cleanup() {
    hdiutil detach -quiet "$mount" 2>/dev/null || true
    rmdir "$mount" 2>/dev/null || true  # rmdir: never deletes what a still-mounted image holds
    rm -rf "$stage"
}
trap cleanup EXIT

# ditto keeps the bundle's symlinks, extended attributes and code signatures as they are.
ditto "$app" "$stage/JobTracker.app"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
# hdiutil now and then fails with "Resource busy" on a busy machine; a second try succeeds.
for attempt in 1 2 3; do
    if hdiutil create -volname "JobTracker $version" -srcfolder "$stage" -fs HFS+ \
            -format UDZO -ov "$dmg"; then
        break
    fi
    [ "$attempt" -lt 3 ] || exit 1
    sleep 5
done

hdiutil attach -nobrowse -readonly -noautoopen -mountpoint "$mount" "$dmg"
"$mount/JobTracker.app/Contents/MacOS/jobtracker" --version
"$mount/JobTracker.app/Contents/MacOS/jobtracker" --smoke-test
echo "make_dmg: $dmg ($(du -h "$dmg" | cut -f1))"
