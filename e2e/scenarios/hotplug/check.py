import json

from memory import grown_mappings, heap_figures, smaps_resident
from midi_out import aseqdump_notes, pitch_class_name, probe_notes, unmatched

# Bossa-nova's bass plays the root and the fifth.
BASS = {"C": {0, 7}, "E": {4, 11}}


def check(r):
    pid = r.text("serve.pid").strip()
    main_pid, restarts, state = (r.text("after.txt").split() + ["?"] * 3)[:3]
    r.expect(main_pid == pid and restarts == "0" and state == "active",
             f"the daemon did not stay up: pid {pid}, at the end MainPID {main_pid}, NRestarts {restarts}, {state}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} when stopped")
    cycles = [line.split() for line in r.lines("cycles.txt") if line.strip()]
    if not r.expect(len(cycles) >= 10, f"only {len(cycles)} hotplug cycles ran"):
        return
    missed = [c[0] + " " + c[1] for c in cycles if c[3] != "yes"]
    r.expect(not missed, f"not reconnected in cycles {missed[:10]} ({len(missed)} of {len(cycles)})")
    kept = [" ".join(c[0:2] + c[6:]) for c in cycles if c[1] == "module" and len(c) > 6 and c[6] != "yes"]
    r.expect(not kept, f"snd-virmidi could not be unloaded: {kept[:3]}")

    # The band follows the chord played through each new connection: the bass notes that
    # start from 200 ms after the chord until the next cycle begins are its root or fifth.
    probe = r.lines("probe.txt")
    band = [n for n in probe_notes(probe) if n.source.endswith(":1") and n.on and n.channel == 11]
    # The cycles are timed on the boot clock (/proc/uptime), the probe on the realtime clock.
    clocks = [line for line in probe if line.startswith("clocks ")]
    if not r.expect(clocks, "the probe printed no clocks line"):
        return
    fields = dict(part.split("=") for part in clocks[0].split()[1:])
    offset = float(fields["realtime"]) - float(fields["monotonic"])
    for c in cycles:
        c[4], c[5] = str(float(c[4]) + offset), str(float(c[5]) + offset)
    wrong, silent = [], []
    for index, c in enumerate(cycles):
        chord, sent = c[2], float(c[5])
        until = float(cycles[index + 1][4]) if index + 1 < len(cycles) else sent + 1
        notes = [n for n in band if sent + 0.2 <= n.time <= until]
        if not notes:
            silent.append(c[0])
        wrong += [(c[0], chord, pitch_class_name(n.note)) for n in notes if n.note % 12 not in BASS[chord]]
    r.expect(not wrong, f"the bass played off the chord just played: (cycle, chord, note) {wrong[:8]} ({len(wrong)} notes)")
    r.expect(len(silent) <= len(cycles) // 20, f"no bass note after the chord of cycles {silent[:10]} ({len(silent)} of {len(cycles)})")

    # Flat: open files and RSS over the cycles (from the 10th, after warm-up).
    samples = [line.split() for line in r.lines("samples.txt") if len(line.split()) == 4]
    warm = [s for s in samples if int(s[0]) >= 10]
    if r.expect(len(warm) >= 2, f"too few samples ({len(samples)})"):
        fds = [int(s[3]) for s in warm]
        rss = [int(s[2]) for s in warm]
        print(f"  hotplug: {len(cycles)} cycles ({sum(1 for c in cycles if c[1] == 'client')} client, "
              f"{sum(1 for c in cycles if c[1] == 'module')} module), open files {min(fds)}–{max(fds)}, "
              f"RSS {rss[0] / 1024:.2f} → {rss[-1] / 1024:.2f} MB (max {max(rss) / 1024:.2f})")
        r.expect(max(fds) - min(fds) <= 1, f"open files changed over the cycles: {min(fds)}..{max(fds)} (first {fds[0]}, last {fds[-1]})")
        # A leak grows with the cycles; a one-off step (a new page of the heap) does not.
        half = len(rss) // 2
        growth = max(rss[half:]) - max(rss[:half])
        print(f"  hotplug: RSS peak {max(rss[:half]) / 1024:.2f} MB in the first half of the cycles, {max(rss[half:]) / 1024:.2f} MB in the second")
        r.expect(growth < 1024, f"RSS grew {growth / 1024:.2f} MB from the first half of the cycles to the second")
        figures = []
        for name in ("status-warm.json", "status-after.json"):
            try:
                figures.append(heap_figures(json.loads(r.text(name))) if r.path(name).exists() else None)
            except ValueError:
                figures.append(None)
        if all(figures):
            (_, used0, free0), (_, used1, free1) = figures
            print(f"  hotplug: heap in use {used0 / 1024:.1f} → {used1 / 1024:.1f} MB, free {free0 / 1024:.1f} → {free1 / 1024:.1f} MB (cycle 10 → end)")
            r.expect(used1 - used0 < 512, f"heap in use grew {used1 - used0} kB over 90 cycles (bound 512 kB): a leak")
        else:
            r.expect(False, "no heap figures in the status at cycle 10 and at the end (memory missing?)")
        if r.path("smaps-warm.txt").exists() and r.path("smaps-end.txt").exists():
            grown = grown_mappings(smaps_resident(r.text("smaps-warm.txt")), smaps_resident(r.text("smaps-end.txt")))
            print(f"  hotplug: resident set from cycle 10 to the end, by mapping: {', '.join(grown) or 'unchanged'}")

    dumped = aseqdump_notes(r.lines("out-dump.txt"))
    left, _ = unmatched(dumped)
    r.expect(sum(1 for on, _, _ in dumped if on) > 0, "aseqdump saw no note-on on Sideman:1")
    r.expect(not left, f"note-ons on out without note-off: {dict(list(left.items())[:10])}")
    connected = sum(1 for line in r.lines("journal-serve.txt") if "connected" in line and "cannot" not in line)
    print(f"  hotplug: the journal has {connected} 'connected' lines; status {r.text('status-after.json').strip()[:160]}")
    try:
        inputs = json.loads(r.text("status-after.json")).get("inputs", [])
    except ValueError:
        inputs = []
    r.expect(any("Virtual Raw MIDI" in i for i in inputs), f"at the end the inputs are {inputs}, expected the virtual keyboard")
