#!/usr/bin/env bash
# Stages the fault-injection build of sideman (control socket: `fault stall`, `fault
# audio-stop`) as DEST/sideman-fault, stripped, for the scenarios that need one. It is built in
# its own scratch folder (.build-fault), never in the product's; with E2E_SKIP_BUILD=1 an
# existing build is reused. If the build fails, nothing is staged, DEST/no-fault-build says
# why, and the exit status is 1: a scenario's host-prepare.sh decides whether that is fatal.
# Usage: stage-fault-build.sh DEST PROJECT_ROOT
set -euo pipefail
dest=$1; root=$2
cd "$root"
bin=.build-fault/release/sideman
log="$dest/../../build-fault.log"
if [ "${E2E_SKIP_BUILD:-0}" != 1 ] || [ ! -x "$bin" ]; then
  if ! swift build -c release --static-swift-stdlib --product sideman -Xswiftc -DSIDEMAN_FAULT_INJECTION \
      --scratch-path .build-fault > "$log" 2>&1; then
    grep -E "error:" "$log" | head -20 >&2
    echo "fault build failed" > "$dest/no-fault-build"
    exit 1
  fi
fi
install -m 0755 -s "$bin" "$dest/sideman-fault"
