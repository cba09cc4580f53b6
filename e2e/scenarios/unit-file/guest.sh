#!/bin/sh
# The shipped unit file as systemd reads it: no syntax errors, no unknown settings, and the
# binary it starts exists.
out=$1
systemd-analyze verify /lib/systemd/system/sideman.service > "$out/verify.txt" 2>&1
echo $? > "$out/verify.rc"
systemctl cat sideman.service > "$out/cat.txt" 2>&1
# How exposed the service is, as systemd rates it (0 = locked down, 10 = fully exposed).
systemd-analyze security sideman.service > "$out/security.txt" 2>&1
