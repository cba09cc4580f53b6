#!/bin/sh
# The Debian package as a user gets it: dpkg -i creates the user, enables and starts the
# hardened unit; the service reaches active (READY), connects the virtual keyboard present
# before it started, plays chords through the loopback card with its audio thread SCHED_FIFO;
# kill -9 is followed by a restart that plays again; systemctl stop silences it at once; a
# stalled engine (fault build) is restarted by the watchdog; a member of the group sideman
# may ask `sideman status`, others may not; dpkg -r keeps the configuration and your files,
# dpkg --purge removes the configuration. Times (seconds since each capture started) go to
# times1.txt and times2.txt; steps with their uptime to steps.txt.
out=$1
here=$(pwd)
now() { date +%s.%N; }
step() { echo "$(cut -d' ' -f1 /proc/uptime) $*" >> "$out/steps.txt"; }
show() { systemctl show sideman.service -p ActiveState -p SubState -p Result -p MainPID -p NRestarts \
  -p StatusText -p ExecMainCode -p ExecMainStatus; }
mainpid() { systemctl show -p MainPID --value sideman.service; }
# Waits (up to 60 s) until the service is active with a main process other than $1.
wait_active() {
  i=0
  while [ $i -lt 300 ]; do
    pid=$(mainpid)
    [ "$(systemctl is-active sideman.service)" = active ] && [ "$pid" != 0 ] && [ "$pid" != "$1" ] && return 0
    sleep 0.2; i=$((i + 1))
  done
  return 1
}
if [ ! -f sideman.deb ]; then echo "no sideman.deb staged (host-prepare.sh)" > "$out/skipped"; exit 0; fi
if ! sideman serve --help 2>/dev/null | grep -q -- "--wait"; then
  echo "sideman has no 'serve --wait' yet (systemd notify support)" > "$out/skipped"; exit 0
fi

# What run.sh staged for the other scenarios goes aside while the package owns these paths.
mkdir -p /tmp/staged
mv /usr/local/bin/sideman /lib/systemd/system/sideman.service /etc/sideman/sideman.toml /tmp/staged/
hash -r
restore() {
  systemctl stop sideman.service 2>/dev/null
  dpkg --purge sideman > /dev/null 2>&1
  install -d /etc/sideman
  mv /tmp/staged/sideman /usr/local/bin/sideman
  mv /tmp/staged/sideman.service /lib/systemd/system/sideman.service
  mv /tmp/staged/sideman.toml /etc/sideman/sideman.toml
  systemctl daemon-reload
}
trap restore EXIT
systemctl daemon-reload

# ---- install: the user, the unit enabled and started (READY) with the shipped configuration
step install
dpkg -i sideman.deb > "$out/dpkg-install.txt" 2>&1
echo $? > "$out/dpkg-install.rc"
rm -f sideman.deb   # room on the small guest disk
{ getent passwd sideman; id sideman; ls -ld /var/lib/sideman /var/lib/sideman/styles; command -v sideman; } > "$out/user.txt" 2>&1
systemctl is-enabled sideman.service > "$out/enabled.txt" 2>&1
wait_active 0; echo $? > "$out/active.rc"
step active
show > "$out/show-installed.txt"
systemd-analyze security sideman.service > "$out/security.txt" 2>&1
sideman styles > "$out/styles.txt" 2>&1
n=0
until aconnect -l | grep -q "'Sideman'" || [ $n -gt 100 ]; do sleep 0.2; n=$((n + 1)); done
sleep 1
aconnect -l > "$out/aconnect.txt" 2>&1

# ---- the band through the loopback card: the configuration edited as a user would
cat > /etc/sideman/sideman.toml <<'TOML'
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
old=$(mainpid)
systemctl restart sideman.service
wait_active "$old"; echo $? > "$out/restart.rc"
step configured
pid=$(mainpid)
# Scheduling of every thread: tid, name, policy (1 = SCHED_FIFO), real-time priority. Taken
# again (up to 5 s) while no thread runs SCHED_FIFO: on a loaded host the card may be being
# reopened just then, between the old driver thread's end and the new one's start.
n=0
while :; do
  for t in /proc/$pid/task/*; do
    printf '%s %s %s\n' "${t##*/}" "$(tr ' ' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $39, $38}')"
  done > "$out/sched.txt" 2>/dev/null
  awk '$3 == 1 { found = 1 } END { exit !found }' "$out/sched.txt" && break
  [ $n -ge 10 ] && break
  n=$((n + 1)); sleep 0.5
done
echo "$n" > "$out/sched-tries.txt"
grep -E "Max realtime priority|Max locked memory" /proc/$pid/limits > "$out/limits.txt"
ps_user=$(stat -c %U /proc/$pid)
echo "$ps_user" > "$out/process-user.txt"

# `sideman status`: a member of the group sideman may ask; anyone else is refused.
useradd -M -N -G sideman member 2>/dev/null; useradd -M -N outsider 2>/dev/null
sideman status > "$out/status-root.txt" 2>&1
echo $? > "$out/status-root.rc"
setpriv --reuid=member --regid=users --init-groups sideman status > "$out/status-member.txt" 2>&1
echo $? > "$out/status-member.rc"
setpriv --reuid=outsider --regid=users --init-groups sideman status > "$out/status-outsider.txt" 2>&1
echo $? > "$out/status-outsider.rc"
{ setpriv --reuid=member --regid=users --init-groups id; ls -la /run/sideman; env | sort
  setpriv --reuid=outsider --regid=users --init-groups sideman chord C4 E4 G4; echo "chord rc=$?"; } > "$out/status-env.txt" 2>&1

