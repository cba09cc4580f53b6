#!/bin/sh
# The shipped unit file as systemd reads it: no syntax errors, no unknown settings, and the
# binary it starts exists.
out=$1
systemd-analyze verify /lib/systemd/system/sideman.service > "$out/verify.txt" 2>&1
echo $? > "$out/verify.rc"
systemctl cat sideman.service > "$out/cat.txt" 2>&1
