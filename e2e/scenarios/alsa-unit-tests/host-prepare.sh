#!/usr/bin/env bash
# Runs on the host before the root disk is made: puts the test binary (debug build, as
# `swift build --build-tests` makes it) and the Swift libraries it loads into this scenario's
# folder in the guest. Usage: host-prepare.sh GUEST_SCENARIO_DIR PROJECT_ROOT
set -euo pipefail
dest=$1; root=$2
cd "$root"
swift build --build-tests > "$dest/../../build-tests.log" 2>&1 || { tail -20 "$dest/../../build-tests.log" >&2; exit 1; }
bin="$(swift build --show-bin-path)/SidemanPackageTests.xctest"
mkdir -p "$dest/lib"
cp "$bin" "$dest/tests"
# The Swift runtime, Foundation and the testing libraries come from the toolchain.
ldd "$bin" | awk '$3 ~ /^\// {print $3}' | while read -r lib; do
  case "$lib" in /lib/*|/usr/lib/*) ;; *) cp "$lib" "$dest/lib/" ;; esac
done
