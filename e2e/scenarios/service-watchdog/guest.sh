#!/bin/sh
# systemd's watchdog restarts a stalled engine: the fault-injection build of sideman runs as a
# notify service with WatchdogSec=10 (as the shipped unit) and Restart=on-failure. While the
# engine advances it feeds the watchdog (the process stays the same for longer than the
# watchdog period); after `fault stall` on the control socket the engine stops advancing, the
# keep-alives stop, and systemd kills and restarts it (a new process that plays again). No
# input is connected ([inputs] connect = "none"), so STATUS says it waits for a keyboard.
out=$1
bin=$(pwd)/sideman-fault
if [ ! -x "$bin" ]; then
  echo "no fault-injection build staged ($(cat no-fault-build 2>/dev/null || echo 'build it with host-prepare.sh, not E2E_SKIP_BUILD=1 without .build-fault'))" > "$out/skipped"
  exit 0
fi
unit=sideman-watchdog
cfg=/tmp/watchdog.toml
now() { cut -d' ' -f1 /proc/uptime; }
show() { systemctl show -p "$1" --value $unit; }
cat > $cfg <<'TOML'
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
[style]
name = "rock-8beat"
[inputs]
connect = "none"
[daemon]
socket = "/run/sideman/control.sock"
TOML
systemd-run --unit=$unit -p Type=notify -p WatchdogSec=10 -p Restart=on-failure -p RestartSec=1 \
  -p TimeoutStartSec=30 -p RuntimeDirectory=sideman -p RuntimeDirectoryPreserve=restart --no-block \
  "$bin" serve --wait --config $cfg > "$out/systemd-run.txt" 2>&1
n=0; until [ "$(show ActiveState)" = active ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
first=$(show MainPID)
echo "active $(now) pid $first" > "$out/times.txt"
show StatusText > "$out/statustext.txt"  # no input connected: waiting for a keyboard
sleep 12  # more than a watchdog period: fed while the engine advances
echo "$(show ActiveState) $(show MainPID) $(show NRestarts)" > "$out/fed.txt"
"$bin" status --socket /run/sideman/control.sock --json > "$out/status-before.json" 2>&1
echo "stall $(now)" >> "$out/times.txt"
# Only the process that was fed is stalled (a restart already would be reported above).
[ "$(show MainPID)" = "$first" ] && "$bin" status --socket /run/sideman/control.sock --request "fault stall" > "$out/stall.txt" 2>&1
# The watchdog fires within 10 s, then 1 s to restart and the boot of the new process.
n=0
while [ $n -lt 200 ]; do
  pid=$(show MainPID)
  [ "$(show ActiveState)" = active ] && [ "$pid" != "$first" ] && [ "$pid" != 0 ] && break
  sleep 0.2; n=$((n + 1))
done
echo "restarted $(now) pid $(show MainPID)" >> "$out/times.txt"
echo "$(show ActiveState) $(show MainPID) $(show NRestarts)" > "$out/after.txt"
sleep 2
"$bin" status --socket /run/sideman/control.sock --json > "$out/status-after.json" 2>&1
systemctl stop $unit
journalctl -u $unit -o short-monotonic --no-pager > "$out/journal.txt" 2>&1
