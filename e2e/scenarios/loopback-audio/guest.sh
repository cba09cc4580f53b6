#!/bin/sh
# The audio path the daemon will use: a player on hw:Loopback,0,0 is heard by a recorder on
# the loopback's other side. A 440 Hz sine from speaker-test stands in for the band; the
# serve scenarios capture the same way.
out=$1
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 4 "$out/capture.wav" 2> "$out/arecord.err" &
rec=$!
sleep 0.5
timeout 3 speaker-test -D hw:Loopback,0,0 -t sine -f 440 -c 2 -r 48000 -F S16_LE > "$out/speaker-test.txt" 2>&1
wait $rec
echo $? > "$out/arecord.rc"
