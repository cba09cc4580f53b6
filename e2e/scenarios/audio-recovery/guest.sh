#!/bin/sh
# The band survives a sound card whose driver stops: the fault-injection build of sideman
# plays to the loopback card; a C major chord starts the band; `fault audio-stop` on the
# control socket makes FluidSynth's driver stop calling back (as after the ALSA I/O error
# that ends its thread); the daemon sees the driver stopped, reopens the card in the same
# process, and an F major chord then plays. It runs as a notify service with WatchdogSec=4:
# the reopen is quick enough that systemd never restarts it. Stopping it (SIGTERM) must
# silence it at once and exit 0.
# Before that, `fault audio-hold` holds the driver's thread inside its callback for 1.5 s (a
# starved driver, alive and holding the card): the daemon must wait for it, not reopen, and
# the band plays on once `fault audio-release` lets it go.
# Times (seconds since the capture started) go to times.txt for the host's checks.
out=$1
bin=$(pwd)/sideman-fault
if [ ! -x "$bin" ]; then
  echo "no fault-injection build staged ($(cat no-fault-build 2>/dev/null || echo 'build it with host-prepare.sh, not E2E_SKIP_BUILD=1 without .build-fault'))" > "$out/skipped"
  exit 0
fi
sock=/tmp/sideman-recovery.sock
cat > /tmp/recovery.toml <<TOML
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
gain = 1.5
[style]
name = "bossa-nova"
[daemon]
socket = "$sock"
TOML
now() { date +%s.%N; }
# Scheduling of the daemon's threads: tid, name, policy (1 = SCHED_FIFO), real-time priority.
sched() {
  for t in /proc/$1/task/*; do
    printf '%s %s %s\n' "${t##*/}" "$(tr ' ' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $39, $38}')"
  done
}
unit=sideman-recovery
show() { systemctl show -p "$1" --value $unit; }
systemd-run --unit=$unit -p Type=notify -p WatchdogSec=4 -p Restart=on-failure -p RestartSec=1 \
  -p TimeoutStartSec=30 --no-block "$bin" serve --config /tmp/recovery.toml > "$out/systemd-run.txt" 2>&1
n=0
until [ "$(show ActiveState)" = active ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
serve=$(show MainPID)
sleep 1
rec_start=$(now)
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 20 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sleep 1
chord1=$(now)
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C2 E2 G2: C major, sync start
sleep 2
hold=$(now)
"$bin" status --socket $sock --request "fault audio-hold" > "$out/hold.txt" 2>&1
sleep 1.5
"$bin" status --socket $sock --request "fault audio-release" >> "$out/hold.txt" 2>&1
released=$(now)
sleep 2
"$bin" status --socket $sock --json > "$out/status-before.json" 2>&1
sched "$serve" > "$out/sched-before.txt" 2>/dev/null
fault=$(now)
"$bin" status --socket $sock --request "fault audio-stop" > "$out/fault.txt" 2>&1
sleep 2                                             # detected after 250 ms, reopened
"$bin" status --socket $sock --json > "$out/status-after.json" 2>&1
sched "$serve" > "$out/sched-after.txt" 2>/dev/null
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'
chord2=$(now)
amidi -p hw:1,0 -S '90 29 64 90 2D 64 90 30 64'   # F2 A2 C3: F major
sleep 4
echo "$(show MainPID) $(show NRestarts)" > "$out/before-stop.txt"
stop=$(now)
systemctl stop $unit
stopped=$(now)
# When systemd sent SIGTERM: its "Stopping" line in the journal (same clock as date); under
# emulation that comes a few hundred ms after the systemctl call.
sigterm=$(journalctl -u $unit -o short-unix --no-pager | grep "Stopping" | tail -1 | cut -d' ' -f1)
show ExecMainStatus > "$out/serve.rc"
journalctl -u $unit -o cat --no-pager > "$out/serve.log" 2>&1
wait $rec
echo $? > "$out/arecord.rc"
echo $serve > "$out/serve.pid"
awk -v r="$rec_start" -v a="$chord1" -v h="$hold" -v l="$released" -v f="$fault" -v b="$chord2" -v s="$stop" -v e="$stopped" -v k="${sigterm:-$stop}" 'BEGIN {
  printf "chord1 %.3f\nhold %.3f\nreleased %.3f\nfault %.3f\nchord2 %.3f\nstop %.3f\nsigterm %.3f\nexited %.3f\n", a - r, h - r, l - r, f - r, b - r, s - r, k - r, e - r }' > "$out/times.txt"
