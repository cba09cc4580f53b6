#!/usr/bin/env bash
# Installs (or removes) Sideman: `make install` / `make uninstall` / `make deb` call it.
#
#   install.sh install BINARY     install.sh uninstall
#
# Locations from the environment (defaults as for PREFIX=/usr/local): PREFIX, BINDIR, DATADIR,
# SYSCONFDIR, UNITDIR, SYSUSERSDIR, DESTDIR (a staging root: nothing is run then). The unit
# file names /usr/local; it is rewritten for PREFIX. An existing configuration is never
# overwritten; the unit is enabled (starts at boot); uninstall keeps the configuration and the
# state folder (styles and charts you added).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX=${PREFIX:-/usr/local}
BINDIR=${BINDIR:-$PREFIX/bin}
DATADIR=${DATADIR:-$PREFIX/share}
SYSCONFDIR=${SYSCONFDIR:-/etc}
UNITDIR=${UNITDIR:-$PREFIX/lib/systemd/system}
SYSUSERSDIR=${SYSUSERSDIR:-$PREFIX/lib/sysusers.d}
DESTDIR=${DESTDIR:-}
D=$DESTDIR
DOCS=(README.md docs/chord-charts.md docs/chord-symbols.md docs/style-format.md docs/yamaha-styles.md)

case "${1:-}" in
install)
  bin=${2:?usage: install.sh install BINARY}
  [ -x "$bin" ] || { echo "install.sh: $bin: no such binary (make release builds it)" >&2; exit 1; }
  install -d "$D$BINDIR" "$D$UNITDIR" "$D$SYSUSERSDIR" "$D$SYSCONFDIR/sideman" \
    "$D$DATADIR/sideman/styles" "$D$DATADIR/sideman/charts" "$D$DATADIR/sideman/web" "$D$DATADIR/doc/sideman" \
    "$D$SYSCONFDIR/avahi/services"
  # Stripped: the symbols are half the file; crash reports still name the functions.
  install -m 0755 -s "$bin" "$D$BINDIR/sideman"
  sed -e "s|/usr/local/bin/sideman|$BINDIR/sideman|g" -e "s|/usr/local/share|$DATADIR|g" \
    -e "s|/etc/sideman/|$SYSCONFDIR/sideman/|g" \
    "$ROOT/systemd/sideman.service" > "$D$UNITDIR/sideman.service"
  chmod 0644 "$D$UNITDIR/sideman.service"
  install -m 0644 "$ROOT/systemd/sideman.sysusers" "$D$SYSUSERSDIR/sideman.conf"
  if [ -e "$D$SYSCONFDIR/sideman/sideman.toml" ]; then
    echo "install.sh: keeping $D$SYSCONFDIR/sideman/sideman.toml (the shipped one is in $DATADIR/doc/sideman)"
  else
    install -m 0644 "$ROOT/config/sideman.toml" "$D$SYSCONFDIR/sideman/sideman.toml"
  fi
  install -m 0644 "$ROOT"/styles/*.style "$D$DATADIR/sideman/styles/"
  install -m 0644 "$ROOT"/charts/*.chart "$D$DATADIR/sideman/charts/"
  # The web remote's page (plain files, no build step) and its Avahi announcement.
  install -m 0644 "$ROOT"/web/* "$D$DATADIR/sideman/web/"
  install -m 0644 "$ROOT/packaging/avahi/sideman.service" "$D$SYSCONFDIR/avahi/services/sideman.service"
  for f in "${DOCS[@]}"; do install -m 0644 "$ROOT/$f" "$D$DATADIR/doc/sideman/"; done
  install -m 0644 "$ROOT/SoundFonts/README.md" "$D$DATADIR/doc/sideman/soundfonts.md"
  install -m 0644 "$ROOT/config/sideman.toml" "$D$DATADIR/doc/sideman/sideman.toml"
  # On a live system (no DESTDIR): the user now, and systemd told about the unit.
  if [ -z "$D" ]; then
    command -v systemd-sysusers >/dev/null && systemd-sysusers "$SYSUSERSDIR/sideman.conf"
    # Your styles: members of the group sideman may drop files here.
    install -d -o sideman -g sideman -m 2775 /var/lib/sideman/styles
    # Your songs and drills (and `sideman charts import`'s default folder).
    install -d -o sideman -g sideman -m 2775 /var/lib/sideman/charts
    # Your setlists (the web remote loads them by name from here).
    install -d -o sideman -g sideman -m 2775 /var/lib/sideman/setlists
    # Enabled: the box plays from the next boot on (`systemctl start sideman` starts it now).
    [ -d /run/systemd/system ] && systemctl daemon-reload
    systemctl enable sideman.service 2>/dev/null || true
    echo "installed and enabled: sideman starts at boot; now: systemctl start sideman"
  fi
  ;;
uninstall)
  if [ -z "$D" ] && [ -d /run/systemd/system ]; then
    systemctl disable --now sideman.service 2>/dev/null || true
  fi
  rm -f "$D$BINDIR/sideman" "$D$UNITDIR/sideman.service" "$D$SYSUSERSDIR/sideman.conf" "$D$SYSCONFDIR/avahi/services/sideman.service"
  rm -rf "$D$DATADIR/sideman/web"
  for f in "$ROOT"/styles/*.style; do rm -f "$D$DATADIR/sideman/styles/$(basename "$f")"; done
  for f in "$ROOT"/charts/*.chart; do rm -f "$D$DATADIR/sideman/charts/$(basename "$f")"; done
  rmdir "$D$DATADIR/sideman/styles" "$D$DATADIR/sideman/charts" "$D$DATADIR/sideman" 2>/dev/null || true
  rm -rf "$D$DATADIR/doc/sideman"
  [ -z "$D" ] && [ -d /run/systemd/system ] && systemctl daemon-reload
  echo "uninstalled; kept $SYSCONFDIR/sideman (configuration), /var/lib/sideman (your styles and charts) and the user sideman"
  ;;
*)
  echo "usage: install.sh install BINARY | uninstall" >&2; exit 2 ;;
esac
