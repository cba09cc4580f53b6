#!/bin/sh
# Runs inside the VM: each selected scenario's guest.sh gets its own results folder
# (/results/NAME: log, rc, and whatever files it writes); everything goes to /dev/vdb as tar.
export PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
mkdir -p /results
echo "guest: up $(cut -d' ' -f1 /proc/uptime) s" > /dev/console
udevadm settle --timeout=10 2>/dev/null
# Wait for the sound modules (systemd-modules-load may still be running).
i=0
while [ ! -e /dev/snd/seq ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
{
  uname -r; cat /proc/asound/cards; ls -l /dev/snd; lsmod
} > /results/system.txt 2>&1
for name in $(cat /e2e/selected); do
  dir=/results/$name; mkdir -p "$dir"
  start=$(cut -d' ' -f1 /proc/uptime)
  # A scenario may ask for more than 150 s in a file `timeout`.
  limit=$(cat "/e2e/scenarios/$name/timeout" 2>/dev/null || echo 150)
  (cd "/e2e/scenarios/$name" && timeout "$limit" sh ./guest.sh "$dir") > "$dir/log" 2>&1
  echo $? > "$dir/rc"
  end=$(cut -d' ' -f1 /proc/uptime)
  echo "guest: $name rc=$(cat "$dir/rc") ($start s -> $end s)" > /dev/console
done
dmesg > /results/dmesg.txt 2>&1
journalctl -b --no-pager > /results/journal.txt 2>&1
cut -d' ' -f1 /proc/uptime > /results/done
tar -cf /dev/vdb -C /results .
sync
