#!/usr/bin/env bash
# Runs on the host before the root disk is made: builds the Debian package from the release
# binary run.sh staged (make deb's recipe), and the fault-injection build (`fault stall` on
# the control socket) that the watchdog step installs over the packaged binary.
# Usage: host-prepare.sh GUEST_SCENARIO_DIR PROJECT_ROOT
set -euo pipefail
dest=$1; root=$2
cd "$root"
# The binary run.sh staged into the guest (its release build, or E2E_BIN).
bin="$dest/../../../usr/local/bin/sideman"
deb=$("$root/packaging/build-deb.sh" "$bin" "$(cat packaging/VERSION)" "$(dpkg --print-architecture)" "$dest")
mv "$deb" "$dest/sideman.deb"
# The test build, installed over the packaged binary by the watchdog step.
"$root/e2e/host/stage-fault-build.sh" "$dest" "$root"
