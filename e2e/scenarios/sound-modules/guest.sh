#!/bin/sh
# The kernel's sound support as the other scenarios expect it: cards and sequencer clients.
out=$1
cat /proc/asound/cards > "$out/cards.txt"
aconnect -l > "$out/aconnect.txt"
ls /dev/snd > "$out/dev-snd.txt"
