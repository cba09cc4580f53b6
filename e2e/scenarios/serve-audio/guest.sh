#!/bin/sh
# The daemon end to end: `sideman serve` plays to the loopback card and auto-connects the
# virtual keyboard; a right-hand note sounds on its own (the band waits for a chord: sync
# start), then a C major chord below the split starts the band; the other side of the
# loopback is captured. SIGTERM must silence it at once and exit 0. Times (seconds since the
# capture started) go to times.txt so that the host can look at the right parts of the WAV.
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
[style]
name = "bossa-nova"
TOML
now() { date +%s.%N; }
sideman config check /tmp/e2e.toml > "$out/config-check.txt" 2>&1
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
sleep 1
aconnect -l > "$out/aconnect.txt"
rec_start=$(now)
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 18 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sleep 1
lead=$(now)
amidi -p hw:1,0 -S '90 45 64'                      # A4, above the split: the lead voice alone
sleep 1.5
amidi -p hw:1,0 -S '80 45 40'
sleep 0.5
chord=$(now)
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C2 E2 G2 below the split (F#3): C major, sync start
sleep 6
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'   # chord memory: the band plays on
sleep 1
stop=$(now)
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
stopped=$(now)
wait $rec
echo $? > "$out/arecord.rc"
awk -v r="$rec_start" -v l="$lead" -v c="$chord" -v s="$stop" -v e="$stopped" 'BEGIN {
  printf "lead %.3f\nchord %.3f\nsigterm %.3f\nexited %.3f\n", l - r, c - r, s - r, e - r }' > "$out/times.txt"
