#!/usr/bin/env python3
"""Draw a piano roll of a band's MIDI file (as `sideman render --out x.mid` writes it) to PNG.

One lane per part (rhythm 1 ... phrase 2 on channels 9-16, the hands on 1-2), each in its own
colour; bar lines; section names (MIDI markers) and chord symbols (text events) along the top.
Python standard library only: the PNG is written with zlib.

    scripts/piano-roll.py band.mid roll.png [--title "Medium Swing"] [--beat-width 12]
"""
import argparse
import struct
import sys
import zlib

PARTS = {  # zero-based channel: (label, colour)
    8: ("Rhythm 1", (214, 69, 65)),
    9: ("Rhythm 2", (230, 126, 34)),
    10: ("Bass", (52, 101, 164)),
    11: ("Chord 1", (46, 139, 87)),
    12: ("Chord 2", (128, 178, 52)),
    13: ("Pad", (142, 68, 173)),
    14: ("Phrase 1", (0, 150, 170)),
    15: ("Phrase 2", (190, 150, 20)),
    0: ("Right hand", (90, 90, 90)),
    1: ("Left hand", (130, 130, 130)),
}
ORDER = [8, 9, 10, 11, 12, 13, 14, 15, 0, 1]

# 5x7 glyphs, one 5-bit row each (bit 4 = left column).
GLYPHS = {
    "A": "0E 11 11 1F 11 11 11", "B": "1E 11 11 1E 11 11 1E", "C": "0E 11 10 10 10 11 0E", "D": "1E 11 11 11 11 11 1E",
    "E": "1F 10 10 1E 10 10 1F", "F": "1F 10 10 1E 10 10 10", "G": "0E 11 10 17 11 11 0F", "H": "11 11 11 1F 11 11 11",
    "I": "0E 04 04 04 04 04 0E", "J": "07 02 02 02 02 12 0C", "K": "11 12 14 18 14 12 11", "L": "10 10 10 10 10 10 1F",
    "M": "11 1B 15 15 11 11 11", "N": "11 11 19 15 13 11 11", "O": "0E 11 11 11 11 11 0E", "P": "1E 11 11 1E 10 10 10",
    "Q": "0E 11 11 11 15 12 0D", "R": "1E 11 11 1E 14 12 11", "S": "0F 10 10 0E 01 01 1E", "T": "1F 04 04 04 04 04 04",
    "U": "11 11 11 11 11 11 0E", "V": "11 11 11 11 11 0A 04", "W": "11 11 11 15 15 15 0A", "X": "11 11 0A 04 0A 11 11",
    "Y": "11 11 11 0A 04 04 04", "Z": "1F 01 02 04 08 10 1F",
    "a": "00 00 0E 01 0F 11 0F", "b": "10 10 16 19 11 11 1E", "c": "00 00 0E 10 10 11 0E", "d": "01 01 0D 13 11 11 0F",
    "e": "00 00 0E 11 1F 10 0E", "f": "06 09 08 1C 08 08 08", "g": "00 00 0F 11 0F 01 0E", "h": "10 10 16 19 11 11 11",
    "i": "04 00 0C 04 04 04 0E", "j": "02 00 06 02 02 12 0C", "k": "10 10 12 14 18 14 12", "l": "0C 04 04 04 04 04 0E",
    "m": "00 00 1A 15 15 11 11", "n": "00 00 16 19 11 11 11", "o": "00 00 0E 11 11 11 0E", "p": "00 00 1E 11 1E 10 10",
    "q": "00 00 0D 13 0F 01 01", "r": "00 00 16 19 10 10 10", "s": "00 00 0E 10 0E 01 1E", "t": "08 08 1C 08 08 09 06",
    "u": "00 00 11 11 11 13 0D", "v": "00 00 11 11 11 0A 04", "w": "00 00 11 11 15 15 0A", "x": "00 00 11 0A 04 0A 11",
    "y": "00 00 11 11 0F 01 0E", "z": "00 00 1F 02 04 08 1F",
    "0": "0E 11 13 15 19 11 0E", "1": "04 0C 04 04 04 04 0E", "2": "0E 11 01 02 04 08 1F", "3": "1F 02 04 02 01 11 0E",
    "4": "02 06 0A 12 1F 02 02", "5": "1F 10 1E 01 01 11 0E", "6": "06 08 10 1E 11 11 0E", "7": "1F 01 02 04 08 08 08",
    "8": "0E 11 11 0E 11 11 0E", "9": "0E 11 11 0F 01 02 0C",
    "-": "00 00 00 1F 00 00 00", "#": "0A 0A 1F 0A 1F 0A 0A", "/": "01 01 02 04 08 10 10", ".": "00 00 00 00 00 0C 0C",
    ":": "00 0C 0C 00 0C 0C 00", "(": "02 04 08 08 08 04 02", ")": "08 04 02 02 02 04 08", "+": "00 04 04 1F 04 04 00",
    "&": "0C 12 14 08 15 12 0D", " ": "00 00 00 00 00 00 00",
}
FONT = {ch: [int(b, 16) for b in rows.split()] for ch, rows in GLYPHS.items()}


