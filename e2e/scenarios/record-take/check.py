import json
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from audio import NOTE_NAMES as NAMES, chroma, read_wav, rms_dbfs


def midi_events(data: bytes):
    """(tick, kind, value) of a Standard MIDI File: note-ons as ('on', channel, note), text
    events ('text', string) and markers ('marker', string)."""
    events = []
    if data[:4] != b"MThd":
        raise ValueError("not a MIDI file")
    midi_events.division = struct.unpack(">H", data[12:14])[0]
    pos = 8 + struct.unpack(">I", data[4:8])[0]
    while pos + 8 <= len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        body, pos = data[pos + 8:pos + 8 + length], pos + 8 + length
        if kind != b"MTrk":
            continue
        i, tick, status = 0, 0, 0
        while i < len(body):
            delta = 0
            while True:
                b = body[i]; i += 1
                delta = (delta << 7) | (b & 0x7F)
                if b < 0x80:
                    break
            tick += delta
            if body[i] >= 0x80:
                status = body[i]; i += 1
            if status == 0xFF:
                meta = body[i]; i += 1
                n = 0
                while True:
                    b = body[i]; i += 1
                    n = (n << 7) | (b & 0x7F)
                    if b < 0x80:
                        break
                payload = body[i:i + n]; i += n
                if meta == 0x01:
                    events.append((tick, "text", payload.decode("utf-8", "replace")))
                elif meta == 0x06:
                    events.append((tick, "marker", payload.decode("utf-8", "replace")))
            elif status in (0xF0, 0xF7):
                n = body[i]; i += 1 + n
            else:
                size = 1 if status & 0xF0 in (0xC0, 0xD0) else 2
                data_bytes = body[i:i + size]; i += size
                if status & 0xF0 == 0x90 and data_bytes[1] > 0:
                    events.append((tick, "on", (status & 0x0F, data_bytes[0])))
    return events


def check(r):
    r.expect(r.text("config-check.txt").startswith("ok: "), f"config check: {r.text('config-check.txt')}")
    armed = json.loads(r.text("status-armed.json") or "{}")
    r.expect(armed.get("record", {}).get("state") == "armed", f"before playing, the recorder is not armed: {r.text('status-armed.json')}")
    r.expect(r.text("takes-before.txt").strip() == "", f"a take was made before anything played: {r.text('takes-before.txt')}")
    recording = json.loads(r.text("status-recording.json") or "{}")
    r.expect(recording.get("record", {}).get("state") == "recording", f"while the band plays, the recorder is not recording: {r.text('status-recording.json')}")
    r.expect(r.text("record-start.txt").strip() == "recording", f"sideman record start said: {r.text('record-start.txt')}")
    r.expect(r.text("record-stop.txt").strip() == "take ends", f"sideman record stop said: {r.text('record-stop.txt')}")
    log = r.text("serve.log")
    r.expect(log.count("take saved") == 2, f"expected two 'take saved' lines in the log: {[l for l in log.splitlines() if 'take' in l]}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()}")

    takes = json.loads(r.text("takes.json") or "[]")
    r.expect(len(takes) == 2, f"expected 2 takes, found {r.text('takes.txt')}")
    if not takes:
        return
    take = takes[0]
    r.expect(take["name"].endswith(" bossa-nova"), f"the take's name: {take['name']}")
    r.expect(sorted(f.rsplit(".", 1)[1] for f in take["files"]) == ["flac", "mid"], f"the take's files: {take['files']}")
    folder = r.path("takes")

    # MIDI: it parses; the band's notes from the start; the chord C as text; a section marker.
    events = midi_events((folder / f"{take['name']}.mid").read_bytes())
    notes = [e for e in events if e[1] == "on"]
    r.expect(len(notes) > 20, f"the take's MIDI holds {len(notes)} note-ons")
    r.expect(any(ch >= 8 for _, _, (ch, _) in notes), "no band notes (channels 9-16) in the take's MIDI")
    r.expect(notes and notes[0][0] < 480, f"the first note is at tick {notes[0][0] if notes else None}: the take did not start with the band")
    r.expect(any(e[1] == "text" and e[2] == "C" for e in events), f"no chord symbol C in the take's MIDI: {[e for e in events if e[1] == 'text']}")
    r.expect(any(e[1] == "marker" and e[2].startswith("Main") for e in events), "no Main section marker in the take's MIDI")

    # Audio: decoded from FLAC; as long as the band played (chord to stop) plus its release
    # tail; C, E, G the strongest pitch classes while the band plays.
    sox = shutil.which("sox")
    if not sox:
        print("  record-take: skipped the audio checks: no sox on the host to decode FLAC")
        return
    with tempfile.TemporaryDirectory() as tmp:
        wav_path = Path(tmp) / "take.wav"
        subprocess.run([sox, str(folder / f"{take['name']}.flac"), str(wav_path)], check=True)
        wav = read_wav(wav_path)
    # The band played until its last note (120 BPM: half a second per quarter note); the audio
    # holds that and the release tail, and ends soon after (emulation slows the sound card, so
    # the wall clock is no measure here).
    played = max(t for t, _, _ in notes) / midi_events.division * 0.5
    seconds = len(wav.samples) / wav.rate
    r.expect(played + 0.2 < seconds < played + 3, f"the take lasts {seconds:.2f} s; the band's last note is at {played:.2f} s (the take should end 0.3-3 s after)")
    first = rms_dbfs(wav.samples, wav.rate, 0, 0.5)
    r.expect(first > -45, f"the take's first 0.5 s are silent ({first:.1f} dBFS): it did not start with the band")
    energy = chroma(wav.samples, wav.rate, 0.5, max(1.0, played))
    ranked = [NAMES[i] for i in sorted(range(12), key=lambda i: -energy[i])]
    r.expect({"C", "E", "G"} <= set(ranked[:4]), f"the take's strongest pitch classes are {ranked[:5]}, expected C, E, G among the first four")
    second = takes[1]
    # 2 s between the two commands, and each command's own start under emulation on a busy host.
    r.expect(second["seconds"] is not None and 1.0 < second["seconds"] < 8.0, f"the second take (record start, 2 s, record stop) lasts {second['seconds']} s")
    print(f"  record-take: take {take['name']!r} {seconds:.2f} s (band played {played:.2f} s), {len(notes)} notes, pitch classes {ranked[:4]}")
