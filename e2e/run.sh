#!/usr/bin/env bash
# End-to-end test of the live path in a QEMU virtual machine with a stock Debian kernel
# (the build machine's own kernel may have no sound support). `make e2e` runs it.
#
#   e2e/run.sh [SCENARIO...]        default: every folder in e2e/scenarios/
#
# Steps (each cached under .build-e2e/ where it can be): host tools, root filesystem
# (mmdebstrap), kernel + modules, initramfs, sideman binary, root disk, boot, results, checks.
# Environment: E2E_TIMEOUT (VM seconds, default 900 or the scenarios' limits and 300 s more), E2E_KEEP=1 keeps the work folder,
# E2E_SKIP_BUILD=1 reuses the last release binary, E2E_BIN=PATH stages another binary,
# E2E_VERBOSE=1 shows the VM console.
#
# A scenario with a file `forward` (guest TCP ports, one line) gets a network card: QEMU's
# user-mode network, cut off from everything (restrict=on) but for those ports, forwarded from
# free ports on the host's loopback. Its executable `host-live`, if any, runs on the host while
# the VM runs (a browser, an API fuzzer, a load generator), with E2E_PORT_<guest port> set to
# the host port and E2E_CONSOLE to the VM console (the guest says there when it is ready).
set -euo pipefail

