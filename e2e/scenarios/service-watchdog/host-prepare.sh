#!/usr/bin/env bash
# Runs on the host before the root disk is made: stages the fault-injection build of sideman
# (`fault stall` on the control socket stops the engine) as ./sideman-fault
# (e2e/host/stage-fault-build.sh). If it cannot be built, the guest reports the scenario
# skipped. Usage: host-prepare.sh GUEST_SCENARIO_DIR PROJECT_ROOT
set -euo pipefail
"$2/e2e/host/stage-fault-build.sh" "$1" "$2" || true
