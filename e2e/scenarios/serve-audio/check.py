from audio import read_wav, analyse


def check(r):
    r.expect(r.text("config-check.txt").startswith("ok: "), f"config check: {r.text('config-check.txt')}")
    r.expect("'Sideman'" in r.text("aconnect.txt"), "the daemon's sequencer client never appeared")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} on SIGTERM")
    if not r.path("capture.wav").exists():
        r.expect(False, f"no capture.wav: {r.text('arecord.err')}")
        return
    a = analyse(read_wav(r.path("capture.wav")))
    r.expect(a.sounding_seconds >= 2, f"the band sounded for {a.sounding_seconds:.2f} s only (expected about 6)")