def read_midi(data):
    """Notes, markers, chord texts, tempo-free ticks: (division, notes, markers, texts, meter, end)."""
    if data[:4] != b"MThd":
        raise ValueError("not a Standard MIDI File")
    _, ntracks, division = struct.unpack(">HHH", data[8:14])
    pos = 8 + struct.unpack(">I", data[4:8])[0]
    notes, markers, texts, meter, end = [], [], [], (4, 4), 0
    for _ in range(ntracks):
        if data[pos:pos + 4] != b"MTrk":
            raise ValueError("bad track header")
        length = struct.unpack(">I", data[pos + 4:pos + 8])[0]
        p, stop, tick, status = pos + 8, pos + 8 + length, 0, 0
        open_notes = {}
        while p < stop:
            delta = 0
            while True:
                b = data[p]; p += 1
                delta = (delta << 7) | (b & 0x7F)
                if b < 0x80:
                    break
            tick += delta
            b = data[p]
            if b >= 0x80:
                status = b; p += 1
            if status == 0xFF:
                kind = data[p]; p += 1
                n = 0
                while True:
                    c = data[p]; p += 1
                    n = (n << 7) | (c & 0x7F)
                    if c < 0x80:
                        break
                body = data[p:p + n]; p += n
                if kind == 0x06:
                    markers.append((tick, body.decode("utf-8", "replace")))
                elif kind == 0x01:
                    texts.append((tick, body.decode("utf-8", "replace")))
                elif kind == 0x58 and n >= 2:
                    meter = (body[0], 2 ** body[1])
            elif status in (0xF0, 0xF7):
                n = 0
                while True:
                    c = data[p]; p += 1
                    n = (n << 7) | (c & 0x7F)
                    if c < 0x80:
                        break
                p += n
            else:
                kind, ch = status & 0xF0, status & 0x0F
                size = 1 if kind in (0xC0, 0xD0) else 2
                args = data[p:p + size]; p += size
                if kind == 0x90 and args[1] > 0:
                    open_notes[(ch, args[0])] = (tick, args[1])
                elif kind in (0x80, 0x90):
                    start = open_notes.pop((ch, args[0]), None)
                    if start:
                        notes.append((ch, args[0], start[1], start[0], tick))
            end = max(end, tick)
        pos = stop
    return division, notes, markers, texts, meter, end


class Canvas:
    def __init__(self, width, height, background=(255, 255, 255)):
        self.w, self.h = width, height
        self.px = bytearray(bytes(background) * (width * height))

    def rect(self, x0, y0, x1, y1, colour):
        x0, y0, x1, y1 = max(0, int(x0)), max(0, int(y0)), min(self.w, int(x1)), min(self.h, int(y1))
        if x1 <= x0 or y1 <= y0:
            return
        row = bytes(colour) * (x1 - x0)
        for y in range(y0, y1):
            i = (y * self.w + x0) * 3
            self.px[i:i + len(row)] = row

    def text(self, x, y, s, colour):
        for ch in s:
            rows = FONT.get(ch) or FONT.get(ch.upper()) or FONT[" "]
            for r, bits in enumerate(rows):
                for c in range(5):
                    if bits & (0x10 >> c):
                        self.rect(x + c, y + r, x + c + 1, y + r + 1, colour)
            x += 6
        return x

    def png(self):
        raw = b"".join(b"\x00" + bytes(self.px[y * self.w * 3:(y + 1) * self.w * 3]) for y in range(self.h))

        def chunk(tag, body):
            return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def mix(colour, amount):
    """`colour` faded towards white: amount 1 = full colour, 0 = white."""
    return tuple(int(255 - (255 - c) * amount) for c in colour)


