#!/bin/sh
# Builds the scenario's click player and band recorder (pcmclock.c) against the host's ALSA
# library; the guest has the same Debian release and its libasound2.
set -e
guest=$1
cc -O2 -Wall -o "$guest/pcmclock" "$guest/pcmclock.c" -lasound
