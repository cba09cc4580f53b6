import json


def check(r):
    times = dict((line.split()[0], line.split()[1:]) for line in r.lines("times.txt"))
    r.expect("active" in times, "the watchdog unit never became active")
    first = times.get("active", ["", "", "?"])[2]
    status = r.text("statustext.txt").strip()
    r.expect(status == "rock-8beat, 120 bpm: waiting for a keyboard", f"STATUS with no input connected: {status!r}")
    fed = r.text("fed.txt").split()
    r.expect(len(fed) == 3 and fed[0] == "active" and fed[1] == first and fed[2] == "0",
             f"12 s after start (watchdog 10 s) expected the same process {first} active with 0 restarts, got {fed}")
    try:
        before = json.loads(r.text("status-before.json"))
    except ValueError:
        before = {}
    r.expect(before.get("blocks", 0) > 0 and before.get("state") == "running", f"status before the fault: {before}")
    r.expect(r.text("stall.txt").startswith("ok: engine stalled"), f"fault stall answered {r.text('stall.txt')!r}")
    after = r.text("after.txt").split()
    r.expect(len(after) == 3 and after[0] == "active" and after[1] != first and after[2] == "1",
             f"after the stall expected a new process (not {first}) active after 1 restart, got {after}")
    if "stall" in times and "restarted" in times:
        took = float(times["restarted"][0]) - float(times["stall"][0])
        r.expect(took < 30, f"the restart took {took:.1f} s after the stall (watchdog 10 s)")
    journal = r.text("journal.txt")
    r.expect("no watchdog keep-alive" in journal, "the daemon never logged that it withheld the keep-alive")
    r.expect("Watchdog timeout" in journal, "systemd never logged a watchdog timeout")
    try:
        restarted = json.loads(r.text("status-after.json"))
    except ValueError:
        restarted = {}
    r.expect(restarted.get("state") == "running" and restarted.get("blocks", 0) > 0, f"status after the restart: {restarted}")
