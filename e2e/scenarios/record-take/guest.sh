#!/bin/sh
# Takes in the daemon: `sideman serve` with [record] mode = "armed" plays to the loopback
# card. Nothing is recorded while nothing plays; a C major chord from the virtual keyboard
# starts the band (sync start) and with it a take; the start/stop control (note 36 on the
# control channel 16) stops the band, and the take ends after the band's release tail. Then
# `sideman record start` and `sideman record stop` make a second take through the control
# socket. The takes are listed and exported with `sideman recordings`; the host checks them.
out=$1
if ! sideman --help 2>/dev/null | grep -q "recordings"; then
  echo "sideman has no 'recordings' command yet" > "$out/skipped"
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
tempo = 120
[record]
mode = "armed"
folder = "/tmp/takes"
format = "flac"
stop_after_silence = 10
min_free_mb = 0
[daemon]
socket = "/tmp/sideman.sock"
TOML
now() { date +%s.%N; }
sideman config check /tmp/e2e.toml > "$out/config-check.txt" 2>&1
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
n=0
until sideman status --json --socket /tmp/sideman.sock 2>/dev/null | grep -q '"state":"running"' || [ $n -gt 300 ]; do sleep 0.2; n=$((n + 1)); done
# Something must read the loopback's other side for the card to run at its pace.
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 40 /dev/null 2> "$out/arecord.err" &
rec=$!
sleep 2
sideman status --json --socket /tmp/sideman.sock > "$out/status-armed.json" 2>&1
ls /tmp/takes > "$out/takes-before.txt" 2>&1
t0=$(now)
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C2 E2 G2: C major, sync start: the take begins
sleep 0.3
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'   # chord memory: the band plays on
sleep 5.7
sideman status --json --socket /tmp/sideman.sock > "$out/status-recording.json" 2>&1
stop=$(now)
amidi -p hw:1,0 -S '9F 24 64 8F 24 40'            # start/stop on the control channel: the band stops
n=0
until sideman recordings list --folder /tmp/takes | grep -q bossa-nova || [ $n -gt 50 ]; do sleep 0.2; n=$((n + 1)); done
sleep 1
sideman status --json --socket /tmp/sideman.sock > "$out/status-after.json" 2>&1
sideman record start --socket /tmp/sideman.sock > "$out/record-start.txt" 2>&1
sleep 2
sideman record stop --socket /tmp/sideman.sock > "$out/record-stop.txt" 2>&1
sleep 1
sideman recordings list --folder /tmp/takes --json > "$out/takes.json" 2> "$out/takes.err"
sideman recordings list --folder /tmp/takes > "$out/takes.txt" 2>&1
mkdir -p "$out/takes"
for name in $(ls /tmp/takes | sed 's/\.[a-z]*$//' | sort -u | tr ' ' '|'); do
  sideman recordings export "$(echo "$name" | tr '|' ' ')" --out "$out/takes" --folder /tmp/takes >> "$out/export.txt" 2>&1
done
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
kill $rec 2>/dev/null
awk -v a="$t0" -v s="$stop" 'BEGIN { printf "chord_to_stop %.3f\n", s - a }' > "$out/times.txt"
