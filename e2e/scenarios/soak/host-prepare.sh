#!/bin/sh
# The session (SOAK_MINUTES, default 10) and the guest's time limit for it.
set -e
minutes=${SOAK_MINUTES:-10}
echo "$minutes" > "$1/minutes"
echo $(( minutes * 60 + 240 )) > "$1/timeout"
python3 "$1/make_session.py" "$1/session.mid" "$minutes" > "$1/session-made.txt"