def draw(division, notes, markers, texts, meter, end, title, beat_width, lane_height):
    beats_per_bar, unit = meter
    beat_ticks = division * 4 // unit
    bar_ticks = beat_ticks * beats_per_bar
    bars = max(1, -(-end // bar_ticks))
    left, top, gap = 72, 54, 6
    channels = [c for c in ORDER if any(n[0] == c for n in notes)]
    width = left + bars * beats_per_bar * beat_width + 8
    height = top + len(channels) * (lane_height + gap) + 8
    cv = Canvas(width, height)

    def x_of(tick):
        return left + tick * beat_width / beat_ticks

    cv.text(4, 4, title, (30, 30, 30))
    # Bar lines and numbers; section starts darker, with their names.
    starts = {t for t, _ in markers}
    for b in range(bars + 1):
        x = x_of(b * bar_ticks)
        cv.rect(x, top - 4, x + 1, height - 8, (120, 120, 120) if b * bar_ticks in starts else (215, 215, 215))
    # Section names on two rows, so a one-bar fill's name does not run into the next main's.
    ends = [-1, -1]
    for t, name in markers:
        x = x_of(t) + 2
        r = 0 if x > ends[0] else 1 if x > ends[1] else min((0, 1), key=lambda i: ends[i])
        ends[r] = cv.text(x, 15 + 9 * r, name, (20, 20, 20)) + 4
    last_x = -1
    for t, symbol in texts:
        x = x_of(t) + 2
        if x > last_x:
            last_x = cv.text(x, 37, symbol, (90, 90, 90)) + 4
    for lane, ch in enumerate(channels):
        label, colour = PARTS.get(ch, ("Channel %d" % (ch + 1), (60, 60, 60)))
        y0 = top + lane * (lane_height + gap)
        cv.rect(left, y0, width - 8, y0 + lane_height, mix(colour, 0.07))
        cv.text(4, y0 + lane_height // 2 - 3, label, colour)
        mine = [n for n in notes if n[0] == ch]
        keys = sorted({n[1] for n in mine})
        drums = ch in (8, 9)
        if drums:
            row = {k: len(keys) - 1 - i for i, k in enumerate(keys)}  # kick at the bottom, cymbals on top
            rows = len(keys)
        else:
            low, high = keys[0] - 1, keys[-1] + 1
            row = {k: high - k for k in keys}
            rows = high - low + 1
        h = max(1.0, lane_height / rows)
        for _, key, vel, start, stop in mine:
            y = y0 + (row[key] * h if drums else row[key] * lane_height / rows)
            x1 = x_of(start)
            x2 = x_of(stop) if not drums else x1 + max(2, beat_width / 4)
            cv.rect(x1, y, max(x1 + 2, x2 - 1), y + max(2, h - (1 if h > 3 else 0)), mix(colour, 0.35 + 0.65 * vel / 127))
    return cv


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("midi")
    ap.add_argument("png")
    ap.add_argument("--title", default="")
    ap.add_argument("--beat-width", type=int, default=12, help="pixels per beat")
    ap.add_argument("--lane-height", type=int, default=56)
    args = ap.parse_args()
    try:
        with open(args.midi, "rb") as f:
            parsed = read_midi(f.read())
    except (OSError, ValueError, IndexError, struct.error) as e:
        print("%s: %s" % (args.midi, e), file=sys.stderr)
        return 2
    if not parsed[1]:
        print("%s: no notes" % args.midi, file=sys.stderr)
        return 2
    cv = draw(*parsed, title=args.title or args.midi, beat_width=args.beat_width, lane_height=args.lane_height)
    with open(args.png, "wb") as f:
        f.write(cv.png())
    return 0


if __name__ == "__main__":
    sys.exit(main())
