from audio import read_wav, analyse


def check(r):
    r.expect(r.text("arecord.rc").strip() == "0", f"arecord failed: {r.text('arecord.err')}")
    if not r.path("capture.wav").exists():
        r.expect(False, "no capture.wav")
        return
    wav = read_wav(r.path("capture.wav"))
    r.expect(wav.rate == 48000 and wav.channels == 2, f"capture format {wav.rate} Hz x {wav.channels}")
    r.expect(wav.seconds >= 3.5, f"capture lasts {wav.seconds:.2f} s, expected 4")
    a = analyse(wav)
    r.expect(a.sounding_seconds >= 1.0, f"only {a.sounding_seconds:.2f} s of sound (level > -40 dBFS) in the capture")
    r.expect(a.peak_dbfs > -30, f"the capture is too quiet: peak {a.peak_dbfs:.1f} dBFS")
    r.expect(abs(a.frequency - 440) < 10, f"the sine should be 440 Hz; measured {a.frequency:.1f} Hz")
