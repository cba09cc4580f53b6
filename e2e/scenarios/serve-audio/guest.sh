#!/bin/sh
# The daemon end to end: `sideman serve` plays to the loopback card, a chord comes in through
# the virtual keyboard (sync start), the band is captured on the other side; SIGTERM stops it
# cleanly. Skipped until the serve command exists.
out=$1
if ! sideman serve --help 2>/dev/null | grep -q -- "--config"; then
  echo "sideman has no 'serve --config FILE' command yet" > "$out/skipped"
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
TOML
sideman config check /tmp/e2e.toml > "$out/config-check.txt" 2>&1
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 14 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
aconnect -l > "$out/aconnect.txt"
sleep 1
amidi -p hw:1,0 -S '90 30 64 90 34 64 90 37 64'   # C3 E3 G3 below the split: C major, sync start
sleep 6
amidi -p hw:1,0 -S '80 30 40 80 34 40 80 37 40'
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
wait $rec
