#!/bin/sh
# The ALSA sequencer adapter on a real kernel: Sideman's client and ports, inputs connected
# at start and when plugged in later (and again after unplugging), every kind of message
# decoded, and messages sent on 'out'. `sideman alsa-probe` prints what it sees.
out=$1
vk=hw:1,0   # the first virtual raw MIDI port: client 20, like a USB keyboard
wait_for() {  # wait_for SECONDS COMMAND...: retry every 0.2 s
  n=$(($1 * 5)); shift
  while [ $n -gt 0 ]; do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; n=$((n - 1)); done
  return 1
}
send() { amidi -p $vk -S "$1"; sleep 0.05; }

aconnect -l > "$out/aconnect-before.txt"
sideman alsa-probe --seconds 120 > "$out/probe.txt" 2> "$out/probe.err" &
probe=$!
wait_for 60 grep -q "^connected 20:0 " "$out/probe.txt" || echo "Sideman never connected 20:0"
aconnect -l > "$out/aconnect.txt"

# Every message kind through the virtual keyboard.
send '90 3C 64'                   # note on C4, velocity 100
send '80 3C 40'                   # note off
send 'B0 40 7F'                   # sustain down
send 'C0 05'                      # program 6 (5 on the wire)
send 'E0 00 40'                   # pitch bend centre
send 'E0 7F 7F'                   # pitch bend top
send 'D0 30'                      # channel pressure
send 'A0 3C 20'                   # poly pressure
send 'F0 7E 7F 06 01 F7'          # identity request (SysEx)
# A 600-byte SysEx: the kernel delivers it in chunks; it must arrive whole.
long="F0 7D $(i=0; while [ $i -lt 597 ]; do printf '%02X ' $((i % 128)); i=$((i + 1)); done)F7"
send "$long"
send 'F8'; send 'FA'; send 'FB'; send 'FC'   # clock, start, continue, stop
send 'F2 10 00'                   # song position 16
send '9F 24 7F'                   # note on channel 16
sleep 1

# Hotplug: a port that appears later is connected; unplugged and back, it is connected again.
# The second probe plays the new keyboard: it creates 'Keys2:out' and sends on it.
keys2() { sideman alsa-probe --client-name Keys2 --no-connect --seconds 60 --send-when-subscribed --exit-after-send "$@"; }
keys2 --send '91 40 50' > "$out/keys2-first.txt" 2>&1
wait_for 10 grep -q "^port gone " "$out/probe.txt"
keys2 --send '91 41 51 F0 01 02 F7' > "$out/keys2-second.txt" 2>&1
sleep 1
aconnect -l > "$out/aconnect-end.txt"

# A clean stop on SIGTERM.
kill -TERM $probe
wait $probe
echo $? > "$out/probe.rc"
