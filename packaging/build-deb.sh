#!/usr/bin/env bash
# Builds the Debian package from a release binary (`make deb` calls it). The same recipe
# gives amd64 here and arm64 on a Raspberry Pi: no debhelper, only dpkg-deb.
#
#   build-deb.sh BINARY VERSION ARCH OUTDIR     -> OUTDIR/sideman_VERSION_ARCH.deb
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bin=${1:?usage: build-deb.sh BINARY VERSION ARCH OUTDIR}; version=${2:?}; arch=${3:?}; out=${4:?}
[ -x "$bin" ] || { echo "build-deb.sh: $bin: no such binary (make release builds it)" >&2; exit 1; }
# A Swift runtime linked dynamically would be missing on the target: refuse such a binary.
if ldd "$bin" | grep -q 'libswiftCore'; then
  echo "build-deb.sh: $bin loads the Swift runtime dynamically; build it with --static-swift-stdlib (make release)" >&2
  exit 1
fi
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
pkg=$stage/sideman
PREFIX=/usr UNITDIR=/lib/systemd/system SYSUSERSDIR=/usr/lib/sysusers.d DESTDIR=$pkg \
  "$ROOT/packaging/install.sh" install "$bin" >/dev/null
install -d "$pkg/DEBIAN"
install -m 0644 "$ROOT/packaging/debian/conffiles" "$pkg/DEBIAN/conffiles"
install -m 0755 "$ROOT"/packaging/debian/{postinst,prerm,postrm} "$pkg/DEBIAN/"
# The packages of the libraries the binary links (libasound2, libfluidsynth3, libsystemd0, the
# C and C++ runtimes): dpkg-shlibdeps (dpkg-dev) knows their least versions; without it, the
# package names of the NEEDED libraries, unversioned.
shlibs=""
if command -v dpkg-shlibdeps >/dev/null; then
  mkdir -p "$stage/shl/debian"
  printf 'Source: sideman\n\nPackage: sideman\nArchitecture: any\n' > "$stage/shl/debian/control"
  shlibs=$(cd "$stage/shl" && dpkg-shlibdeps -O "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
fi
if [ -z "$shlibs" ]; then
  needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  shlibs=$(for so in $needed; do ldd "$bin" | awk -v so="$so" '$1 == so && $3 ~ /^\// {print $3}'; done | while read -r lib; do
      dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null || true
    done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
fi
[ -n "$shlibs" ] || shlibs="libc6, libasound2, libfluidsynth3"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@SIZE@|$size|" -e "s|@SHLIBS@|$shlibs|" \
  "$ROOT/packaging/debian/control.in" > "$pkg/DEBIAN/control"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
mkdir -p "$out"
deb="$out/sideman_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
