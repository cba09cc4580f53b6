#!/usr/bin/env python3
"""Writes flood.mid and after.mid: two-track Standard MIDI Files that `aplaymidi -p
Sideman:0,Probe:0` plays, one after the other.

flood.mid, track 1 (to Sideman:0), one tick = 1 ms (500 ticks per quarter at 120 BPM):
  0 s        G7 (G2 B2 D3 F3) held: the band starts on it (sync start) and plays it 3 s;
  3 s–63 s   the flood, RATE events per second: left-hand keys below the split (chords that
             change every few ms), right-hand keys, modulation, expression, sustain and pitch
             bend on the keyboard channel, and section changes (Main A–D, fill; none in the
             last 6 s, so that no fill plays over the G7 after it) and tempo up/down on the
             control channel 16. Every key pressed is released within 20 ms;
             the flood ends with every key up and sustain off.
after.mid, played once aplaymidi has delivered the whole flood (on a slow machine it falls
behind the file's clock, and the G7 must still come after the flood, not inside it):
  0 s        the drums muted (control channel), then G7 again, held 3 s: the band must be
             back on it within 100 ms;
  3 s        G7 released; 3.2 s start/stop (control channel C2) stops the band.
Track 2 (to Probe:0, port prefix 1): a marker note 1 at the flood's start (flood.mid) and a
marker note 2 with the G7 after it (after.mid), so that the probe stamps both on the clock it
stamps the band's notes with.
"""
import os
import random
import struct
import sys

RATE = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
FLOOD_START, FLOOD_END = 3_000, 63_000  # ms (= ticks)
G7 = [43, 47, 50, 53]  # G2 B2 D3 F3, below the split (F#3)


def vlq(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.insert(0, (v & 0x7F) | 0x80)
        v >>= 7
    return bytes(out)


def track(events):
    """events: (tick, bytes) in any order; stable-sorted by tick."""
    body = bytearray()
    last = 0
    for tick, data in sorted(events, key=lambda e: e[0]):
        body += vlq(tick - last) + data
        last = tick
    body += b"\x00\xff\x2f\x00"
    return b"MTrk" + struct.pack(">I", len(body)) + bytes(body)


def main():
    rng = random.Random(13)
    band = [(0, b"\xff\x51\x03\x07\xa1\x20")]  # 500 000 us per quarter: 1 tick = 1 ms
    band += [(0, bytes([0x90, n, 90])) for n in G7]
    band += [(FLOOD_START - 1, bytes([0x80, n, 0])) for n in G7]
    per_ms = RATE // 1000
    held_until = {}  # key -> tick of its release (keys are not pressed again while held)
    sustain = False
    for ms in range(FLOOD_START, FLOOD_END - 25):
        n = 0
        while n < per_ms:
            kind = rng.random()
            if kind < 0.5:  # a key pressed and released: left hand (36–53) or right (60–96)
                key = rng.randint(36, 53) if kind < 0.2 else rng.randint(60, 96)
                if held_until.get(key, -1) >= ms:
                    continue
                off = ms + rng.randint(1, 20)
                held_until[key] = off
                band.append((ms, bytes([0x90, key, rng.randint(20, 127)])))
                band.append((off, bytes([0x80, key, 64])))
                n += 2
            elif kind < 0.8:  # modulation, expression
                band.append((ms, bytes([0xB0, 1 if kind < 0.65 else 11, rng.randint(0, 127)])))
                n += 1
            elif kind < 0.85:
                sustain = not sustain
                band.append((ms, bytes([0xB0, 64, 127 if sustain else 0])))
                n += 1
            elif kind < 0.95:
                v = rng.randint(0, 16383)
                band.append((ms, bytes([0xE0, v & 0x7F, v >> 7])))
                n += 1
            else:  # control channel 16: Main A–D, fill, tempo down/up, pressed and released
                # (sections only until 6 s before the end: a fill asked for in the last bars
                # would still be playing its runs over the G7 after the flood)
                note = rng.choice([41, 42, 43, 44, 45, 51, 52] if ms < FLOOD_END - 6_000 else [51, 52])
                band.append((ms, bytes([0x9F, note, 100])))
                band.append((ms, bytes([0x8F, note, 0])))
                n += 2
    band.append((FLOOD_END - 2, bytes([0xB0, 64, 0])))
    band.append((FLOOD_END - 2, bytes([0xE0, 0x00, 0x40])))
    band.append((FLOOD_END, b"\xff\x01\x03end"))
    probe = [(0, b"\xff\x21\x01\x01"), (FLOOD_START, b"\x90\x01\x01"), (FLOOD_START + 1, b"\x80\x01\x00")]
    header = b"MThd" + struct.pack(">IHHH", 6, 1, 2, 500)
    with open(sys.argv[1], "wb") as f:
        f.write(header + track(band) + track(probe))
    after = [(0, b"\xff\x51\x03\x07\xa1\x20")]
    # The drums muted first (control channel 16, mute_rhythm1 and mute_rhythm2: C3, C#3), so
    # that the audio after the flood holds the pitched parts alone: a kick, a rim and a ride
    # weigh in the pitch classes heard and could hide the chord's third.
    after += [(0, bytes([0x9F, key, 100])) for key in (60, 61)] + [(0, bytes([0x8F, key, 0])) for key in (60, 61)]
    after += [(0, bytes([0x90, n, 90])) for n in G7]
    after += [(3_000, bytes([0x80, n, 0])) for n in G7]
    after += [(3_200, b"\x9f\x24\x64"), (3_210, b"\x8f\x24\x00"), (3_500, b"\xff\x01\x03end")]
    probe = [(0, b"\xff\x21\x01\x01"), (0, b"\x90\x02\x01"), (1, b"\x80\x02\x00")]
    with open(os.path.join(os.path.dirname(sys.argv[1]) or ".", "after.mid"), "wb") as f:
        f.write(header + track(after) + track(probe))
    flood = sum(1 for t, _ in band if FLOOD_START <= t < FLOOD_END)
    print(f"flood.mid: {flood} events from {FLOOD_START / 1000:.0f} s to {FLOOD_END / 1000:.0f} s "
          f"({flood / ((FLOOD_END - FLOOD_START) / 1000):.0f} per second); after.mid: G7, release, stop")


if __name__ == "__main__":
    main()