# systemctl reload: SIGHUP, the same process plays on.
systemctl reload sideman.service > "$out/reload.txt" 2>&1
echo $? > "$out/reload.rc"
# The daemon says RELOADING=1, rereads its files, then READY=1 (seconds under emulation).
n=0
until [ "$(systemctl is-active sideman.service)" = active ] || [ $n -gt 100 ]; do sleep 0.2; n=$((n + 1)); done
echo "$(systemctl is-active sideman.service) $(mainpid) $pid" >> "$out/reload.txt"

# Capture 1: a C major chord starts the band (sync start); then kill -9.
start=$(now)
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 9 "$out/capture1.wav" 2> "$out/arecord1.err" &
rec=$!
sleep 1
chord=$(now)
amidi -p hw:1,0 -S '90 24 64 90 28 64 90 2B 64'   # C2 E2 G2
sleep 5
amidi -p hw:1,0 -S '80 24 40 80 28 40 80 2B 40'
sleep 0.5
killed=$(now)
kill -9 "$pid"
wait $rec
awk -v r="$start" -v c="$chord" -v k="$killed" 'BEGIN { printf "chord %.3f\nkill %.3f\n", c - r, k - r }' > "$out/times1.txt"

# systemd starts it again (Restart=on-failure).
step killed
wait_active "$pid"; echo $? > "$out/after-kill.rc"
step restarted
show > "$out/show-after-kill.txt"
sleep 1

# Capture 2: the band plays again (F major), then systemctl stop.
start=$(now)
arecord -q -D plughw:Loopback,1,0 -f S16_LE -r 48000 -c 2 -d 10 "$out/capture2.wav" 2> "$out/arecord2.err" &
rec=$!
sleep 1
chord=$(now)
amidi -p hw:1,0 -S '90 29 64 90 2D 64 90 30 64'   # F2 A2 C3
sleep 5
amidi -p hw:1,0 -S '80 29 40 80 2D 40 80 30 40'
sleep 0.5
stop=$(now)
systemctl stop sideman.service
stopped=$(now)
wait $rec
# When systemd sent SIGTERM: its "Stopping" line in the journal (same clock as date).
sigterm=$(journalctl -u sideman.service -o short-unix --no-pager | grep "Stopping" | tail -1 | cut -d' ' -f1)
awk -v r="$start" -v c="$chord" -v s="$stop" -v e="$stopped" -v k="${sigterm:-$stop}" 'BEGIN {
  printf "chord %.3f\nstop %.3f\nstopped %.3f\nsigterm %.3f\n", c - r, s - r, e - r, k - r }' > "$out/times2.txt"
show > "$out/show-stopped.txt"
step stopped

# ---- the watchdog: the fault build over the packaged binary, its engine stalled.
if [ -x "$here/sideman-fault" ]; then
  # Moved, not copied: the guest disk is small.
  mv /usr/bin/sideman /tmp/sideman-packaged
  mv "$here/sideman-fault" /usr/bin/sideman
  systemctl start sideman.service
  wait_active 0; echo $? > "$out/fault-start.rc"
  sleep 2
  pid=$(mainpid)
  before=$(systemctl show -p NRestarts --value sideman.service)
  step stall
  sideman status --request "fault stall" > "$out/fault.txt" 2>&1
  echo $? > "$out/fault.rc"
  stalled=$(now)
  wait_active "$pid"; echo $? > "$out/watchdog.rc"
  restarted=$(now)
  step watchdog-restarted
  after=$(systemctl show -p NRestarts --value sideman.service)
  awk -v a="$stalled" -v b="$restarted" -v n0="$before" -v n1="$after" 'BEGIN {
    printf "seconds %.3f\nrestarts_before %s\nrestarts_after %s\n", b - a, n0, n1 }' > "$out/watchdog.txt"
  journalctl -u sideman.service --no-pager -o cat | grep -i "watchdog" >> "$out/watchdog.txt"
  systemctl stop sideman.service
  mv /tmp/sideman-packaged /usr/bin/sideman
else
  echo "no fault build staged (the sources have no SIDEMAN_FAULT_INJECTION)" > "$out/watchdog-skipped.txt"
fi

# ---- remove keeps the configuration and your files; purge removes the configuration.
echo "my notes" > /var/lib/sideman/styles/notes.txt
step remove
dpkg -r sideman > "$out/dpkg-remove.txt" 2>&1
echo $? > "$out/dpkg-remove.rc"
{ for f in /usr/bin/sideman /lib/systemd/system/sideman.service /usr/lib/sysusers.d/sideman.conf \
    /usr/share/sideman/styles /etc/sideman/sideman.toml /var/lib/sideman/styles/notes.txt; do
    [ -e "$f" ] && echo "present $f" || echo "absent $f"; done
  systemctl is-active sideman.service; } > "$out/after-remove.txt" 2>&1
dpkg --purge sideman > "$out/dpkg-purge.txt" 2>&1
echo $? > "$out/dpkg-purge.rc"
{ for f in /etc/sideman/sideman.toml /var/lib/sideman/styles/notes.txt; do
    [ -e "$f" ] && echo "present $f" || echo "absent $f"; done
  dpkg-query -W -f='${Status}\n' sideman; } > "$out/after-purge.txt" 2>&1
journalctl -u sideman.service --no-pager > "$out/journal.txt" 2>&1
step done
