import json
import re

import numpy as np


RATE = 48_000
TOLERANCE_MS = 2.0


def wav_samples(path):
    """Interleaved 16-bit samples of a WAV (libsndfile's: a 'data' chunk after others)."""
    data = path.read_bytes()
    pos = 12
    channels = 2
    while pos + 8 <= len(data):
        kind, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        if kind == b"fmt ":
            channels = int.from_bytes(data[pos + 10:pos + 12], "little")
        if kind == b"data":
            return np.frombuffer(data[pos + 8:pos + 8 + size], dtype="<i2").reshape(-1, channels)
        pos += 8 + size + (size & 1)
    raise ValueError(f"{path}: no data chunk")


# A stream whose every later reading puts frame 0 this much later than every earlier one has
# lost time without an xrun: a stall longer than its buffer, and the kernel, reading the card's
# pointer modulo the buffer, missed a turn of the ring (a multiple of pcmclock's buffer).
# Readings are late by a timer tick or so (4 ms at 250 Hz), never by a whole buffer for long.
SLIP_NS = 8_000_000
SLIP_CONFIRM = 8
GUITAR_BUFFER = 256 * 64  # pcmclock's PERIOD * BUFFER_PERIODS


def clock(r, name):
    """pcmclock's readings as unbroken stretches [(start, end, ns of frame 0)] (end None: to the
    end), split at xruns and at slips; the frames read or written between the last reading
    before a slip and the first after it belong to no stretch. Also the clicks [(frame)] and how
    many were lost in breaks."""
    starts, readings, clicks, lost = [], {}, [], 0
    for line in r.lines(name):
        key, *values = line.split()
        if key == "segment":
            starts.append(int(values[0]))
        elif key == "reading":
            readings.setdefault(int(values[0]), []).append(tuple(int(v) for v in values[1:]))
        elif key == "click":
            clicks.append(int(values[0]))
        elif key == "lost":
            lost += 1
    stretches, slips = [], []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else None
        rows = readings.get(start, [])
        if not rows:
            continue
        later = [0] * len(rows)  # the earliest of readings i and after
        for i in range(len(rows) - 1, -1, -1):
            later[i] = min(rows[i][2], later[i + 1]) if i + 1 < len(rows) else rows[i][2]
        begin, before = start, rows[0][2]
        for i in range(1, len(rows)):
            if later[i] - before > SLIP_NS and len(rows) - i >= SLIP_CONFIRM:
                stretches.append((begin, rows[i - 1][0], before))
                slips.append((rows[i - 1][0], (later[i] - before) / 1e6))
                begin, before = rows[i][0], rows[i][2]
            else:
                before = min(before, rows[i][2])
        stretches.append((begin, end, before))
    return stretches, slips, clicks, lost


def stretch_of(stretches, first, last):
    """The stretch holding frames first..last, or None."""
    for start, end, zero in stretches:
        if start <= first and (end is None or last < end):
            return start, end, zero
    return None


