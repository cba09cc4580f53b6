#!/bin/sh
# Stages what the guest needs beside the root filesystem: a static busybox (ip, httpd for the
# host's requests) and the package's sysusers file (the unit runs as the user sideman).
set -e
dir=$1; root=$2
cp /bin/busybox "$dir/busybox"
cp "$root/systemd/sideman.sysusers" "$dir/sideman.sysusers"
