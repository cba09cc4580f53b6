#!/usr/bin/env bash
# Makes the staged root filesystem boot fast and quietly, and run the test unit.
# Usage: prepare-rootfs.sh STAGE GUEST_DIR   (runs on the host, edits STAGE)
set -euo pipefail
stage=$1; guest=$2
etc="$stage/etc"

# Sound modules at boot; fixed card numbers: 0 = Loopback, 1 = VirMIDI.
echo -e "snd-seq\nsnd-seq-dummy\nsnd-seq-midi\nsnd-aloop\nsnd-virmidi" > "$etc/modules-load.d/sideman-e2e.conf"
echo -e "options snd-aloop index=0\noptions snd-virmidi index=1" > "$etc/modprobe.d/sideman-e2e.conf"

# A fixed identity, so that systemd sees no first boot.
echo "5ideba4e5ideba4e5ideba4e5ideba4e" > "$etc/machine-id"
echo sideman-e2e > "$etc/hostname"
: > "$etc/fstab"

# Every generator (getty, fstab, gpt ...) and every service the test does not need costs
# seconds under TCG; mask them.
mkdir -p "$etc/systemd/system-generators"
for g in "$stage"/usr/lib/systemd/system-generators/* "$stage"/lib/systemd/system-generators/*; do
  [ -e "$g" ] && ln -sf /dev/null "$etc/systemd/system-generators/$(basename "$g")"
done
for u in systemd-logind.service dbus.service dbus.socket systemd-journal-flush.service \
    alsa-restore.service alsa-state.service systemd-update-utmp.service systemd-firstboot.service \
    systemd-timesyncd.service systemd-tmpfiles-clean.timer apt-daily.timer apt-daily-upgrade.timer \
    e2scrub_all.timer fstrim.timer getty.target console-getty.service serial-getty@ttyS0.service \
    systemd-networkd.service systemd-resolved.service systemd-pstore.service \
    systemd-random-seed.service systemd-hwdb-update.service ldconfig.service \
    systemd-journal-catalog-update.service systemd-update-done.service \
    proc-sys-fs-binfmt_misc.automount systemd-binfmt.service; do
  ln -sf /dev/null "$etc/systemd/system/$u"
done
mkdir -p "$etc/udev/rules.d"
ln -sf /dev/null "$etc/udev/rules.d/90-alsa-restore.rules"
mkdir -p "$etc/systemd/journald.conf.d"
printf '[Journal]\nStorage=volatile\nForwardToConsole=no\n' > "$etc/systemd/journald.conf.d/e2e.conf"

# The test unit: runs the scenarios, writes the results to the second disk, powers off.
install -m 0644 "$guest/sideman-e2e.service" "$etc/systemd/system/sideman-e2e.service"
mkdir -p "$etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/sideman-e2e.service "$etc/systemd/system/multi-user.target.wants/sideman-e2e.service"
ln -sf /lib/systemd/system/multi-user.target "$etc/systemd/system/default.target"