# Everything runs inside main, so that bash has read the whole file before it starts (editing
# the script while it runs cannot then break the run).
main() {

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
E2E="$ROOT/e2e"
CACHE="$ROOT/.build-e2e"
VM_TIMEOUT="${E2E_TIMEOUT:-900}"
SUITE=bookworm
# Everything the guest needs besides the sideman binary. Changing this list rebuilds the rootfs.
GUEST_PACKAGES="systemd,systemd-sysv,udev,kmod,alsa-utils,libasound2,libfluidsynth3,timgm6mb-soundfont"
# Sound modules staged into the guest (their dependencies come along).
SOUND_MODULES="snd-seq snd-seq-dummy snd-seq-midi snd-virmidi snd-aloop"
# Network modules staged when a scenario forwards ports (the scenario loads them itself).
NET_MODULES="virtio_net dummy"
# Modules the initramfs loads to mount the root disk.
BOOT_MODULES="virtio_pci virtio_blk ext4"

T0=$EPOCHREALTIME
step_start=$T0
say() { printf 'e2e: %s\n' "$*"; }
fail() { printf 'e2e: FAILED: %s\n' "$*" >&2; exit 1; }
timing() {
  local now=$EPOCHREALTIME
  awk -v a="$step_start" -v b="$now" -v n="$1" 'BEGIN { printf "e2e: %-28s %6.1f s\n", n, b - a }'
  step_start=$now
}

# ---------------------------------------------------------------- scenarios to run
cd "$ROOT"
# By default every scenario but the long ones (a file `long` in the folder: flood, hotplug,
# soak), which run when named.
if [ $# -gt 0 ]; then SCENARIOS=("$@"); else
  SCENARIOS=(); for d in "$E2E"/scenarios/*/; do [ -f "$d/long" ] || SCENARIOS+=("$(basename "$d")"); done
fi
for s in "${SCENARIOS[@]}"; do
  [ -f "$E2E/scenarios/$s/guest.sh" ] || fail "no scenario '$s' (expected e2e/scenarios/$s/guest.sh)"
done
say "scenarios: ${SCENARIOS[*]}"
FORWARD=(); LIVE=()
for s in "${SCENARIOS[@]}"; do
  [ -f "$E2E/scenarios/$s/forward" ] && FORWARD+=($(cat "$E2E/scenarios/$s/forward"))
  [ -x "$E2E/scenarios/$s/host-live" ] && LIVE+=("$s")
done

# ---------------------------------------------------------------- host tools
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
for pair in qemu-system-x86_64:qemu-system-x86 mmdebstrap:mmdebstrap busybox:busybox-static \
    cpio:cpio mkfs.ext4:e2fsprogs python3:python3 depmod:kmod; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%:*}" ] || [ -x "/bin/${pair%%:*}" ] || need+=("${pair#*:}")
done
# busybox-static ships /bin/busybox; a dynamic busybox is no use in an initramfs.
[ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q dynamic && need+=(busybox-static)
mkdir -p "$CACHE/apt/archives/partial"
if [ ${#need[@]} -gt 0 ]; then
  say "installing host tools: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # A private archives folder: a hook on some machines deletes .deb files between dpkg runs.
  $SUDO apt-get install -y -qq --no-install-recommends -o Dir::Cache::archives="$CACHE/apt/archives" \
    "${need[@]}" >/dev/null
fi
# The audio checks use numpy for their spectra.
python3 -c 'import numpy' 2>/dev/null || python3 -m pip install -q numpy 2>/dev/null \
  || { $SUDO apt-get update -qq; $SUDO apt-get install -y -qq --no-install-recommends python3-numpy >/dev/null; }
# Browser, API fuzzer and load tools for the scenarios that drive the VM from the host.
if [ ${#LIVE[@]} -gt 0 ]; then
  "$ROOT/scripts/install-deps" e2e-browser || fail "cannot install the browser test tools (scripts/install-deps e2e-browser)"
fi
timing "host tools"

# Big trees live on a tmpfs: this disk is slow with many small files.
WORK="$(mktemp -d /dev/shm/sideman-e2e.XXXXXX)"
cleanup() { [ "${E2E_KEEP:-0}" = 1 ] && say "kept $WORK" || $SUDO rm -rf "$WORK"; }
trap cleanup EXIT

# ---------------------------------------------------------------- root filesystem (cached)
key=$(printf '%s %s mmdebstrap-minbase-v1' "$SUITE" "$GUEST_PACKAGES" | sha256sum | cut -c1-16)
ROOTFS_TAR="$CACHE/rootfs-$key.tar"
if [ ! -f "$ROOTFS_TAR" ]; then
  say "building root filesystem ($SUITE, minbase + $GUEST_PACKAGES)"
  $SUDO mmdebstrap --quiet --variant=minbase --include="$GUEST_PACKAGES" \
    --aptopt='Acquire::Languages "none"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$SUITE" "$WORK/rootfs.tar" >/dev/null
  mv "$WORK/rootfs.tar" "$ROOTFS_TAR.tmp" && mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
fi
timing "root filesystem"

# ---------------------------------------------------------------- kernel (cached)
KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-6\.1\..*-amd64/ {print $2; exit}')
[ -n "$KPKG" ] || { $SUDO apt-get update -qq; KPKG=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-6\.1\..*-amd64/ {print $2; exit}'); }
[ -n "$KPKG" ] || fail "no linux-image-6.1.*-amd64 package known to apt"
KVER=${KPKG#linux-image-}
KDIR="$CACHE/kernel-$KVER"
if [ ! -f "$KDIR/vmlinux" ]; then
  say "fetching kernel $KPKG"
  rm -rf "$KDIR" && mkdir -p "$KDIR/tree"
  (cd "$KDIR" && apt-get download -qq -o APT::Sandbox::User=root "$KPKG" >/dev/null)
  dpkg-deb -x "$KDIR"/"$KPKG"_*.deb "$KDIR/tree"
  python3 "$E2E/host/extract_vmlinux.py" "$KDIR/tree/boot/vmlinuz-$KVER" "$KDIR/vmlinux.tmp"
  rm -f "$KDIR"/*.deb
  mv "$KDIR/vmlinux.tmp" "$KDIR/vmlinux"
fi
MODTREE="$KDIR/tree/lib/modules/$KVER"
[ -f "$MODTREE/modules.dep" ] || depmod -b "$KDIR/tree" "$KVER"
timing "kernel $KVER"

# Prints the module files (relative to the module tree) that `modprobe` would load, in order.
module_files() {
  for m in "$@"; do
    modprobe -d "$KDIR/tree" -S "$KVER" --show-depends "$m" | awk '$1 == "insmod" {print $2}'
  done | sed "s|^$MODTREE/||" | awk '!seen[$0]++'
}

# ---------------------------------------------------------------- initramfs (cached per kernel)
INITRD="$KDIR/initramfs-$(sha256sum "$E2E/host/init" | cut -c1-12).cpio.gz"
if [ ! -f "$INITRD" ]; then
  ir="$WORK/initramfs"; mkdir -p "$ir/bin" "$ir/modules"
  cp /bin/busybox "$ir/bin/busybox"
  : > "$ir/modules/order"
  for f in $(module_files $BOOT_MODULES); do
    case "$f" in *.xz) xz -dc "$MODTREE/$f" > "$ir/modules/$(basename "${f%.xz}")" ;;
      *) cp "$MODTREE/$f" "$ir/modules/" ;; esac
    basename "${f%.xz}" >> "$ir/modules/order"
  done
  cp "$E2E/host/init" "$ir/init"; chmod +x "$ir/init"
  (cd "$ir" && find . | cpio -o -H newc --quiet | gzip -1) > "$INITRD"
fi
timing "initramfs"

# ---------------------------------------------------------------- sideman binary
if [ -n "${E2E_BIN:-}" ]; then BIN=$E2E_BIN; else
  if [ "${E2E_SKIP_BUILD:-0}" != 1 ] || [ ! -x "$ROOT/.build/release/sideman" ]; then
    say "building sideman (release, static Swift runtime)"
    swift build -c release --static-swift-stdlib --product sideman > "$WORK/build.log" 2>&1 \
      || { grep -E "error:" "$WORK/build.log" | head -20 >&2; fail "swift build failed"; }
  fi
  BIN="$(swift build -c release --show-bin-path)/sideman"
fi
[ -x "$BIN" ] || fail "no binary at $BIN"
timing "sideman binary"

# ---------------------------------------------------------------- root disk
stage="$WORK/stage"; mkdir -p "$stage"
$SUDO tar -xf "$ROOTFS_TAR" -C "$stage"
# Only the sound modules, with a module index of their own.
gmods="$stage/lib/modules/$KVER"; mkdir -p "$gmods"
staged_modules=$SOUND_MODULES
[ ${#FORWARD[@]} -gt 0 ] && staged_modules="$staged_modules $NET_MODULES"
for f in $(module_files $staged_modules); do
  mkdir -p "$gmods/$(dirname "$f")"; cp "$MODTREE/$f" "$gmods/$f"
done
cp "$MODTREE"/modules.{order,builtin,builtin.modinfo} "$gmods/" 2>/dev/null || true
depmod -b "$stage" "$KVER"
install -m 0755 "$BIN" "$stage/usr/local/bin/sideman"
install -d "$stage/etc/sideman"
[ -f "$ROOT/config/sideman.toml" ] && install -m 0644 "$ROOT/config/sideman.toml" "$stage/etc/sideman/sideman.toml"
# The shipped styles, where an installed /usr/local/bin/sideman looks for them.
install -d "$stage/usr/local/share/sideman/styles"
install -m 0644 "$ROOT"/styles/*.style "$stage/usr/local/share/sideman/styles/"
# The shipped songs and the web remote's page, where the package puts them.
install -d "$stage/usr/local/share/sideman/charts" "$stage/usr/local/share/sideman/web"
install -m 0644 "$ROOT"/charts/*.chart "$stage/usr/local/share/sideman/charts/"
[ -d "$ROOT/web" ] && install -m 0644 "$ROOT"/web/* "$stage/usr/local/share/sideman/web/"
[ -f "$ROOT/systemd/sideman.service" ] && install -D -m 0644 "$ROOT/systemd/sideman.service" "$stage/lib/systemd/system/sideman.service"
# The guest side of the harness and the chosen scenarios.
install -d "$stage/e2e/scenarios"
install -m 0755 "$E2E/guest/run-scenarios.sh" "$stage/e2e/run-scenarios.sh"
for s in "${SCENARIOS[@]}"; do
  cp -r "$E2E/scenarios/$s" "$stage/e2e/scenarios/$s"
  # A scenario may stage more (test binaries, data) from the host.
  if [ -x "$E2E/scenarios/$s/host-prepare.sh" ]; then
    "$E2E/scenarios/$s/host-prepare.sh" "$stage/e2e/scenarios/$s" "$ROOT" || fail "$s: host-prepare.sh failed"
  fi
done
printf '%s\n' "${SCENARIOS[@]}" > "$stage/e2e/selected"
# The VM's time: at least the scenarios' own limits (150 s or their file `timeout`) and boot.
if [ -z "${E2E_TIMEOUT:-}" ]; then
  limits=0
  for s in "${SCENARIOS[@]}"; do limits=$((limits + $(cat "$stage/e2e/scenarios/$s/timeout" 2>/dev/null || echo 150))); done
  [ $((limits + 300)) -gt "$VM_TIMEOUT" ] && VM_TIMEOUT=$((limits + 300))
fi
bash "$E2E/guest/prepare-rootfs.sh" "$stage" "$E2E/guest"
# Room for what the scenarios write and install (the service scenario installs a package).
size_mb=$(( $(du -sm "$stage" | cut -f1) + 192 ))
mkfs.ext4 -q -F -L sideman-e2e -E lazy_itable_init=1 -O ^has_journal -d "$stage" "$WORK/root.img" "${size_mb}M" >/dev/null
truncate -s 64M "$WORK/out.img"
timing "root disk (${size_mb} MB)"

# ---------------------------------------------------------------- boot
accel=(-accel tcg,thread=multi,tb-size=512 -cpu max)
# /dev/kvm here may be a nested software device that hangs stock kernels: KVM only when
# the hardware KVM module is loaded.
if [ -e /dev/kvm ] && { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }; then
  accel=(-accel kvm -cpu host)
fi
# Under emulation the guest's TSC runs at the host's rate; the guest kernel's own measure of
# it (against the PIT, in busy loops) comes out several times too low on a loaded host, and
# the guest's clock then runs that much too fast (every timeout fires early). Tell it the rate.
tsc_khz=$(awk -F: '/^cpu MHz/ { printf "%d", $2 * 1000; exit }' /proc/cpuinfo 2>/dev/null)
tsc_arg=""
[ "${accel[1]}" != kvm ] && [ -n "$tsc_khz" ] && [ "$tsc_khz" -gt 0 ] && tsc_arg=" tsc_early_khz=$tsc_khz"
# Forwarded ports: a network card, nothing reachable from the guest, each guest port on a
# free port of the host's loopback.
net=()
if [ ${#FORWARD[@]} -gt 0 ]; then
  hostfwd=""
  for gp in "${FORWARD[@]}"; do
    hp=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    export "E2E_PORT_$gp=$hp"
    hostfwd="$hostfwd,hostfwd=tcp:127.0.0.1:$hp-:$gp"
    say "guest port $gp is 127.0.0.1:$hp"
  done
  net=(-netdev "user,id=net0,restrict=on$hostfwd" -device virtio-net-pci,netdev=net0)
fi
say "booting (${accel[1]%%,*}, timeout ${VM_TIMEOUT}s)"
console="$WORK/console.log"
: > "$console"
# The host side of live scenarios starts with the VM and waits for its guest to say so.
live_pids=()
for s in "${LIVE[@]}"; do
  mkdir -p "$WORK/host-live/$s"
  E2E_CONSOLE="$console" setsid "$E2E/scenarios/$s/host-live" "$WORK/host-live/$s" "$ROOT" \
    > "$WORK/host-live/$s/host-live.log" 2>&1 &
  live_pids+=($!)
done
set +e
timeout --kill-after=10 "$VM_TIMEOUT" qemu-system-x86_64 "${accel[@]}" -M q35 -smp 2 -m 1024 \
  -nographic -no-reboot -nodefaults -serial stdio \
  -kernel "$KDIR/vmlinux" -initrd "$INITRD" \
  -append "console=ttyS0 root=/dev/vda rw quiet loglevel=4 panic=-1 systemd.show_status=error systemd.firstboot=off tsc=reliable mitigations=off$tsc_arg" \
  -drive file="$WORK/root.img",if=virtio,format=raw,cache=unsafe \
  -drive file="$WORK/out.img",if=virtio,format=raw,cache=unsafe "${net[@]}" \
  </dev/null >> "$console" 2>&1
qrc=$?
# The host side has no more VM to talk to: a little time to write its results, then it ends.
for pid in "${live_pids[@]}"; do
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
done
set -e
[ "${E2E_VERBOSE:-0}" = 1 ] && cat "$console"
timing "virtual machine"
[ $qrc -eq 124 ] && { tail -30 "$console" >&2; fail "the VM did not finish within ${VM_TIMEOUT}s (console above)"; }

# ---------------------------------------------------------------- results and checks
RESULTS="$ROOT/.build-e2e/results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
cp "$console" "$RESULTS/console.log"
if ! tar -xf "$WORK/out.img" -C "$RESULTS" 2>/dev/null || [ ! -f "$RESULTS/done" ]; then
  tail -40 "$console" >&2
  fail "the VM wrote no results (console above; kept in $RESULTS/console.log)"
fi
for s in "${LIVE[@]}"; do
  mkdir -p "$RESULTS/$s"; cp -r "$WORK/host-live/$s" "$RESULTS/$s/host"
done
set +e
python3 "$E2E/host/check.py" "$RESULTS" "${SCENARIOS[@]}"
crc=$?
set -e
timing "checks"
total=$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
if [ $crc -eq 0 ]; then say "passed in ${total} s (results in .build-e2e/results)"; else
  say "FAILED in ${total} s (results in .build-e2e/results)"; exit 1; fi
}

main "$@"
