import json
import re

LINE = re.compile(r"^t=(\d+\.\d+) event (\d+):(\d+) (\S+)(?: ch=(\d+))?(?: note=(\d+))?(?: velocity=(\d+))?")
# The drill's roots, bar by bar (pitch classes): C F G A.
ROOTS = [0, 5, 7, 9]
BASS = 11  # PartID.bass plays on channel 11


def status(r, name):
    try:
        return json.loads(r.text(name))
    except (ValueError, FileNotFoundError):
        return None


def tempo(pulses):
    """BPM of a run of MIDI clock pulses, least squares."""
    n = len(pulses)
    if n < 3:
        return 0.0
    xs = range(n)
    mx, my = (n - 1) / 2, sum(pulses) / n
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, pulses)) / sum((x - mx) ** 2 for x in xs)
    return 60.0 / (24 * slope)


def audio_clock(r):
    """A function from realtime seconds to seconds of audio the daemon rendered (its blocks of
    64 frames at 48 kHz), interpolated between the guest's samples; None without two."""
    points = []
    for line in r.lines("samples.txt"):
        head, _, body = line.partition(" ")
        try:
            points.append((float(head), json.loads(body)["blocks"] * 64 / 48000))
        except (ValueError, KeyError):
            continue
    if len(points) < 2:
        return None

    def at(t):
        for (t0, a0), (t1, a1) in zip(points, points[1:]):
            if t <= t1 or (t1, a1) == points[-1]:
                return a0 + (a1 - a0) * (t - t0) / (t1 - t0) if t1 > t0 else a0
        return points[-1][1]
    return at


def check(r):
    r.expect(r.text("play.rc").strip() == "0", f"sideman play failed: {r.text('play.err')!r}")
    r.expect("E2E drill" in r.text("play.txt"), f"sideman play did not show the song: {r.text('play.txt')!r}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()}")
    events = []
    for line in r.lines("probe.txt"):
        m = LINE.match(line)
        if m:
            t, client, port, kind, ch, note, vel = m.groups()
            events.append((float(t), kind, int(ch or 0), int(note or -1), int(vel or 0)))
    r.expect(events, f"the probe stamped nothing from Sideman:1: {r.text('probe.txt')[-300:]!r}")
    dumped = [l for l in r.lines("aseqdump.txt") if "Note on" in l]
    r.expect(dumped, f"aseqdump -p Sideman:1 saw no notes: {r.text('aseqdump.txt')[:300]!r}")
    if not events:
        return
    starts = [e[0] for e in events if e[1] == "start"]
    stops = [e[0] for e in events if e[1] == "stop"]
    r.expect(starts, "no MIDI Start on Sideman:1")
    if not starts:
        return
    # The drill: from its Start to its Stop, 3 passes x 4 bars x 96 pulses.
    end = next((s for s in stops if s > starts[0]), 1e30)
    pulses = [e[0] for e in events if e[1] == "clock" and starts[0] <= e[0] < end]
    r.expect(1100 <= len(pulses) <= 1160, f"{len(pulses)} clock pulses in the drill, expected 12 bars x 96 = 1152")
    if len(pulses) >= 1152:
        wall = [tempo(pulses[p * 384 + 8:(p + 1) * 384 - 8]) for p in range(3)]
        clock = audio_clock(r)
        r.expect(clock is not None, "no samples of the daemon's audio blocks (samples.txt)")
        if clock is None:
            return
        # The same pulses on the audio's own time line: the tempo the band's clock keeps.
        bpms = [tempo([clock(t) for t in pulses[p * 384 + 8:(p + 1) * 384 - 8]]) for p in range(3)]
        print(f"  practice-play: tempo per pass {', '.join(f'{b:.1f}' for b in bpms)} BPM against the audio clock, "
              f"{', '.join(f'{b:.1f}' for b in wall)} against the wall clock (ramp 100:140:+20)")
        for want, got in zip([100, 120, 140], bpms):
            r.expect(abs(got - want) <= want * 0.08, f"pass at {want} BPM: the clock on out says {got:.1f}")
        r.expect(bpms[0] < bpms[1] < bpms[2], f"the tempo does not rise pass by pass: {bpms}")
        # Each bar's first bass note is the chart chord's root.
        bass = [(e[0], e[3]) for e in events if e[1] == "note-on" and e[2] == BASS and e[4] > 0]
        wrong = []
        for bar in range(12):
            start = pulses[bar * 96]
            length = (pulses[bar * 96 + 95] - start) * 96 / 95
            first = next((n for t, n in bass if start - 0.03 <= t < start + length * 0.5), None)
            if first is None or first % 12 != ROOTS[bar % 4]:
                wrong.append((bar + 1, first))
        r.expect(not wrong, f"bars whose first bass note is not the chart chord's root (bar, note): {wrong}")
    mid = status(r, "status-mid.json")
    practice = (mid or {}).get("practice") or {}
    r.expect(practice.get("song") == "drill" and practice.get("phase") == "playing" and practice.get("loop") == "1-4x3",
             f"sideman status during the drill: {r.text('status-mid.txt')!r}")
    nxt = status(r, "status-next.json")
    practice = (nxt or {}).get("practice") or {}
    r.expect("E2E set, song 1 of 2" in r.text("setlist.txt"), f"setlist load: {r.text('setlist.txt')!r} {r.text('setlist.err')!r}")
    r.expect(practice.get("song") == "two" and practice.get("setlist_position") == 2,
             f"after the footswitch (CC 85) the second song should play: {r.text('status-next.txt')!r}")
