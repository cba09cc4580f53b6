import json

from audio import NOTE_NAMES, chroma, read_wav, rms_dbfs
from midi_out import CHORD_CHANNELS, aseqdump_notes, pitch_class_name, probe_notes, rss_samples, sounding_at, unmatched

G7 = {7, 11, 2, 5}  # G B D F


def check(r):
    r.expect(r.text("aplaymidi.rc").split() == ["0", "0"], f"aplaymidi failed: {r.text('aplaymidi.txt').strip()[:300]}")
    pid = r.text("serve.pid").strip()
    main_pid, restarts, state = (r.text("after.txt").split() + ["?"] * 3)[:3]
    r.expect(main_pid == pid and restarts == "0" and state == "active",
             f"the daemon did not stay up: pid {pid} before, after the flood MainPID {main_pid}, NRestarts {restarts}, {state}")
    try:
        status = json.loads(r.text("status-after.json"))
    except ValueError:
        status = {}
    r.expect(status.get("state") == "running", f"status after the flood: {r.text('status-after.json').strip()[:200]}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} when stopped")

    probe = r.lines("probe.txt")
    notes = probe_notes(probe)
    markers = {n.note: n.time for n in notes if n.on and n.channel == 1 and n.note in (1, 2)}
    if not r.expect(1 in markers and 2 in markers, f"the probe never got the flood's start/end markers ({markers})"):
        return
    start, end = markers[1], markers[2]
    try:
        delivered = float(r.text("play_end.txt").strip()) - start
        made = r.text("flood-made.txt") if r.path("flood-made.txt").exists() else ""
        events = int(made.split(":", 1)[1].split()[0]) if made else 0
        print(f"  flood: aplaymidi delivered the 60 s flood in {delivered:.0f} s"
              + (f" ({events / max(delivered, 1):.0f} events a second)" if events else ""))
    except (ValueError, IndexError):
        pass
    band = [n for n in notes if n.source.endswith(":1") and n.channel >= 9]

    # RSS bounded: growth over the flood, from the last sample before it.
    samples = rss_samples(r.lines("rss.txt"))
    before = [s for s in samples if s[0] <= start]
    during = [s for s in samples if start <= s[0] <= end + 5]
    if r.expect(before and during, f"too few RSS samples ({len(samples)})"):
        base = before[-1][1]
        peak = max(s[1] for s in during)
        last = during[-1][1]
        print(f"  flood: RSS {base / 1024:.1f} MB before, peak {peak / 1024:.1f} MB, {last / 1024:.1f} MB after; "
              f"open files {before[-1][2]} -> {during[-1][2]}")
        r.expect(peak - base < 16 * 1024, f"RSS grew {(peak - base) / 1024:.1f} MB during the flood (bound 16 MB)")
        r.expect(during[-1][2] <= before[-1][2] + 2, f"open files {before[-1][2]} before the flood, {during[-1][2]} after")

    # Back on the chord: from 100 ms after the flood's last event (G7 pressed then) for 2.5 s,
    # what sounds and starts on the pitched band channels belongs to G7.
    t = end + 0.1
    wrong_sounding = sorted(k for k in sounding_at(band, t) if k[1] % 12 not in G7)
    r.expect(not wrong_sounding, f"100 ms after the flood the band still sounds {[(c, pitch_class_name(n)) for c, n in wrong_sounding]} (G7 held)")
    after = [n for n in band if n.on and n.channel in CHORD_CHANNELS and t <= n.time <= end + 2.6]
    wrong = [n for n in after if n.note % 12 not in G7]
    r.expect(len(after) >= 3, f"the band played {len(after)} pitched notes in the 2.5 s after the flood (G7 held)")
    r.expect(not wrong, f"after the flood the band played {[(n.channel, pitch_class_name(n.note), round(n.time - end, 3)) for n in wrong][:8]} on G7")
    first = min((n.time - end for n in band if n.on and n.time >= end), default=None)
    print(f"  flood: {len(after)} band notes on G7 in the 2.5 s after the flood; first band note "
          f"{'none' if first is None else f'{first * 1000:.0f} ms'} after its end")

    # Every note-on on out has its note-off (the whole run, from aseqdump -p Sideman:1).
    dumped = aseqdump_notes(r.lines("out-dump.txt"))
    ons = sum(1 for on, _, _ in dumped if on)
    left, stray = unmatched(dumped)
    r.expect(ons > 0, "aseqdump saw no note-on on Sideman:1")
    r.expect(not left, f"note-ons on out without note-off (channel, note: count): {dict(list(left.items())[:10])}")
    print(f"  flood: out carried {ons} note-ons, every one with its note-off ({stray} note-offs without a sounding note)")

    # The journal: at most a few lines a second, during the flood and after.
    times = []
    for line in r.lines("journal-serve.txt"):
        head = line.split(" ", 1)[0]
        try:
            times.append(float(head))
        except ValueError:
            pass
    flood_lines = [x for x in times if start <= x <= end + 1]
    per_second = {}
    for x in flood_lines:
        per_second[int(x - start)] = per_second.get(int(x - start), 0) + 1
    busiest = max(per_second.values(), default=0)
    print(f"  flood: journal {len(flood_lines)} lines in {end - start:.0f} s, busiest second {busiest}")
    r.expect(busiest <= 5 and len(flood_lines) <= 2 * (end - start) + 10,
             f"the journal got {len(flood_lines)} lines in the flood, {busiest} in its busiest second (at most a few a second)")
    refused = [line for line in probe if line.startswith("stopped (ring refused")]
    if refused:
        print(f"  flood: probe {refused[-1]}")
    status_late = status.get("late_callbacks")
    print(f"  flood: late callbacks (likely xruns) {status_late}")

    # The audio after the flood: G7 sounds.
    if not r.path("capture.wav").exists():
        r.expect(False, f"no capture.wav: {r.text('arecord.err')}")
        return
    rec = float(r.text("rec_start.txt").strip() or 0)
    wav = read_wav(r.path("capture.wav"))
    a, b = end - rec + 0.3, end - rec + 2.8
    level = rms_dbfs(wav.samples, wav.rate, a, b)
    energy = chroma(wav.samples, wav.rate, a, b)
    ranked = [NOTE_NAMES[i] for i in sorted(range(12), key=lambda i: -energy[i])]
    print(f"  flood: audio after the flood {level:.1f} dBFS, strongest {ranked[:4]}")
    r.expect(level > -40, f"the band is silent after the flood ({level:.1f} dBFS)")
    r.expect({"G", "B", "D"} <= set(ranked[:4]), f"after the flood the strongest pitch classes are {ranked[:5]}, expected G, B, D among the first four")
