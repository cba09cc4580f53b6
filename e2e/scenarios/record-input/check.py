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


def clock(r, name):
    values = {}
    clicks = []
    for line in r.lines(name):
        key, _, value = line.partition(" ")
        if key == "click":
            clicks.append(int(value))
        elif key == "zero_ns":
            values["zero_ns"] = int(value)
    return values.get("zero_ns"), clicks


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

    # Where the take's first band frame really left the card: found in what the ear heard.
    ear_zero, _ = clock(r, "band-clock.txt")
    guitar_zero, clicks = clock(r, "click-clock.txt")
    if not r.expect(ear_zero is not None and guitar_zero is not None, "no clock from pcmclock"):
        return
    heard = np.frombuffer(r.path("band.raw").read_bytes(), dtype="<i2").reshape(-1, 2)[:, 0].astype(np.float64)
    piece = band[:RATE, 0]
    n = 1 << int(np.ceil(np.log2(len(heard) + len(piece))))
    corr = np.fft.irfft(np.fft.rfft(heard, n) * np.conj(np.fft.rfft(piece, n)), n)[: len(heard)]
    offset = int(np.argmax(corr))
    match = np.corrcoef(heard[offset:offset + len(piece)], piece)[0, 1]
    r.expect(match > 0.95, f"the take's band is not what was heard (correlation {match:.3f} at frame {offset})")
    band_start = ear_zero + offset * 1_000_000_000 // RATE
    said = int(re.search(r"band_start_ns=(\d+)", aligned[0]).group(1)) if aligned and "band_start_ns=" in aligned[0] else None

    # Where each click of the guitar should be in the take, and where it is.
    left = own[:, 0]
    edges = [i for i in range(1, len(left)) if left[i] > 10_000 and left[i - 1] <= 10_000]
    errors = []
    for frame in clicks:
        expected = (guitar_zero + frame * 1_000_000_000 // RATE - band_start) * RATE / 1e9
        if not 0 <= expected < len(left) - 100:
            continue
        found = min(edges, key=lambda e: abs(e - expected)) if edges else None
        errors.append((found - expected) * 1000 / RATE if found is not None else float("inf"))
    r.expect(len(errors) >= 5, f"only {len(errors)} clicks fall in the take ({len(left) / RATE:.2f} s)")
    worst = max((abs(e) for e in errors), default=float("inf"))
    r.expect(worst <= TOLERANCE_MS, f"clicks off by {[round(e, 2) for e in errors]} ms (allowed {TOLERANCE_MS})")
    r.expect(len(edges) == len(errors), f"{len(edges)} clicks in the input file, {len(errors)} expected")
    drift = (said - band_start) / 1e6 if said is not None else None
    print(f"  record-input: take {name!r} {len(band) / RATE:.2f} s; {len(errors)} clicks off by "
          f"{', '.join(f'{e:+.2f}' for e in errors)} ms (worst {worst:.2f}, allowed {TOLERANCE_MS}); "
          f"band start as heard vs the daemon's own: {drift if drift is None else f'{drift:+.2f} ms'}; {aligned[0].split('aligned: ')[-1][:80] if aligned else ''}")
