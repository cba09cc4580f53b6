#!/bin/sh
# The web remote driven from the host: the daemon runs as the systemd unit (its address
# filter included) with the web remote on 0.0.0.0:8080; QEMU forwards that port and this
# scenario's control port (8090, busybox httpd running act.sh) and a key player (8091,
# keys.pl: MIDI bytes into the virtual keyboard) to the host, where
# host-live drives Debian's chromium (Selenium), schemathesis and a load generator. The
# guest records what the band sends on Sideman:1 (a timestamping probe and aseqdump) until the
# host says it is done, then stops the daemon.
out=$1
here=$(pwd)
bb=$here/busybox
if [ ! -f /usr/local/share/sideman/web/index.html ]; then
  echo "the web remote's page is not installed" > "$out/skipped"; echo "web-remote: skipped" > /dev/console; exit 0
fi
mkdir -p /run/web-remote && echo "$out" > /run/web-remote/out
: > "$out/marks.txt"

# The network: QEMU's user-mode network (the guest is 10.0.2.15, the host reaches it from
# 10.0.2.2), and a public address on a dummy interface for the refusal test.
modprobe virtio_net; modprobe dummy numdummies=1
n=0; iface=""
while [ -z "$iface" ] && [ $n -lt 50 ]; do
  for d in /sys/class/net/*; do [ -e "$d/device" ] && iface=${d##*/} && break; done
  [ -z "$iface" ] && sleep 0.2; n=$((n + 1))
done
[ -n "$iface" ] || { echo "no network interface"; exit 1; }
$bb ip link set lo up
$bb ip addr add 10.0.2.15/24 dev "$iface" && $bb ip link set "$iface" up || exit 1
$bb ip addr add 203.0.113.5/32 dev dummy0 && $bb ip link set dummy0 up || exit 1
$bb ip addr > "$out/ip.txt" 2>&1

# The unit as shipped, with a configuration for the loopback card and the virtual keyboard.
systemd-sysusers "$here/sideman.sysusers"
cat > /run/web-remote/sideman.toml <<'TOML'
[audio]
device = "hw:Loopback,0,0"
period_size = 256
periods = 3
[synth]
soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
reverb = false
chorus = false
[style]
name = "bossa-nova"
[inputs]
connect = ["Virtual Raw MIDI 1-0*"]
[clock]
send = true
[out]
band = true
[web]
enabled = true
listen = "0.0.0.0:8080"
TOML
chmod 0755 /run/web-remote; chmod 0644 /run/web-remote/sideman.toml
# A setlist for the page's picker, in the only folder the web remote loads setlists from
# (removed at the end, with the folder if this scenario made it).
setlists_made=""; [ -d /var/lib/sideman/setlists ] || setlists_made=yes
mkdir -p /var/lib/sideman/setlists
printf 'Title = E2E set\nblues-major-f --tempo 120\ncircle-of-fifths\n' > /var/lib/sideman/setlists/e2e.txt
chmod 0644 /var/lib/sideman/setlists/e2e.txt
mkdir -p /run/systemd/system/sideman.service.d
cat > /run/systemd/system/sideman.service.d/e2e.conf <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/local/bin/sideman serve --wait --config /run/web-remote/sideman.toml
UNIT
systemctl daemon-reload
systemctl start sideman || { systemctl status sideman --no-pager > "$out/unit-failed.txt" 2>&1; exit 1; }
systemctl show -p IPAddressDeny -p IPAddressAllow -p MainPID sideman > "$out/unit.txt"
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 150 ]; do sleep 0.2; n=$((n + 1)); done
sideman alsa-probe --client-name Probe --timestamps --seconds 900 \
  --match "Sideman:out" --match "Virtual Raw MIDI 1-0*" > "$out/probe.txt" 2>&1 &
probe=$!
aseqdump -p Sideman:1 > "$out/aseqdump.txt" 2>&1 &
dump=$!
sleep 1
aconnect -l > "$out/aconnect.txt"
# From the guest itself: the page answers on the private address.
perl "$here/http-get.pl" 10.0.2.15 10.0.2.15 8080 / 10 | head -1 > "$out/page-head.txt"

# The host's requests from here on; the host says when it is done.
"$bb" httpd -f -p 8090 -h "$here/www" &
httpd=$!
perl "$here/keys.pl" 2> "$out/keys.err" &
keys=$!
echo "web-remote: ready" > /dev/console
deadline=$(( $(date +%s) + 900 ))
until [ -f /run/web-remote/done ] || [ "$(date +%s)" -gt $deadline ]; do sleep 0.5; done
[ -f /run/web-remote/done ] || echo "the host never said it was done" > "$out/host-timeout.txt"

sideman status > "$out/status-end.txt" 2>&1
systemctl show -p NRestarts -p MainPID -p ActiveState sideman > "$out/unit-end.txt"
kill -TERM $probe $dump 2>/dev/null
wait $probe; wait $dump 2>/dev/null
systemctl stop sideman
journalctl -u sideman --no-pager -o short-monotonic > "$out/journal.txt" 2>&1
# The unit as it was for any scenario after this one (the drop-in, the address let through).
rm -rf /run/systemd/system/sideman.service.d /run/systemd/system.control/sideman.service.d
systemctl daemon-reload
rm -f /var/lib/sideman/setlists/e2e.txt
[ -n "$setlists_made" ] && rmdir /var/lib/sideman/setlists 2>/dev/null
kill $httpd $keys 2>/dev/null
exit 0
