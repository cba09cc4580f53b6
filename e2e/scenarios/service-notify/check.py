import json


def load(r, name):
    try:
        return json.loads(r.text(name))
    except (ValueError, OSError):
        return None


def check(r):
    r.expect("Loopback" not in r.text("cards-before.txt"), f"the loopback card was not removed: {r.text('cards-before.txt')!r}")
    nowait = r.text("nowait.log").strip().splitlines()
    r.expect(r.text("nowait.rc").strip() not in ("", "0"), "serve without --wait and without a card should exit non-zero")
    r.expect(any("sideman serve: cannot open the sound card 'hw:Loopback,0,0'" in l for l in nowait),
             f"serve without --wait: expected one line naming the sound card, got {nowait[-3:]}")

    waiting = r.text("waiting.txt").strip()
    r.expect(waiting == "activating|waiting for sound card hw:Loopback,0,0",
             f"while the card is missing: expected 'activating|waiting for sound card hw:Loopback,0,0', got {waiting!r}")
    later = r.text("waiting-later.txt").strip()
    r.expect(later.startswith("activating|"), f"18 s later (start timeout 15 s, extended by the daemon): {later!r}")
    r.expect("waiting (waiting for sound card hw:Loopback,0,0)" in r.text("status-waiting.txt"),
             f"sideman status while waiting: {r.text('status-waiting.txt')!r}")
    r.expect(r.text("active.txt").strip() == "active", f"after the card appeared the unit is {r.text('active.txt').strip()!r}")
    times = dict(line.split() for line in r.lines("times.txt"))
    if "card" in times and "active" in times:
        took = float(times["active"]) - float(times["card"])
        r.expect(took < 15, f"the unit took {took:.1f} s to become active after the card appeared")

    journal = r.text("journal.txt")
    serving = journal.find("serving")
    started = journal.find("Started ")
    r.expect(serving >= 0 and started > serving,
             "the journal should show the daemon's 'serving' line before systemd's 'Started' (READY after audio runs)")
    r.expect("waiting for sound card hw:Loopback,0,0" in journal, "no 'waiting for sound card' line in the journal")
    r.expect(r.text("statustext-ready.txt").startswith("bossa-nova, "), f"STATUS after READY: {r.text('statustext-ready.txt')!r}")

    status = load(r, "status.json")
    r.expect(status is not None, f"sideman status --json: {r.text('status.json')!r}")
    if status:
        r.expect(status.get("state") == "running", f"status state {status.get('state')!r}")
        r.expect(status.get("style") == "bossa-nova", f"status style {status.get('style')!r}")
        r.expect(status.get("audio_device") == "hw:Loopback,0,0", f"status audio device {status.get('audio_device')!r}")
        r.expect(any("VirMIDI" in i or "Virtual" in i for i in status.get("inputs", [])), f"status inputs {status.get('inputs')}")
        r.expect(status.get("blocks", 0) > 0, "status: the engine has not advanced")
    r.expect("style:" in r.text("status.txt") and "late callbacks:" in r.text("status.txt"), f"sideman status text: {r.text('status.txt')!r}")

    playing = load(r, "status-playing.json")
    r.expect(playing is not None and playing.get("playing") is True and playing.get("chord") == "C",
             f"after the C major chord: {playing}")
    r.expect(r.text("statustext-playing.txt").startswith("bossa-nova, ") and "playing" in r.text("statustext-playing.txt"),
             f"STATUS while playing: {r.text('statustext-playing.txt')!r}")

    r.expect(r.text("after-bad.txt").strip() == "active", f"after a bad reload the unit is {r.text('after-bad.txt').strip()!r}")
    refused = [l for l in journal.splitlines() if "reload refused" in l]
    r.expect(len(refused) == 1 and "/tmp/notify.toml:2: keyboard.split_point:" in refused[0],
             f"a bad reload: expected one line naming /tmp/notify.toml:2: keyboard.split_point, got {refused}")
    bad = load(r, "status-bad-reload.json")
    r.expect(bad is not None and bad.get("style") == "bossa-nova" and bad.get("reloads") == 0 and bad.get("last_reload_error"),
             f"status after the bad reload: {bad}")
    good = load(r, "status-reloaded.json")
    r.expect(good is not None and good.get("style") == "medium-swing" and good.get("reloads") == 1,
             f"status after the good reload: {good}")
    if good:
        r.expect(abs(good.get("tempo", 0) - 150) < 0.5, f"tempo after the reload: {good.get('tempo')}")
    r.expect(r.text("statustext-reloaded.txt").startswith("medium-swing, 150 bpm"), f"STATUS after reload: {r.text('statustext-reloaded.txt')!r}")

    r.expect(any(l.endswith(" stopped") and "silenced=true" in l for l in journal.splitlines()),
             "no 'stopped' line with silenced=true after systemctl stop")
    r.expect("Deactivated successfully" in journal or "Succeeded" in journal, "the unit did not stop cleanly (exit 0)")
    r.expect(r.text("status-after-stop.rc").strip() != "0" and "no daemon listening" in r.text("status-after-stop.txt"),
             f"sideman status after stop: {r.text('status-after-stop.txt')!r}")