def check(r):
    log = r.text("serve.log")
    r.expect("input hw:Loopback,1,1 captured" in log, f"the daemon never captured its input: {[l for l in log.splitlines() if 'input' in l]}")
    r.expect(r.text("record-start.txt").strip() == "recording", f"sideman record start said: {r.text('record-start.txt')}")
    aligned = [l for l in log.splitlines() if "take input aligned" in l]
    r.expect(len(aligned) >= 1, "no 'take input aligned' line in the log")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()}")

    # The disk-full take and the refusal, with the input on.
    r.expect("take cut short: disk full" in log, f"no disk-full line in the log: {[l for l in log.splitlines() if 'take' in l]}")
    full = json.loads(r.text("status-full.json") or "{}").get("record", {})
    r.expect("disk full" in (full.get("problem") or ""), f"status after the disk filled: {full}")
    before, after = (int(x) for x in (r.text("blocks.txt").split() or ["0", "0"]))
    r.expect(after > before, f"the band stopped while the disk filled (blocks {before} -> {after})")
    r.expect("only " in r.text("refused-start.txt") and "min_free_mb = 1" in r.text("refused-start.txt"),
             f"record start on a full disk said: {r.text('refused-start.txt')}")
    refused = json.loads(r.text("status-refused.json") or "{}").get("record", {})
    r.expect(refused.get("state") == "refused", f"status after the refusal: {refused}")

    folder = r.path("takes")
    mixes = sorted(p for p in folder.glob("*.wav") if not p.name.endswith((".band.wav", ".input.wav")))
    if not r.expect(len(mixes) == 1, f"expected one take, found {[p.name for p in folder.iterdir()] if folder.exists() else 'none'}"):
        return
    name = mixes[0].name[:-4]
    for stem in (".band.wav", ".input.wav", ".mid"):
        r.expect((folder / (name + stem)).exists(), f"the take has no {stem} file")
    band = wav_samples(folder / f"{name}.band.wav").astype(np.float64)
    own = wav_samples(folder / f"{name}.input.wav").astype(np.float64)
    mix = wav_samples(folder / f"{name}.wav").astype(np.float64)
    r.expect(len(band) == len(own) == len(mix), f"the take's files differ in length: {len(band)}, {len(own)}, {len(mix)}")
    r.expect(np.abs(mix - np.clip(band + np.floor_divide(own.sum(axis=1), 2)[:, None], -32768, 32767)).max() <= 1,
             "the mix is not the band plus the input")

    # Where the take's first band frame really left the card: found in what the ear heard, from a
    # half second of the take that the ear caught without a break.
    ear, ear_slips, _, _ = clock(r, "band-clock.txt")
    guitar, guitar_slips, played, lost = clock(r, "click-clock.txt")
    clicks = []
    for frame in played:
        held = stretch_of(guitar, frame, frame + 47)
        if held is None:
            lost += 1
        else:
            clicks.append((frame, held[2] + frame * 1_000_000_000 // RATE))
    if not r.expect(ear and clicks, f"no clock from pcmclock (ear {len(ear)} stretches, guitar {len(clicks)} clicks, {lost} lost)"):
        return
    heard = np.frombuffer(r.path("band.raw").read_bytes(), dtype="<i2").reshape(-1, 2)[:, 0].astype(np.float64)
    # The earliest half second of the take that the ear caught whole and matches: the band's
    # own stalls after it cannot move the start found.
    best = None
    piece_len = RATE // 2
    for piece_start in range(0, min(len(band), 4 * RATE) - piece_len, piece_len // 2):
        piece = band[piece_start:piece_start + piece_len, 0]
        if np.abs(piece).max() < 1000:
            continue
        n = 1 << int(np.ceil(np.log2(len(heard) + len(piece))))
        corr = np.fft.irfft(np.fft.rfft(heard, n) * np.conj(np.fft.rfft(piece, n)), n)[: len(heard)]
        offset = int(np.argmax(corr))
        match = np.corrcoef(heard[offset:offset + piece_len], piece)[0, 1] if offset + piece_len <= len(heard) else 0
        held = stretch_of(ear, offset, offset + piece_len - 1)
        if held is not None and (best is None or match > best[0]):
            best = (match, offset, piece_start, held[2])
        if best is not None and best[0] > 0.95:
            break
    if not r.expect(best is not None and best[0] > 0.95, f"the take's band is not what was heard (best correlation {best and round(best[0], 3)})"):
        return
    match, offset, piece_start, zero = best
    band_start = zero + (offset - piece_start) * 1_000_000_000 // RATE
    said = int(re.search(r"band_start_ns=(\d+)", aligned[0]).group(1)) if aligned and "band_start_ns=" in aligned[0] else None

    # Where each click of the guitar should be in the take, and where it is.
    left = own[:, 0]
    edges = [i for i in range(1, len(left)) if left[i] > 10_000 and left[i - 1] <= 10_000]
    errors = []
    for _, at in clicks:
        expected = (at - band_start) * RATE / 1e9
        if not 0 <= expected < len(left) - 100:
            continue
        found = min(edges, key=lambda e: abs(e - expected)) if edges else None
        errors.append((found - expected) * 1000 / RATE if found is not None else float("inf"))
    r.expect(len(errors) >= 5, f"only {len(errors)} clicks fall in the take ({len(left) / RATE:.2f} s)")
    worst = max((abs(e) for e in errors), default=float("inf"))
    r.expect(worst <= TOLERANCE_MS, f"clicks off by {[round(e, 2) for e in errors]} ms (allowed {TOLERANCE_MS})")
    # A click still queued when the guitar slipped is played, and played again a buffer later
    # when the card goes round the ring it was not refilled in time.
    echoes = sum(1 for frame in played for at, _ in guitar_slips if at - GUITAR_BUFFER <= frame < at)
    r.expect(len(edges) <= len(errors) + lost + echoes,
             f"{len(edges)} clicks in the input file, {len(errors)} expected ({lost} lost, {echoes} echoed)")
    drift = (said - band_start) / 1e6 if said is not None else None
    print(f"  record-input: take {name!r} {len(band) / RATE:.2f} s; {len(errors)} clicks off by "
          f"{', '.join(f'{e:+.2f}' for e in errors)} ms (worst {worst:.2f}, allowed {TOLERANCE_MS}); "
          f"{lost} clicks lost in the guitar's breaks, ear heard in {len(ear)} stretches (match {match:.3f} at {piece_start / RATE:.2f} s); "
          f"slips (frame, ms): guitar {[(f, round(ms, 2)) for f, ms in guitar_slips]}, ear {[(f, round(ms, 2)) for f, ms in ear_slips]}; "
          f"band start as heard vs the daemon's own: {drift if drift is None else f'{drift:+.2f} ms'}; {aligned[0].split('aligned: ')[-1][:80] if aligned else ''}")
