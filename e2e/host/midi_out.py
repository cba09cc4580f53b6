"""What came out of Sideman:1, as the scenarios record it: `aseqdump -p Sideman:1` (every
event, no times) and `sideman alsa-probe --timestamps` (every event with its arrival time on
the realtime clock). Channels are counted from 1 here, as the probe prints them."""
import re
from dataclasses import dataclass

ASEQDUMP_NOTE = re.compile(r"Note (on|off)\s+(\d+), note (\d+), velocity (\d+)")
PROBE_EVENT = re.compile(r"^t=(\d+\.\d+) event (\S+) (note-on|note-off) ch=(\d+) note=(\d+) velocity=(\d+)")
# Pitched band channels whose notes follow the chord: bass, chord 1, chord 2, pad.
CHORD_CHANNELS = {11, 12, 13, 14}


@dataclass
class Note:
    time: float
    source: str
    on: bool  # a note-on with velocity 0 counts as off
    channel: int
    note: int


def aseqdump_notes(lines):
    """(on, channel from 1, note) for every note event of an aseqdump listing."""
    notes = []
    for line in lines:
        m = ASEQDUMP_NOTE.search(line)
        if m:
            on = m.group(1) == "on" and int(m.group(4)) > 0
            notes.append((on, int(m.group(2)) + 1, int(m.group(3))))
    return notes


def unmatched(notes):
    """Keys (channel, note) whose note-ons outnumber their note-offs at the end, with how many;
    and note-offs that came with no note-on sounding (harmless, counted apart)."""
    sounding, stray = {}, 0
    for on, channel, note in notes:
        key = (channel, note)
        if on:
            sounding[key] = sounding.get(key, 0) + 1
        elif sounding.get(key, 0) > 0:
            sounding[key] -= 1
        else:
            stray += 1
    return {k: v for k, v in sounding.items() if v > 0}, stray


def probe_notes(lines):
    out = []
    for line in lines:
        m = PROBE_EVENT.match(line)
        if m:
            on = m.group(3) == "note-on" and int(m.group(6)) > 0
            out.append(Note(float(m.group(1)), m.group(2), on, int(m.group(4)), int(m.group(5))))
    return out


def sounding_at(notes, t, channels=CHORD_CHANNELS):
    """Notes (channel, note) sounding at time t on the given channels."""
    sounding = {}
    for n in notes:
        if n.time > t:
            break
        if n.channel not in channels:
            continue
        key = (n.channel, n.note)
        sounding[key] = sounding.get(key, 0) + (1 if n.on else -1)
    return {k for k, v in sounding.items() if v > 0}


def pitch_class_name(note):
    return ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"][note % 12]


def rss_samples(lines):
    """(time, rss kB, open files) from the scenarios' once-a-second sampler."""
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and all(p.replace(".", "").isdigit() for p in parts):
            out.append((float(parts[0]), int(parts[1]), int(parts[2])))
    return out
