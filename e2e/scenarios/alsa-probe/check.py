import re


def check(r):
    aconnect = r.text("aconnect.txt")
    m = re.search(r"client (\d+): 'Sideman' \[type=user", aconnect)
    r.expect(m is not None, f"aconnect -l does not list a 'Sideman' client:\n{aconnect}")
    if m:
        block = aconnect[m.start():].split("\nclient ")[0]
        r.expect("0 'in" in block and "1 'out" in block, f"Sideman should have ports 0 'in' and 1 'out':\n{block}")

    probe = r.lines("probe.txt")
    text = "\n".join(probe)
    r.expect(r.text("probe.err").strip() == "", f"the probe wrote errors: {r.text('probe.err')}")
    for client in (20, 21, 22, 23):
        r.expect(any(l.startswith(f"connected {client}:0 'Virtual Raw MIDI") for l in probe),
                 f"the virtual keyboard {client}:0 was not connected at start")
    r.expect(not any(l.startswith("connected 14:") for l in probe), "Midi Through (14) was connected")
    r.expect(not any(l.startswith("connected 0:") for l in probe), "the System client was connected")

    events = [l[len("event 20:0 "):] for l in probe if l.startswith("event 20:0 ")]
    expected = [
        "note-on ch=1 note=60 velocity=100",
        "note-off ch=1 note=60 velocity=64",
        "cc ch=1 controller=64 value=127",
        "program ch=1 program=5",
        "pitch-bend ch=1 value=8192",
        "pitch-bend ch=1 value=16383",
        "channel-pressure ch=1 pressure=48",
        "poly-pressure ch=1 note=60 pressure=32",
        "sysex length=6 sum=747 bytes=F0 7E 7F 06 01 F7",
    ]
    long_sum = 0xF0 + 0x7D + sum(i % 128 for i in range(597)) + 0xF7
    expected.append(f"sysex length=600 sum={long_sum} bytes=F0 7D " + " ".join(f"{i:02X}" for i in range(14)))
    expected += ["clock", "start", "continue", "stop", "song-position 16", "note-on ch=16 note=36 velocity=127"]
    r.expect(events == expected,
             "events from the virtual keyboard differ:\n  expected: " + "\n            ".join(expected)
             + "\n  got:      " + "\n            ".join(events))

    # Hotplug: Keys2 appears, is connected, plays; leaves; comes back, is connected again, plays.
    keys2 = [l for l in probe if "'Keys2'" in l and l.startswith("connected ")]
    r.expect(len(keys2) == 2, f"Keys2:out should be connected twice (plugged, replugged); saw {keys2}")
    r.expect(sum(1 for l in probe if l.startswith("port gone ")) >= 2, "Keys2's port leaving was not noticed twice")
    r.expect(re.search(r"^event \d+:1 note-on ch=2 note=64 velocity=80$", text, re.M) is not None,
             "the note Keys2 sent first did not arrive")
    r.expect(re.search(r"^event \d+:1 note-on ch=2 note=65 velocity=81$", text, re.M) is not None,
             "the note Keys2 sent after replugging did not arrive")
    r.expect(re.search(r"^event \d+:1 sysex length=4 sum=490 bytes=F0 01 02 F7$", text, re.M) is not None,
             "the SysEx Keys2 sent did not arrive")
    first = r.text("keys2-first.txt")
    r.expect("sent note-on ch=2 note=64 velocity=80" in first, f"Keys2 did not report sending:\n{first}")

    r.expect(r.text("probe.rc").strip() == "0", f"the probe exited with {r.text('probe.rc').strip()} on SIGTERM")
    r.expect(probe[-1:] == ["stopped (ring refused 0)"] if probe else False,
             f"the probe did not stop cleanly; last line: {probe[-1:]}")
