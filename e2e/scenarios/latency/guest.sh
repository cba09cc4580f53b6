#!/bin/sh
# Latency of the live path on a real kernel: `sideman serve` plays to the loopback card; a
# second sequencer client (`sideman alsa-probe --timestamps`, named Probe) listens to the
# virtual keyboard 20:0 and to Sideman:out and stamps every arrival. Right-hand notes alone
# (the band waits: sync start), then chords, each starting the band from stopped (MIDI Stop,
# then sync start re-armed from the control channel). The host pairs each key or chord with
# the first band note on `out` and the first sound in the capture, and prints p50/p99.
out=$1
if ! sideman alsa-probe --help 2>/dev/null | grep -q -- "--timestamps"; then
  echo "sideman alsa-probe has no --timestamps yet" > "$out/skipped"
  exit 0
fi
cat > /tmp/e2e.toml <<'TOML'
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
connect = ["Virtual Raw MIDI 1-0*"]
[clock]
send = true
[out]
band = true
TOML
now() { date +%s.%N; }
send() { amidi -p hw:1,0 -S "$1"; }
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
sideman alsa-probe --client-name Probe --timestamps --seconds 90 \
  --match "Sideman:out" --match "Virtual Raw MIDI 1-0*" > "$out/probe.txt" 2>&1 &
probe=$!
sleep 2
aconnect -l > "$out/aconnect.txt"
rec_start=$(now)
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 80 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sleep 1
# The capture's own clock: when it started (trigger_time, monotonic) and frames captured
# (hw_ptr) at a realtime instant, read twice while it runs.
status=/proc/asound/card0/pcm1c/sub0/status
{ echo "realtime: $(now)"; cat $status; } > "$out/pcm-status-1.txt"
# Right hand alone: A4 … E5, 0.3 s each, then 0.6 s of silence.
for key in 45 47 48 4A 4C 45 47 48; do
  send "90 $key 64"; sleep 0.3; send "80 $key 40"; sleep 0.6
done
# Chords: each starts the band (sync start), plays 1.5 s, then Stop; sync start is armed again
# (control channel 16, C#1) and the band's sound dies away before the next.
# C2 E2 G2, F2 A2 C3, G2 B2 D3, C2 Eb2 G2, A2 C3 E3, D2 F2 A2: all below the split (F#3).
for chord in "24 28 2B" "29 2D 30" "2B 2F 32" "24 27 2B" "2D 30 34" "26 29 2D"; do
  set -- $chord
  send "90 $1 5A 90 $2 5A 90 $3 5A"
  sleep 1.5
  send "80 $1 40 80 $2 40 80 $3 40"
  send "FC"
  send "9F 25 64 8F 25 00"
  sleep 1.5
done
{ echo "realtime: $(now)"; cat $status; } > "$out/pcm-status-2.txt"
sleep 1
stop=$(now)
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
sleep 0.5
kill -TERM $probe
wait $probe
kill -INT $rec
wait $rec
echo $? > "$out/arecord.rc"
echo "$rec_start" > "$out/rec_start.txt"
