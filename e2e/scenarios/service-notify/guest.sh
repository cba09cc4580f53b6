#!/bin/sh
# The daemon as a systemd notify service, started before its sound card exists:
# `sideman serve --wait` under `systemd-run -p Type=notify` waits (STATUS says for what,
# EXTEND_TIMEOUT_USEC keeps the 15 s start timeout from killing it), starts when the loopback
# card appears (modprobe snd-aloop), and only then is the unit active (READY=1). Then:
# `sideman status` through the control socket, a chord, SIGHUP with a bad file (refused, one
# line naming file, line and key) and with a good one (new style, tempo and split), and a
# clean stop. Times are seconds of guest uptime.
out=$1
if ! sideman serve --help 2>/dev/null | grep -q -- "--wait"; then
  echo "sideman has no 'serve --wait' yet" > "$out/skipped"
  exit 0
fi
unit=sideman-notify
cfg=/tmp/notify.toml
now() { cut -d' ' -f1 /proc/uptime; }
state() { systemctl show -p ActiveState --value $unit; }
statustext() { systemctl show -p StatusText --value $unit; }
write_config() {  # style tempo split
  cat > $cfg <<TOML
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
[style]
name = "$1"
tempo = $2
[keyboard]
split_point = $3
[daemon]
socket = "/run/sideman/control.sock"
TOML
}
write_config bossa-nova 0 54

# No sound card: take the loopback card away.
modprobe -r snd-aloop; echo $? > "$out/rmmod.rc"
ls /proc/asound > "$out/cards-before.txt"
# Without --wait: one clear line and a non-zero exit.
sideman serve --config $cfg > "$out/nowait.log" 2>&1; echo $? > "$out/nowait.rc"

echo "start $(now)" > "$out/times.txt"
systemd-run --unit=$unit -p Type=notify -p TimeoutStartSec=15 -p RuntimeDirectory=sideman --no-block \
  /usr/local/bin/sideman serve --wait --config $cfg > "$out/systemd-run.txt" 2>&1
n=0; until statustext | grep -q "waiting for" || [ $n -gt 100 ]; do sleep 0.2; n=$((n + 1)); done
echo "$(state)|$(statustext)" > "$out/waiting.txt"
sideman status --config $cfg > "$out/status-waiting.txt" 2>&1
sleep 18  # longer than TimeoutStartSec: only EXTEND_TIMEOUT_USEC keeps the start going
echo "$(state)|$(statustext)" > "$out/waiting-later.txt"
echo "card $(now)" >> "$out/times.txt"
modprobe snd-aloop
n=0; until [ "$(state)" != activating ] || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
echo "active $(now)" >> "$out/times.txt"
state > "$out/active.txt"
statustext > "$out/statustext-ready.txt"
sideman status --config $cfg > "$out/status.txt" 2>&1
sideman status --config $cfg --json > "$out/status.json" 2>&1

# A C major chord below the split starts the band.
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'
sleep 2
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'
sideman status --config $cfg --json > "$out/status-playing.json" 2>&1
statustext > "$out/statustext-playing.txt"

# SIGHUP with a bad file: refused, the band plays on as before.
printf '[keyboard]\nsplit_point = 200\n' > $cfg
systemctl kill -s HUP $unit
sleep 2
state > "$out/after-bad.txt"
sideman status --socket /run/sideman/control.sock --json > "$out/status-bad-reload.json" 2>&1
# SIGHUP with a good file: another style (at the next bar line), tempo and split.
write_config medium-swing 150 60
systemctl kill -s HUP $unit
sleep 6
sideman status --socket /run/sideman/control.sock --json > "$out/status-reloaded.json" 2>&1
statustext > "$out/statustext-reloaded.txt"

echo "stop $(now)" >> "$out/times.txt"
systemctl stop $unit
echo "stopped $(now)" >> "$out/times.txt"
sideman status --socket /run/sideman/control.sock > "$out/status-after-stop.txt" 2>&1
echo $? > "$out/status-after-stop.rc"
journalctl -u $unit -o short-monotonic --no-pager > "$out/journal.txt" 2>&1
