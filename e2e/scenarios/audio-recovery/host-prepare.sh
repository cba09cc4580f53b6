#!/usr/bin/env bash
# Runs on the host before the root disk is made: stages the fault-injection build of sideman
# (`fault audio-stop` on the control socket stops the sound card's driver) as ./sideman-fault.
# It is built in its own scratch folder, never in the product's (the same one as
# service-watchdog's, so it is built once). With E2E_SKIP_BUILD=1 an existing build is
# reused; if there is none, nothing is staged and the guest reports the scenario skipped.
# Usage: host-prepare.sh GUEST_SCENARIO_DIR PROJECT_ROOT
set -euo pipefail
dest=$1; root=$2
cd "$root"
bin=.build-fault/release/sideman
if [ "${E2E_SKIP_BUILD:-0}" != 1 ] || [ ! -x "$bin" ]; then
  swift build -c release --static-swift-stdlib --product sideman -Xswiftc -DSIDEMAN_FAULT_INJECTION \
    --scratch-path .build-fault > "$dest/../../build-fault.log" 2>&1 \
    || { grep -E "error:" "$dest/../../build-fault.log" | head -20 >&2; echo "fault build failed" > "$dest/no-fault-build"; exit 0; }
fi
[ -x "$bin" ] && install -m 0755 "$bin" "$dest/sideman-fault"
exit 0
