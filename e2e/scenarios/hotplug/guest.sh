#!/bin/sh
# Keyboards come and go 100 times while the daemon plays (a notify service, bossa-nova, loopback
# card): odd cycles a sequencer client (`sideman alsa-probe --client-name Keys2`) appears and
# plays a chord as soon as the daemon has subscribed to it, then leaves; even cycles the
# virtual MIDI card goes away as an unplugged USB keyboard does (its driver unbound, then the
# snd-virmidi module unloaded) and comes back (module loaded), and a chord is played into it.
# The chords alternate C major and E major (the previous one released first). A probe stamps
# what comes out of Sideman:out; the daemon's RSS and open files are read every cycle.
# HOTPLUG_CYCLES in the file `cycles` (default 100).
out=$1
cycles=$(cat cycles 2>/dev/null || echo 100)
sock=/tmp/sideman-hotplug.sock
cat > /tmp/hotplug.toml <<TOML
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
reverb = false
[style]
name = "bossa-nova"
tempo = 160
[inputs]
connect = ["Keys2*", "Virtual Raw MIDI*"]
[clock]
send = false
[daemon]
socket = "$sock"
TOML
# Times from /proc/uptime (the kernel's boot clock, read without starting a process: under
# emulation every process costs a good part of a second); the probe prints both clocks.
now() { read -r up _ < /proc/uptime; echo "$up"; }
unit=sideman-hotplug
show() { systemctl show -p "$1" --value $unit; }
systemd-run --unit=$unit -p Type=notify -p WatchdogSec=10 -p TimeoutStartSec=30 --no-block \
  /usr/local/bin/sideman serve --config /tmp/hotplug.toml > "$out/systemd-run.txt" 2>&1
n=0
until [ "$(show ActiveState)" = active ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
pid=$(show MainPID)
echo "$pid" > "$out/serve.pid"
sideman alsa-probe --client-name Probe --timestamps --seconds 900 --match "Sideman:out" > "$out/probe.txt" 2>&1 &
probe=$!
aseqdump -p Sideman:1 > "$out/out-dump.txt" 2>&1 &
dump=$!
sleep 2
# RSS (kB) and open files of the daemon, with shell builtins only.
sample() {
  rss=0
  while read -r key value _; do [ "$key" = "VmRSS:" ] && rss=$value; done < /proc/$pid/status
  set -- "$1" /proc/$pid/fd/*
  echo "$1 $(now) $rss $(($# - 1))" >> "$out/samples.txt"
}
# Is the daemon subscribed to the virtual keyboard (20:0 read by Sideman)? The kernel's list
# of clients shows Sideman's connections.
virmidi_connected() { grep -A3 '"Sideman"' /proc/asound/seq/clients | grep -q "Connected From:.*\b20:0"; }
C_ON="90 24 5A 90 28 5A 90 2B 5A" C_OFF="80 24 40 80 28 40 80 2B 40"
E_ON="90 28 5A 90 2C 5A 90 2F 5A" E_OFF="80 28 40 80 2C 40 80 2F 40"
virmidi_dev=$(basename "$(readlink -f /sys/bus/platform/drivers/snd_virmidi/snd_virmidi.0 2>/dev/null)" 2>/dev/null)
: > "$out/cycles.txt"
i=1
while [ $i -le "$cycles" ]; do
  if [ $((i % 2)) -eq 1 ]; then chord=C on=$C_ON off=$E_OFF; else chord=E on=$E_ON off=$C_OFF; fi
  t0=$(now)
  if [ $((i % 2)) -eq 1 ]; then
    kind=client
    sideman alsa-probe --client-name Keys2 --no-connect --send "$off" --send "$on" --send-when-subscribed \
      --exit-after-send --seconds 10 > /tmp/keys2.txt 2>&1
    grep -q "^sent note-on" /tmp/keys2.txt && ok=yes || ok=no
    sent=$(now)
  else
    kind=module
    # Unplugged: the card disconnects under its subscribers, then the module can go.
    echo snd_virmidi.0 > /sys/bus/platform/drivers/snd_virmidi/unbind 2> /tmp/unbind.err
    modprobe -r snd-virmidi 2> /tmp/rmmod.err && removed=yes || removed="no: $(cat /tmp/rmmod.err)"
    modprobe snd-virmidi
    n=0; until virmidi_connected || [ $n -gt 100 ]; do sleep 0.1; n=$((n + 1)); done
    virmidi_connected && ok=yes || ok=no
    amidi -p hw:1,0 -S "$off $on" 2> /tmp/amidi.err
    sent=$(now)
  fi
  sleep 0.8
  sample "$i"
  if [ "$i" -eq 10 ]; then
    sideman status --socket $sock --json > "$out/status-warm.json" 2>&1
    cat /proc/$pid/smaps > "$out/smaps-warm.txt"
  fi
  echo "$i $kind $chord $ok $t0 $sent ${removed:-}" >> "$out/cycles.txt"
  removed=
  i=$((i + 1))
done
sideman status --socket $sock --json > "$out/status-after.json" 2>&1
cat /proc/$pid/smaps > "$out/smaps-end.txt"
echo "$(show MainPID) $(show NRestarts) $(show ActiveState)" > "$out/after.txt"
systemctl stop $unit
show ExecMainStatus > "$out/serve.rc"
sleep 0.5
kill $dump 2> /dev/null
kill -TERM $probe 2> /dev/null
wait $probe
journalctl -u $unit -o short-unix --no-pager > "$out/journal-serve.txt" 2>&1
exit 0
