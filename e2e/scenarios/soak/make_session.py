#!/usr/bin/env python3
"""Writes session.mid: a random playing session of MINUTES minutes for `aplaymidi -p Sideman:0`
(one tick = 1 ms). Left-hand chords (every voicing below the split, F#3), right-hand phrases,
sustain, and from the control channel 16 as the shipped configuration maps it: Main A–D,
fill, break, tempo up/down, tap tempo, previous/next style and part mutes (each mute undone
5–20 s later). It ends with every key released and the band stopped (start/stop, C2 on
channel 16). Reloads (SIGHUP) come from guest.sh."""
import random
import struct
import sys

MINUTES = float(sys.argv[2]) if len(sys.argv) > 2 else 10
END = int(MINUTES * 60_000)
# Chord shapes (semitones above the root), voiced from a root in octave 2.
SHAPES = [(0, 4, 7), (0, 3, 7), (0, 4, 7, 10), (0, 3, 7, 10), (0, 4, 7, 11), (0, 3, 6), (0, 5, 7), (0, 4, 8), (0, 3, 6, 10)]


def vlq(v):
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.insert(0, (v & 0x7F) | 0x80)
        v >>= 7
    return bytes(out)


def main():
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
    ev = [(0, b"\xff\x51\x03\x07\xa1\x20")]  # 1 tick = 1 ms
    t, held = 500, []
    counts = dict(chords=0, melody=0, sections=0, tempo=0, taps=0, styles=0, mutes=0)

    def control(at, note):
        ev.append((at, bytes([0x9F, note, 100])))
        ev.append((at + 30, bytes([0x8F, note, 0])))

    while t < END - 10_000:
        # A chord: the previous one released, a few ms of stagger between keys.
        for n in held:
            ev.append((t, bytes([0x80, n, 64])))
        root = rng.randint(36, 45)
        held = [root + i for i in rng.choice(SHAPES) if root + i < 54]
        for k, n in enumerate(held):
            ev.append((t + 1 + k * rng.randint(0, 6), bytes([0x90, n, rng.randint(60, 110)])))
        counts["chords"] += 1
        length = rng.choice([1_000, 2_000, 2_000, 4_000])
        # The right hand over it, with sustain now and then.
        if rng.random() < 0.6:
            at = t + 50
            pedal = rng.random() < 0.3
            if pedal:
                ev.append((at, b"\xb0\x40\x7f"))
            while at < t + length - 200:
                n = rng.randint(60, 84)
                d = rng.choice([120, 240, 360])
                ev.append((at, bytes([0x90, n, rng.randint(50, 120)])))
                ev.append((at + d - 20, bytes([0x80, n, 64])))
                counts["melody"] += 1
                at += d
            if pedal:
                ev.append((t + length - 100, b"\xb0\x40\x00"))
        # Now and then a control.
        roll = rng.random()
        if roll < 0.15:
            control(t + 200, rng.choice([41, 42, 43, 44, 45, 46]))  # Main A–D, fill, break
            counts["sections"] += 1
        elif roll < 0.22:
            control(t + 300, rng.choice([51, 52]))  # tempo down / up
            counts["tempo"] += 1
        elif roll < 0.25:
            beat = rng.choice([400, 500, 600])
            for k in range(4):
                control(t + 100 + k * beat, 50)  # tap tempo
            counts["taps"] += 1
        elif roll < 0.29:
            control(t + 250, rng.choice([53, 54]))  # previous / next style
            counts["styles"] += 1
        elif roll < 0.35:
            part = rng.randint(60, 67)
            control(t + 150, part)
            control(t + 150 + rng.randint(5_000, 20_000), part)  # undone later
            counts["mutes"] += 1
        t += length
    for n in held:
        ev.append((t, bytes([0x80, n, 64])))
    ev.append((t, b"\xb0\x40\x00"))
    control(t + 500, 36)  # start/stop: the band stops
    ev.append((END, b"\xff\x01\x03end"))
    ev.sort(key=lambda e: e[0])
    body = bytearray()
    last = 0
    for tick, data in ev:
        body += vlq(tick - last) + data
        last = tick
    body += b"\x00\xff\x2f\x00"
    with open(sys.argv[1], "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, 500) + b"MTrk" + struct.pack(">I", len(body)) + bytes(body))
    print(f"session.mid: {MINUTES:g} minutes, {len(ev)} events: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
