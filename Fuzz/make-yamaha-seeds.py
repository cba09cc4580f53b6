#!/usr/bin/env python3
"""Writes small Yamaha-format style files into Fuzz/corpus/yamaha-style/, built byte by byte
(the same layout as Tests/StyleEngineTests/Yamaha/YamahaStyleBytes.swift): a Standard MIDI
File with section markers, then a CASM chunk with CSEG/Sdec and Ctab or Ctb2 tables. Our own
patterns; no commercial style is copied."""
import os
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "yamaha-style")


def chunk(ident, payload):
    return ident.encode() + struct.pack(">I", len(payload)) + bytes(payload)


def vlq(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.insert(0, (value & 0x7F) | 0x80)
        value >>= 7
    return bytes(out)


def ctab(source, destination, ntr=0, ntt=2, high_key=6, low=0, high=127, retrigger=1, source_type=2):
    b = bytes([source]) + b"Seed    " + bytes([destination, 1, 0x0F, 0xFF])
    b += bytes([0x03, 0xFF, 0xFF, 0xFF, 0xFF])
    b += bytes([0, source_type, ntr, ntt, high_key, low, high, retrigger, 0])
    return chunk("Ctab", b)


def ctb2(source, destination):
    b = bytes([source]) + b"Ctb2Seed" + bytes([destination, 1, 0x0F, 0xFF])
    b += bytes([0x03, 0xFF, 0xFF, 0xFF, 0xFF]) + bytes([0, 2, 40, 90])
    b += bytes([0, 1, 5, 0, 127, 0]) + bytes([1, 2, 6, 10, 120, 1]) + bytes([1, 0, 7, 0, 127, 3]) + bytes(7)
    return chunk("Ctb2", b)


def track(events):
    out = b""
    last = 0
    for tick, data in sorted(events, key=lambda e: e[0]):
        out += vlq(tick - last) + bytes(data)
        last = tick
    return chunk("MTrk", out + bytes([0, 0xFF, 0x2F, 0]))


def marker(text):
    return [0xFF, 0x06] + list(vlq(len(text))) + list(text.encode())


def note(channel, key, velocity, start, length):
    return [(start, [0x90 | channel, key, velocity]), (start + length, [0x80 | channel, key, 64])]


def style(ppq, sections, tables, version=b"SFF1", extra=b""):
    bar = 4 * ppq
    events = [(0, [0xFF, 0x58, 4, 4, 2, 24, 8]), (0, [0xFF, 0x51, 3, 0x07, 0xA1, 0x20]),
              (0, marker(version.decode())), (0, marker("SInt")),
              (0, [0xB8, 0, 127]), (0, [0xC8, 0]), (0, [0xBA, 0, 0]), (0, [0xCA, 33]),
              (0, [0xBB, 0, 0]), (0, [0xCB, 4]), (0, [0xBA, 7, 100])]
    for index, name in enumerate(sections):
        start = (index + 1) * bar
        events.append((start, marker(name)))
        for beat in range(4):
            events += note(8, 36 if beat % 2 == 0 else 38, 100, start + beat * ppq, ppq // 4)
            events += note(8, 42, 70, start + beat * ppq + ppq // 2, ppq // 4)
        events += note(10, 36, 90, start, ppq)
        events += note(10, 43, 80, start + 2 * ppq, ppq)
        for key in (60, 64, 67):
            events += note(11, key, 75, start + ppq, 2 * ppq)
    events.append(((len(sections) + 1) * bar, marker("End")))
    header = chunk("MThd", bytes([0, 0, 0, 1, ppq >> 8, ppq & 0xFF]))
    casm = chunk("CASM", chunk("CSEG", chunk("Sdec", ",".join(sections).encode()) + b"".join(tables)))
    return header + track(events) + casm + extra


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = {
        "sff1-main-ab.sty": style(96, ["Main A", "Main B"],
                                  [ctab(8, 8, ntr=1, ntt=0), ctab(10, 10, ntt=3, high_key=7, low=28, retrigger=2),
                                   ctab(11, 11, source_type=0)]),
        "sff2-fills.sty": style(480, ["Intro A", "Main A", "Fill In AA", "Ending A"],
                                [ctab(8, 8, ntr=1, ntt=0), ctb2(10, 10), ctb2(11, 12)], version=b"SFF2"),
        "sff1-extra-chunks.prs": style(120, ["Main C", "Main D", "Fill In CD", "Break"],
                                       [ctab(8, 8, ntr=1, ntt=0), ctab(11, 13, ntt=1)],
                                       extra=chunk("OTSc", b"\x01\x02\x03\x04") + chunk("MDB ", b"seed")),
    }
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
