#!/bin/sh
# Connecting the band out. The daemon runs with `[out] connect = ["Band Listener"]`; a client
# of that name appears only after the daemon is serving (as a synth started later, or plugged
# in), and the daemon connects Sideman:out to it by itself. By hand, the README's commands:
# `aconnect Sideman:1 'Hand Listener'` and `aseqdump -p Sideman:1`. A chord from the virtual
# keyboard starts the band; every listener must receive its notes. Band Listener then leaves
# and comes back, and is connected again.
out=$1
cat > /tmp/e2e.toml <<'TOML'
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
[style]
name = "bossa-nova"
[inputs]
connect = ["Virtual Raw MIDI 1-0*"]
[out]
connect = ["Band Listener"]
TOML
if ! sideman config check /tmp/e2e.toml > "$out/config-check.txt" 2>&1 && grep -q "out.connect" "$out/config-check.txt"; then
  echo "sideman has no [out] connect yet" > "$out/skipped"
  exit 0
fi
# Run as a user's `sideman serve` without an rtprio limit is: real-time priority refused (no
# CAP_SYS_NICE, RLIMIT_RTPRIO 0), which the daemon must say once. Routing needs no priority.
if command -v setpriv > /dev/null && command -v prlimit > /dev/null; then
  setpriv --bounding-set=-sys_nice prlimit --rtprio=0 -- sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
else
  echo "no setpriv or prlimit" > "$out/no-priority-drop.txt"
  sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
fi
serve=$!
n=0
until grep -q "serving" "$out/serve.log" || [ $n -gt 300 ]; do sleep 0.2; n=$((n + 1)); done
aconnect -l > "$out/aconnect-before.txt"
# Appears after the daemon: found through the System client's announcement.
sideman alsa-probe --client-name "Band Listener" --no-connect --seconds 40 > "$out/auto.txt" 2>&1 &
auto=$!
sideman alsa-probe --client-name "Hand Listener" --no-connect --seconds 40 > "$out/hand.txt" 2>&1 &
hand=$!
aseqdump -p Sideman:1 > "$out/aseqdump.txt" 2> "$out/aseqdump.err" &
dump=$!
n=0
until aconnect -l | grep -q "'Hand Listener'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
aconnect Sideman:1 'Hand Listener' > "$out/aconnect-hand.txt" 2>&1
echo $? > "$out/aconnect-hand.rc"
# The form the README once gave: ALSA reads 'out' as port 0 (`in`), which cannot be read from.
aconnect Sideman:out 'Hand Listener' > "$out/aconnect-by-name.txt" 2>&1
echo $? > "$out/aconnect-by-name.rc"
sleep 2
aconnect -l > "$out/aconnect.txt"
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C2 E2 G2 below the split: the band starts
sleep 5
# Scheduling of the daemon's threads: tid, name, policy (1 = SCHED_FIFO), real-time priority.
for t in /proc/$serve/task/*; do
  printf '%s %s %s\n' "${t##*/}" "$(tr ' ' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $39, $38}')"
done > "$out/sched.txt" 2>/dev/null
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'
sleep 1
# The synth goes away and comes back (restarted, or unplugged and plugged in again).
kill -TERM $auto
wait $auto
sleep 1
sideman alsa-probe --client-name "Band Listener" --no-connect --seconds 30 > "$out/auto-again.txt" 2>&1 &
auto=$!
sleep 2
amidi -p hw:1,0 -S '90 29 64 90 2D 64 90 30 64'   # F2 A2 C3: F major
sleep 4
amidi -p hw:1,0 -S '80 29 40 80 2D 40 80 30 40'
sleep 1
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
sleep 0.5
kill -TERM $auto $hand $dump 2>/dev/null
wait $auto $hand $dump 2>/dev/null
exit 0
