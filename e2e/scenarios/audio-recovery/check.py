import json

from audio import NOTE_NAMES as NAMES, chroma, loudest_after, read_wav, rms_dbfs


def status(r, name):
    try:
        return json.loads(r.text(name))
    except (ValueError, OSError):
        return {}


def check(r):
    log = r.text("serve.log")
    r.expect(r.text("fault.txt").startswith("ok: "), f"fault audio-stop: {r.text('fault.txt').strip()!r}")
    r.expect("band started" in log, "the daemon never logged 'band started' (sync start on the chord)")
    r.expect("stopped" in log and "reopening" in log, "the daemon never said the sound card stopped and is reopened")
    r.expect("reopened" in log, "the daemon never said the sound card was reopened")
    # The held (starved) driver: waited for, never reopened.
    hold = r.text("hold.txt")
    r.expect(hold.count("ok: ") == 2, f"fault audio-hold / audio-release: {hold.strip()!r}")
    held_part = log.split("fault injected: the sound card's driver stops")[0]
    r.expect("starved" in held_part, "the daemon never said the held driver was starved (its thread lives)")
    r.expect("reopening" not in held_part, "the daemon reopened the sound card while its driver was only held (starved, alive)")
    before, after = status(r, "status-before.json"), status(r, "status-after.json")
    pid = r.text("serve.pid").strip()
    r.expect(str(before.get("pid")) == pid and str(after.get("pid")) == pid,
             f"not the same process: pid {pid}, status before {before.get('pid')}, after {after.get('pid')}")
    r.expect(before.get("audio_restarts") == 0 and after.get("audio_restarts") == 1,
             f"audio_restarts before/after the fault: {before.get('audio_restarts')}/{after.get('audio_restarts')}, expected 0/1")
    r.expect(after.get("state") == "running", f"state after the fault: {after.get('state')}")
    # The reopened card's new driver thread asks for SCHED_FIFO as the first one did.
    fifo = {}
    for name in ("sched-before.txt", "sched-after.txt"):
        rows = [line.split() for line in r.lines(name) if len(line.split()) == 4]
        fifo[name] = [row for row in rows if row[2] == "1" and int(row[3]) > 0]
    if fifo["sched-before.txt"]:
        r.expect(bool(fifo["sched-after.txt"]),
                 f"no thread runs SCHED_FIFO after the reopen (before it: {fifo['sched-before.txt']})")
        before_ids = {row[0] for row in fifo["sched-before.txt"]}
        r.expect(any(row[0] not in before_ids for row in fifo["sched-after.txt"]),
                 f"the SCHED_FIFO thread after the reopen is not a new one: {fifo}")
    else:
        print(f"  audio-recovery: no SCHED_FIFO thread before the fault either (real-time priority not granted here)")
    # The warning of an audio thread without real-time priority comes exactly when it has none.
    warned = "without real-time priority" in log
    if fifo["sched-before.txt"] and fifo["sched-after.txt"]:
        r.expect(not warned, "the daemon warned of no real-time priority while its audio threads ran SCHED_FIFO")
    elif not fifo["sched-before.txt"]:
        r.expect(warned, "the audio thread ran without SCHED_FIFO and the daemon never warned of it")
    main_pid, restarts = (r.text("before-stop.txt").split() + ["?", "?"])[:2]
    r.expect(main_pid == pid and restarts == "0",
             f"systemd restarted the service after the fault (MainPID {main_pid}, was {pid}; NRestarts {restarts})")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} on SIGTERM")
    if not r.path("capture.wav").exists():
        r.expect(False, f"no capture.wav: {r.text('arecord.err')}")
        return
    times = dict((k, float(v)) for k, v in (line.split() for line in r.lines("times.txt")))
    wav = read_wav(r.path("capture.wav"))
    rate, s = wav.rate, wav.samples

    def band(name, start, end, expected):
        level = rms_dbfs(s, rate, start, end)
        r.expect(level > -40, f"{name}: the band is silent ({level:.1f} dBFS)")
        energy = chroma(s, rate, start, end)
        ranked = [NAMES[i] for i in sorted(range(12), key=lambda i: -energy[i])]
        r.expect(expected <= set(ranked[:4]), f"{name}: the strongest pitch classes are {ranked[:5]}, expected {sorted(expected)} among the first four")
        print(f"  audio-recovery: {name}: {level:.1f} dBFS, strongest {ranked[:4]}")

    band("C major before the hold", times["chord1"] + 0.5, times["hold"], {"C", "E", "G"})
    band("C major once the held driver is released", times["released"] + 0.5, times["fault"], {"C", "E", "G"})
    band("F major after the reopen", times["chord2"] + 1, times["sigterm"], {"F", "A", "C"})
    after_term = loudest_after(s, rate, times["sigterm"] + 0.1)
    r.expect(after_term < -50, f"sound {after_term:.1f} dBFS more than 100 ms after SIGTERM "
             f"(SIGTERM {times['sigterm'] - times.get('stop', times['sigterm']):.3f} s after the call; expected silence below -50 dBFS)")
    r.expect(times["exited"] - times["sigterm"] < 3, f"sideman took {times['exited'] - times['sigterm']:.2f} s to exit after SIGTERM")
