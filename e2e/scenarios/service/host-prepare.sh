#!/usr/bin/env bash
# Runs on the host before the root disk is made: builds the Debian package from the release
# binary run.sh staged (make deb's recipe), and the fault-injection build (`fault stall` on
# the control socket) that the watchdog step installs over the packaged binary.
# Usage: host-prepare.sh GUEST_SCENARIO_DIR PROJECT_ROOT
set -euo pipefail
dest=$1; root=$2
cd "$root"
bin="$(swift build -c release --show-bin-path)/sideman"
deb=$("$root/packaging/build-deb.sh" "$bin" "$(cat packaging/VERSION)" "$(dpkg --print-architecture)" "$dest")
mv "$deb" "$dest/sideman.deb"
# The test build: only when the sources have the hook; E2E_SKIP_BUILD=1 reuses the last one.
fault=".build-fault/release/sideman"
if grep -rqs SIDEMAN_FAULT_INJECTION Sources; then
  if [ "${E2E_SKIP_BUILD:-0}" != 1 ] || [ ! -x "$fault" ]; then
    swift build -c release --static-swift-stdlib --product sideman -Xswiftc -DSIDEMAN_FAULT_INJECTION \
      --scratch-path .build-fault > "$dest/../../build-fault.log" 2>&1 || { tail -20 "$dest/../../build-fault.log" >&2; exit 1; }
  fi
  install -m 0755 -s "$fault" "$dest/sideman-fault"
fi
