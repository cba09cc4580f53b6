import re

from audio import NOTE_NAMES as NAMES, analyse, chroma, loudest_after, read_wav, rms_dbfs


def check(r):
    r.expect(r.text("config-check.txt").startswith("ok: "), f"config check: {r.text('config-check.txt')}")
    aconnect = r.text("aconnect.txt")
    r.expect("'Sideman'" in aconnect, "the daemon's sequencer client never appeared")
    # The virtual keyboard (client 20, VirMIDI 1-0) is subscribed to Sideman:in.
    sideman = aconnect.split("'Sideman'", 1)[1].split("client ", 1)[0] if "'Sideman'" in aconnect else ""
    r.expect(re.search(r"Connected From:.*\b20:0\b", sideman) is not None,
             f"the virtual keyboard 20:0 is not connected to Sideman:in; aconnect -l shows: {sideman.strip()!r}")
    log = r.text("serve.log")
    r.expect("band started" in log, "the daemon never logged 'band started' (sync start on the chord)")
    # A starved VM may lose its sound card's driver once (an ALSA I/O error ends FluidSynth's
    # thread): the daemon reopens it; the levels below are then taken from the loudest stretch.
    reopens = log.count("reopening")
    r.expect(reopens <= 1, f"the sound card was reopened {reopens} times (one is tolerated)")
    r.expect(reopens == 0 or "reopened" in log, "the sound card stopped and was not reopened")
    if reopens:
        print("  serve-audio: the sound card's driver stopped once and was reopened")

    def level_of(s, rate, start, end):
        if not reopens:
            return rms_dbfs(s, rate, start, end)
        steps = max(1, int((end - start - 0.3) / 0.1))
        return max(rms_dbfs(s, rate, start + i * 0.1, start + i * 0.1 + 0.3) for i in range(steps))
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} on SIGTERM")
    if not r.path("capture.wav").exists():
        r.expect(False, f"no capture.wav: {r.text('arecord.err')}")
        return
    times = dict((k, float(v)) for k, v in (line.split() for line in r.lines("times.txt")))
    wav = read_wav(r.path("capture.wav"))
    rate, s = wav.rate, wav.samples
    a = analyse(wav)
    r.expect(a.sounding_seconds >= 2, f"the band sounded for {a.sounding_seconds:.2f} s only (expected about 8)")

    # The right hand alone (the band waits for a chord): A4 must sound, and be the strongest pitch.
    lead = times["lead"]
    level = level_of(s, rate, lead + 0.2, lead + 1.3)
    r.expect(level > -45, f"the right-hand note A4 did not sound: {level:.1f} dBFS")
    energy = chroma(s, rate, lead + 0.2, lead + 1.3)
    top = NAMES[max(range(12), key=lambda i: energy[i])]
    r.expect(top == "A", f"the right-hand note A4: strongest pitch class {top}, expected A")

    # The band on C major: C, E and G among the four strongest pitch classes.
    chord = times["chord"]
    level = level_of(s, rate, chord + 1, chord + 6)
    r.expect(level > -40, f"the band is silent after the chord: {level:.1f} dBFS")
    energy = chroma(s, rate, chord + 1, chord + 6)
    ranked = [NAMES[i] for i in sorted(range(12), key=lambda i: -energy[i])]
    r.expect({"C", "E", "G"} <= set(ranked[:4]), f"C major: the strongest pitch classes are {ranked[:5]}, expected C, E, G among the first four")

    # SIGTERM: silent within 100 ms (capture time runs behind the clock, so this is conservative).
    after = loudest_after(s, rate, times["sigterm"] + 0.1)
    r.expect(after < -50, f"sound {after:.1f} dBFS more than 100 ms after SIGTERM (expected silence below -50 dBFS)")
    r.expect(len(s) / rate > times["sigterm"] + 0.5, f"the capture ({len(s) / rate:.2f} s) ends before SIGTERM + 0.5 s ({times['sigterm']:.2f} s)")
    r.expect(times["exited"] - times["sigterm"] < 3, f"sideman took {times['exited'] - times['sigterm']:.2f} s to exit after SIGTERM")
