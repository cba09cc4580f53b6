#!/bin/sh
# A MIDI flood: 20 000 events per second for 60 s into Sideman:0 (both hands, controllers and
# the control channel; flood.mid, see make_flood.py), played by aplaymidi straight to the port,
# then a G7 held 3 s (after.mid),
# while the daemon runs as a notify service with a watchdog and plays bossa-nova to the loopback
# card. Recorded: the band's out (aseqdump -p Sideman:1, and a timestamping probe that also
# gets the flood's start and end markers), the daemon's RSS and open files every second, the
# journal, and the audio after the flood. check.py asserts on all of it.
out=$1
[ -f flood.mid ] && [ -f after.mid ] || { echo "no flood.mid and after.mid (host-prepare.sh makes them)" > "$out/skipped"; exit 0; }
command -v aplaymidi > /dev/null || { echo "no aplaymidi in the guest" > "$out/skipped"; exit 0; }
sock=/tmp/sideman-flood.sock
cat > /tmp/flood.toml <<TOML
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
gain = 1.5
reverb = false
[style]
name = "bossa-nova"
tempo = 120
[inputs]
connect = "none"
[clock]
send = false
[daemon]
socket = "$sock"
TOML
now() { date +%s.%N; }
unit=sideman-flood
show() { systemctl show -p "$1" --value $unit; }
systemd-run --unit=$unit -p Type=notify -p WatchdogSec=10 -p TimeoutStartSec=30 --no-block \
  /usr/local/bin/sideman serve --config /tmp/flood.toml > "$out/systemd-run.txt" 2>&1
n=0
until [ "$(show ActiveState)" = active ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
pid=$(show MainPID)
echo "$pid" > "$out/serve.pid"
sideman alsa-probe --client-name Probe --timestamps --seconds 110 --match "Sideman:out" > "$out/probe.txt" 2>&1 &
probe=$!
aseqdump -p Sideman:1 > "$out/out-dump.txt" 2>&1 &
dump=$!
sleep 2
aconnect -l > "$out/aconnect.txt"
# RSS (kB) and open files of the daemon, once a second, on the realtime clock.
( while kill -0 "$pid" 2> /dev/null; do
    echo "$(now) $(awk '/^VmRSS/ {print $2}' /proc/$pid/status) $(ls /proc/$pid/fd | wc -l)"
    sleep 1
  done ) > "$out/rss.txt" 2>&1 &
sampler=$!
cp flood-made.txt "$out/" 2> /dev/null
echo "$(now)" > "$out/play_start.txt"
aplaymidi -p Sideman:0,Probe:0 flood.mid > "$out/aplaymidi.txt" 2>&1
echo $? > "$out/aplaymidi.rc"
echo "$(now)" > "$out/play_end.txt"
# The flood is delivered (on a slow machine aplaymidi falls behind the file's 60 s): the audio
# from just before the G7 that follows it (after.mid) to 5 s after.
echo "$(now)" > "$out/rec_start.txt"
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 7 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sleep 1
aplaymidi -p Sideman:0,Probe:0 after.mid >> "$out/aplaymidi.txt" 2>&1
echo $? >> "$out/aplaymidi.rc"
sleep 2
sideman status --socket $sock --json > "$out/status-after.json" 2>&1
echo "$(show MainPID) $(show NRestarts) $(show ActiveState)" > "$out/after.txt"
wait $rec
kill $sampler 2> /dev/null
systemctl stop $unit
show ExecMainStatus > "$out/serve.rc"
sleep 0.5
kill $dump 2> /dev/null
kill -TERM $probe 2> /dev/null
wait $probe
journalctl -u $unit -o short-unix --no-pager > "$out/journal-serve.txt" 2>&1
exit 0
