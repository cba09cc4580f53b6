#!/bin/sh
# The practice player live: `sideman play` through the control socket starts a drill (one bar
# of count-in clicks, a four-bar loop played three times, the tempo ramping 100 → 120 → 140
# BPM pass by pass); a second sequencer client (`sideman alsa-probe --timestamps`, named
# Probe) stamps what Sideman:1 sends — the band's notes and its MIDI clock — and aseqdump
# records the same port. Then a setlist of two songs is loaded (Advance = manual) and a
# footswitch (CC 85 on the virtual keyboard, pressed and released) moves to the next song.
out=$1
here=$(pwd)
if ! sideman play --help 2>/dev/null | grep -q -- "--ramp"; then
  echo "sideman has no 'play' command yet" > "$out/skipped"
  exit 0
fi
cat > /tmp/e2e.toml <<'TOML'
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
reverb = false
chorus = false
[style]
name = "medium-swing"
[inputs]
connect = ["Virtual Raw MIDI 1-0*"]
[clock]
send = true
[out]
band = true
TOML
cat > "$here/set.txt" <<SET
# Two songs; the footswitch moves on.
Title = E2E set
Advance = manual
$here/drill.chart --tempo 120
$here/two.chart --tempo 120
SET
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
sideman alsa-probe --client-name Probe --timestamps --seconds 75 --match "Sideman:out" > "$out/probe.txt" 2>&1 &
probe=$!
aseqdump -p Sideman:1 > "$out/aseqdump.txt" 2>&1 &
dump=$!
n=0
until [ -S /run/sideman/control.sock ] || [ $n -gt 100 ]; do sleep 0.2; n=$((n + 1)); done
sleep 2
aconnect -l > "$out/aconnect.txt"
# The daemon's audio blocks against the realtime clock, once a second: the host measures
# the MIDI clock's tempo against the audio sample clock it follows (an emulated sound card
# that is starved runs slower than real time, and the band with it).
(
  while [ ! -f /tmp/stop-sampling ]; do
    echo "$(date +%s.%N) $(sideman status --json 2>/dev/null)" >> "$out/samples.txt"
    sleep 1
  done
) &
sampler=$!
date +%s.%N > "$out/play-time.txt"
sideman play "$here/drill.chart" --tempo 100 --ramp 100:140:+20 --loop 1-4x3 --count-in 1 > "$out/play.txt" 2> "$out/play.err"
echo $? > "$out/play.rc"
sleep 8
sideman status --json > "$out/status-mid.json" 2>&1
sideman status > "$out/status-mid.txt" 2>&1
# 2.4 s count-in + 4 bars at 100 (9.6 s) + at 120 (8 s) + at 140 (6.9 s): over by 27 s of
# audio; wait for the song to finish, however slowly the emulated card runs.
n=0
until tail -n 1 "$out/samples.txt" | grep -q '"phase":"finished"' || [ $n -gt 120 ]; do sleep 1; n=$((n + 1)); done
touch /tmp/stop-sampling
wait $sampler
sideman status --json > "$out/status-end.json" 2>&1
sideman setlist load "$here/set.txt" > "$out/setlist.txt" 2> "$out/setlist.err"
sleep 3
date +%s.%N > "$out/footswitch-time.txt"
amidi -p hw:1,0 -S "B0 55 7F"
sleep 0.3
amidi -p hw:1,0 -S "B0 55 00"
sleep 2
sideman status --json > "$out/status-next.json" 2>&1
sideman status > "$out/status-next.txt" 2>&1
sideman stop > "$out/stop.txt" 2>&1
sleep 1
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
kill -TERM $probe $dump 2>/dev/null
wait $probe
wait $dump 2>/dev/null
exit 0
