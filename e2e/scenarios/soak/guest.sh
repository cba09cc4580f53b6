#!/bin/sh
# A soak: a random session (session.mid, see make_session.py: chords, right hand, sections,
# tempo, tap tempo, style changes, mutes) played into Sideman:0 for SOAK_MINUTES (default 10),
# with a reload (SIGHUP, the style in the file alternating) every 45 s, while the daemon runs
# as a notify service with WatchdogSec=10 and plays to the loopback card. Recorded: the band's
# out (aseqdump -p Sideman:1), RSS and open files every 5 s, status (late callbacks) every
# minute (with the daemon's heap figures), the mappings of its memory (/proc/PID/smaps) at the
# end of the warm-up and at the end, the journal, and the audio of the last seconds (after the
# band's stop).
out=$1
[ -f session.mid ] || { echo "no session.mid (host-prepare.sh makes it)" > "$out/skipped"; exit 0; }
minutes=$(cat minutes)
sock=/tmp/sideman-soak.sock
config() {
  cat > /tmp/soak.toml <<TOML
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
gain = 1.2
[style]
name = "$1"
[inputs]
connect = "none"
[daemon]
socket = "$sock"
TOML
}
config bossa-nova
now() { date +%s.%N; }
unit=sideman-soak
show() { systemctl show -p "$1" --value $unit; }
systemd-run --unit=$unit -p Type=notify -p WatchdogSec=10 -p TimeoutStartSec=30 --no-block \
  /usr/local/bin/sideman serve --config /tmp/soak.toml > "$out/systemd-run.txt" 2>&1
n=0
until [ "$(show ActiveState)" = active ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
pid=$(show MainPID)
echo "$pid" > "$out/serve.pid"
aseqdump -p Sideman:1 > "$out/out-dump.txt" 2>&1 &
dump=$!
sleep 1
( while kill -0 "$pid" 2> /dev/null; do
    echo "$(now) $(awk '/^VmRSS/ {print $2}' /proc/$pid/status) $(ls /proc/$pid/fd | wc -l)"
    sleep 5
  done ) > "$out/rss.txt" 2>&1 &
sampler=$!
( k=0; while kill -0 "$pid" 2> /dev/null; do
    sleep 45; k=$((k + 1))
    if [ $((k % 2)) -eq 1 ]; then config pop-8beat; else config bossa-nova; fi
    kill -HUP "$pid" && echo "$(now) reload $k" >> "$out/reloads.txt"
  done ) &
reloader=$!
( while kill -0 "$pid" 2> /dev/null; do
    sleep 60; echo "$(now) $(sideman status --socket $sock --json 2>&1)" >> "$out/status-minutes.txt"
  done ) &
status_loop=$!
warm=$(( minutes * 30 > 120 ? minutes * 30 : 120 ))
( sleep "$warm"; cat /proc/$pid/smaps > "$out/smaps-warm.txt" ) &
smaps_warm=$!
echo "$(now)" > "$out/play_start.txt"
aplaymidi -p Sideman:0 session.mid > "$out/aplaymidi.txt" 2>&1
echo $? > "$out/aplaymidi.rc"
kill $reloader $status_loop 2> /dev/null
echo "$(now)" > "$out/play_end.txt"
# The band was stopped 0.5 s before the end of the file: what sounds after is the release tail
# and then nothing (a stuck note would go on).
echo "$(now)" > "$out/rec_start.txt"
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 6 "$out/capture.wav" 2> "$out/arecord.err"
sideman status --socket $sock --json > "$out/status-after.json" 2>&1
cat /proc/$pid/smaps > "$out/smaps-end.txt"
kill $smaps_warm 2> /dev/null
echo "$(show MainPID) $(show NRestarts) $(show ActiveState)" > "$out/after.txt"
kill $sampler 2> /dev/null
systemctl stop $unit
show ExecMainStatus > "$out/serve.rc"
sleep 0.5
kill $dump 2> /dev/null
journalctl -u $unit -o short-unix --no-pager > "$out/journal-serve.txt" 2>&1
exit 0
