#!/bin/sh
# Generates the flood (about 5 MB of MIDI, not kept in the repository) into the guest's copy.
set -e
python3 "$1/make_flood.py" "$1/flood.mid" 20000 > "$1/flood-made.txt"
