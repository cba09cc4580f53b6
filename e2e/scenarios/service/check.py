import re

from audio import read_wav, rms_dbfs, loudest_after, pitch_classes


def props(text):
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def times(r, name):
    return dict((k, float(v)) for k, v in (line.split() for line in r.lines(name)))


def band_plays(r, name, tname, chord, notes):
    """The band sounds after the chord, with the chord's pitch classes among the strongest four."""
    if not r.path(name).exists():
        r.expect(False, f"no {name}")
        return None
    t = times(r, tname)
    wav = read_wav(r.path(name))
    s, rate = wav.samples, wav.rate
    at = t["chord"]
    level = rms_dbfs(s, rate, at + 1, at + 5)
    r.expect(level > -40, f"{name}: the band is silent after the {chord} chord: {level:.1f} dBFS")
    ranked = pitch_classes(s, rate, at + 1, at + 5)
    r.expect(set(notes) <= set(ranked[:4]),
             f"{name}: {chord}: the strongest pitch classes are {ranked[:5]}, expected {', '.join(notes)} among the first four")
    return t, s, rate


def check(r):
    r.expect(r.text("dpkg-install.rc").strip() == "0", f"dpkg -i failed:\n{r.text('dpkg-install.txt')}")
    user = r.text("user.txt")
    r.expect(re.search(r"^sideman:x:\d+:\d+:.*:/var/lib/sideman:/usr/sbin/nologin", user, re.M) is not None,
             f"postinst did not create the system user sideman: {user!r}")
    r.expect("(audio)" in user, f"the user sideman is not in the group audio: {user!r}")
    r.expect("/usr/bin/sideman" in user, f"the packaged binary is not /usr/bin/sideman: {user!r}")
    r.expect(r.text("enabled.txt").strip() == "enabled", f"postinst did not enable the unit: {r.text('enabled.txt')!r}")
    shown = props(r.text("show-installed.txt"))
    r.expect(r.text("active.rc").strip() == "0" and shown.get("ActiveState") == "active",
             f"the service never became active (READY) after dpkg -i: {shown}")
    r.expect(shown.get("StatusText", "") != "", f"the service sent no STATUS text: {shown}")
    m = re.search(r"Overall exposure level for sideman.service: (\d+\.\d+)", r.text("security.txt"))
    r.expect(m is not None and float(m.group(1)) <= 2.0,
             f"systemd-analyze security: {m.group(0) if m else r.text('security.txt')[-300:]} (expected 2.0 or less)")
    styles = r.text("styles.txt")
    r.expect("bossa-nova" in styles and "medium-swing" in styles,
             f"the packaged binary does not find the styles in /usr/share/sideman/styles: {styles!r}")

    aconnect = r.text("aconnect.txt")
    r.expect("'Sideman'" in aconnect, "the service's sequencer client never appeared in aconnect -l")
    sideman = aconnect.split("'Sideman'", 1)[1].split("client ", 1)[0] if "'Sideman'" in aconnect else ""
    r.expect(re.search(r"Connected From:.*\b20:0\b", sideman) is not None,
             f"the virtual keyboard 20:0 is not connected to Sideman:in: {sideman.strip()!r}")

    r.expect(r.text("restart.rc").strip() == "0", "the service did not come back after systemctl restart")
    r.expect(r.text("process-user.txt").strip() == "sideman", f"the daemon runs as {r.text('process-user.txt').strip()!r}, not sideman")
    sched = [line.split() for line in r.lines("sched.txt") if len(line.split()) == 4]
    fifo = [s for s in sched if s[2] == "1" and int(s[3]) > 0]
    r.expect(bool(fifo), f"no thread of the daemon runs SCHED_FIFO (tid name policy priority): {sched}")
    r.expect(not fifo or "without real-time priority" not in r.text("journal.txt"),
             "the daemon warned of no real-time priority while its audio thread runs SCHED_FIFO")
    limits = r.text("limits.txt")
    r.expect(re.search(r"Max realtime priority\s+95\s+95", limits) is not None, f"LimitRTPRIO not applied: {limits!r}")

    r.expect(r.text("status-member.rc").strip() == "0", f"sideman status as a member of the group sideman: {r.text('status-member.txt')!r}")
    r.expect(r.text("status-outsider.rc").strip() != "0", f"sideman status answered a user outside the group sideman: {r.text('status-outsider.txt')!r}")
    r.expect("permission denied" in r.text("status-outsider.txt") and "group sideman" in r.text("status-outsider.txt"),
             f"sideman status should tell a user outside the group why it is refused: {r.text('status-outsider.txt')!r}")

    reload = r.text("reload.txt").split()
    r.expect(r.text("reload.rc").strip() == "0" and reload[-3:-2] == ["active"] and reload[-2:-1] == reload[-1:],
             f"systemctl reload: {r.text('reload.txt')!r} (expected the same process, still active)")

    band_plays(r, "capture1.wav", "times1.txt", "C major", ["C", "E", "G"])
    r.expect(r.text("after-kill.rc").strip() == "0", "systemd did not restart the service after kill -9")
    restarted = props(r.text("show-after-kill.txt"))
    r.expect(restarted.get("NRestarts", "0") != "0", f"NRestarts after kill -9: {restarted}")
    played = band_plays(r, "capture2.wav", "times2.txt", "F major (after the restart)", ["F", "A", "C"])
    if played:
        t, s, rate = played
        # From the moment systemd sent SIGTERM (its journal line), not from the systemctl call.
        after = loudest_after(s, rate, t["sigterm"] + 0.1)
        r.expect(after < -50, f"sound {after:.1f} dBFS more than 100 ms after SIGTERM from systemctl stop "
                 f"(SIGTERM {t['sigterm'] - t['stop']:.3f} s after the call; expected silence below -50 dBFS)")
        r.expect(len(s) / rate > t["stop"] + 0.5, "the second capture ends before stop + 0.5 s")
        r.expect(t["stopped"] - t["stop"] < 3, f"systemctl stop took {t['stopped'] - t['stop']:.2f} s")
    stopped = props(r.text("show-stopped.txt"))
    r.expect(stopped.get("Result") == "success" and stopped.get("ExecMainStatus") == "0",
             f"systemctl stop did not end cleanly: {stopped}")

    if r.path("watchdog-skipped.txt").exists():
        print(f"  note: watchdog step skipped: {r.text('watchdog-skipped.txt').strip()}")
    else:
        r.expect(r.text("fault.rc").strip() == "0", f"fault stall over the socket: {r.text('fault.txt')!r}")
        w = r.text("watchdog.txt")
        r.expect(r.text("watchdog.rc").strip() == "0", f"the watchdog did not restart the stalled service: {w!r}")
        n = dict(line.split(None, 1) for line in w.splitlines() if line.startswith(("restarts_", "seconds")))
        r.expect(int(n.get("restarts_after", 0)) > int(n.get("restarts_before", 0)), f"NRestarts did not grow: {w!r}")
        r.expect("watchdog timeout" in w.lower(), f"systemd logged no watchdog timeout: {w!r}")

    r.expect(r.text("dpkg-remove.rc").strip() == "0", f"dpkg -r failed: {r.text('dpkg-remove.txt')}")
    removed = r.text("after-remove.txt")
    for f in ["/usr/bin/sideman", "/lib/systemd/system/sideman.service", "/usr/lib/sysusers.d/sideman.conf", "/usr/share/sideman/styles"]:
        r.expect(f"absent {f}" in removed, f"dpkg -r left {f}")
    for f in ["/etc/sideman/sideman.toml", "/var/lib/sideman/styles/notes.txt"]:
        r.expect(f"present {f}" in removed, f"dpkg -r removed {f}")
    r.expect(r.text("dpkg-purge.rc").strip() == "0", f"dpkg --purge failed: {r.text('dpkg-purge.txt')}")
    purged = r.text("after-purge.txt")
    r.expect("absent /etc/sideman/sideman.toml" in purged, f"dpkg --purge kept the configuration: {purged!r}")
    r.expect("present /var/lib/sideman/styles/notes.txt" in purged, f"dpkg --purge removed your files: {purged!r}")
