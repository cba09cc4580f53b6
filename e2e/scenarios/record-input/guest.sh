#!/bin/sh
# Your instrument in the take: `sideman serve` with [record] input = "hw:Loopback,1,1" (the
# capture side of the loopback's second subdevice). The scenario's "guitar" (pcmclock play)
# plays a click every half second into the playback side of that subdevice, and records when
# its frame 0 left the card; its "ear" (pcmclock capture) records the band from the first
# subdevice, and when its frame 0 arrived. Both read the card's timestamped position, as the
# daemon does. A chord starts the band; `sideman record start`/`stop` make a take of about
# 5 s. Then the recordings folder becomes a 1 MB tmpfs: a take with the input on fills it (cut
# short, the band plays on) and the next is refused (min_free_mb = 1).
out=$1
if ! sideman --help 2>/dev/null | grep -q "recordings" || [ ! -x ./pcmclock ]; then
  echo "no sideman recordings command or no pcmclock (host-prepare.sh)" > "$out/skipped"
  exit 0
fi
cat > /tmp/e2e.toml <<'TOML'
[audio]
device = "hw:Loopback,0,0"
period_size = 512
periods = 8
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
gain = 1.5
[style]
name = "bossa-nova"
tempo = 120
[record]
mode = "off"
folder = "/tmp/input-takes"
format = "wav"
min_free_mb = 1
input = "hw:Loopback,1,1"
[daemon]
socket = "/tmp/sideman.sock"
TOML
sock="--socket /tmp/sideman.sock"
sideman serve --config /tmp/e2e.toml > "$out/serve.log" 2>&1 &
serve=$!
# Cut short by the time limit, the daemon still ends and the tmpfs goes.
trap 'kill -TERM $serve 2>/dev/null; umount /tmp/input-takes 2>/dev/null' EXIT TERM
n=0
until sideman status --json $sock 2>/dev/null | grep -q '"state":"running"' || [ $n -gt 300 ]; do sleep 0.2; n=$((n + 1)); done
./pcmclock capture plughw:Loopback,1,0 16 /tmp/band.raw "$out/band-clock.txt" 2> "$out/band-capture.err" &
ear=$!
# Clicks at 1.5 s, 2 s … 9.5 s of the guitar's stream.
./pcmclock play hw:Loopback,0,1 11 "$out/click-clock.txt" 72000 96000 120000 144000 168000 192000 216000 240000 264000 288000 312000 336000 360000 384000 408000 432000 456000 2> "$out/click.err" &
guitar=$!
sleep 0.5
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C major: the band starts
# The take starts once the band has played a while: the clocks have settled past the start's
# load (an emulated machine stalls most then), as when a player presses record mid-song.
sleep 2
sideman record start $sock > "$out/record-start.txt" 2>&1
sleep 5
sideman record stop $sock > "$out/record-stop.txt" 2>&1
n=0
until grep -q "take saved" "$out/serve.log" || [ $n -gt 50 ]; do sleep 0.2; n=$((n + 1)); done
wait $guitar
wait $ear
cp /tmp/band.raw "$out/band.raw"
mkdir -p "$out/takes"
cp /tmp/input-takes/* "$out/takes/" 2>/dev/null
ls -l /tmp/input-takes > "$out/takes.txt" 2>&1

# Disk full with the input on, then the refusal.
mount -t tmpfs -o size=1m tmpfs /tmp/input-takes
blocks_before=$(sideman status --json $sock | grep -o '"blocks":[0-9]*' | cut -d: -f2)
sideman record start $sock > "$out/full-start.txt" 2>&1
n=0
until grep -q "take cut short" "$out/serve.log" || [ $n -gt 40 ]; do sleep 0.2; n=$((n + 1)); done
sleep 0.5
sideman status --json $sock > "$out/status-full.json" 2>&1
blocks_after=$(sideman status --json $sock | grep -o '"blocks":[0-9]*' | cut -d: -f2)
echo "$blocks_before $blocks_after" > "$out/blocks.txt"
sideman record start $sock > "$out/refused-start.txt" 2>&1
sideman status --json $sock > "$out/status-refused.json" 2>&1
ls -l /tmp/input-takes > "$out/full-takes.txt" 2>&1
kill -TERM $serve
wait $serve
echo $? > "$out/serve.rc"
umount /tmp/input-takes
exit 0
