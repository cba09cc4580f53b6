import re

BAND_NOTE = re.compile(r"^event (\d+):1 note-on ch=(\d+) note=\d+ velocity=[1-9]")


def band_notes(text, sideman):
    """Note-ons from Sideman's out port (client:1) on the band's channels, 9-16."""
    found = 0
    for line in text.splitlines():
        m = BAND_NOTE.match(line)
        if m and int(m.group(1)) == sideman and 9 <= int(m.group(2)) <= 16:
            found += 1
    return found


def check(r):
    r.expect(r.text("config-check.txt").startswith("ok: "), f"config check: {r.text('config-check.txt')}")
    before = r.text("aconnect-before.txt")
    m = re.search(r"client (\d+): 'Sideman'", before)
    r.expect(m is not None, f"the daemon's sequencer client never appeared: {before!r}")
    if m is None:
        return
    sideman = int(m.group(1))
    r.expect("'Band Listener'" not in before, "Band Listener existed before the daemon served: not a hotplug test")
    log = r.text("serve.log")
    r.expect(re.search(r"connected out to \d+:0 'Band Listener'", log) is not None,
             f"the daemon never logged 'connected out to … Band Listener': {log[-600:]!r}")
    r.expect("band started" in log, "the band never started (the chord from the virtual keyboard)")

    auto = r.text("auto.txt")
    m = re.search(r"client (\d+) 'Band Listener'", auto)
    r.expect(m is not None, f"Band Listener did not start: {auto[:300]!r}")
    listing = r.text("aconnect.txt")
    section = listing.split(f"client {sideman}: 'Sideman'", 1)[-1].split("\nclient ", 1)[0]
    if m:
        r.expect(re.search(rf"Connecting To:.*\b{m.group(1)}:0\b", section) is not None,
                 f"Sideman:1 is not connected to Band Listener {m.group(1)}:0; aconnect -l shows {section.strip()!r}")
    n = band_notes(auto, sideman)
    r.expect(n >= 3, f"[out] connect: Band Listener received {n} band notes from Sideman:1")

    again = r.text("auto-again.txt")
    n = band_notes(again, sideman)
    r.expect(n >= 3, f"[out] connect: Band Listener, started again, received {n} band notes: {again[:300]!r}")
    r.expect(len(re.findall(r"connected out to \d+:0 'Band Listener'", log)) >= 2,
             "the daemon did not connect Band Listener again when it came back")

    r.expect(r.text("aconnect-hand.rc").strip() == "0", f"aconnect Sideman:1 'Hand Listener' failed: {r.text('aconnect-hand.txt')!r}")
    n = band_notes(r.text("hand.txt"), sideman)
    r.expect(n >= 3, f"aconnect Sideman:1: Hand Listener received {n} band notes")

    dump = r.text("aseqdump.txt")
    notes = [line for line in dump.splitlines() if re.match(rf"\s*{sideman}:1\s+Note on\s+(8|9|1[0-5]),", line)]
    r.expect(len(notes) >= 3, f"aseqdump -p Sideman:1 received {len(notes)} band notes: {dump[:300]!r} {r.text('aseqdump.err')!r}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} on SIGTERM")
    # Run with real-time priority refused: no thread runs SCHED_FIFO, and the daemon said so once.
    if r.path("no-priority-drop.txt").exists():
        print(f"  out-connect: real-time priority not dropped ({r.text('no-priority-drop.txt').strip()})")
    else:
        sched = [line.split() for line in r.lines("sched.txt") if len(line.split()) == 4]
        r.expect(bool(sched) and not any(row[2] == "1" for row in sched),
                 f"a thread ran SCHED_FIFO with real-time priority refused (tid name policy priority): {sched}")
        warnings = log.count("without real-time priority")
        r.expect(warnings == 1, f"the daemon warned {warnings} times of an audio thread without real-time priority, not once")
    print(f"  out-connect: 'aconnect Sideman:out …' exits {r.text('aconnect-by-name.rc').strip()}: "
          f"{r.text('aconnect-by-name.txt').strip()}")
