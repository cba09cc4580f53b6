import json

from audio import loudest_after, read_wav
from memory import grown_mappings, heap_figures, smaps_resident
from midi_out import aseqdump_notes, rss_samples, unmatched


def check(r):
    minutes = float(r.text("minutes").strip() or 10) if r.path("minutes").exists() else 10
    r.expect(r.text("aplaymidi.rc").strip() == "0", f"aplaymidi failed: {r.text('aplaymidi.txt').strip()[:300]}")
    pid = r.text("serve.pid").strip()
    main_pid, restarts, state = (r.text("after.txt").split() + ["?"] * 3)[:3]
    r.expect(main_pid == pid and restarts == "0" and state == "active",
             f"the daemon did not stay up: pid {pid}, at the end MainPID {main_pid}, NRestarts {restarts}, {state}")
    journal = r.lines("journal-serve.txt")
    # systemd's own line when the keep-alive stops ("Watchdog timeout (limit 10s)!").
    watchdog = [line for line in journal if "systemd" in line and "atchdog timeout" in line]
    r.expect(not watchdog, f"the watchdog fired: {watchdog[:2]}")
    r.expect(r.text("serve.rc").strip() == "0", f"sideman serve exited with {r.text('serve.rc').strip()} when stopped")

    # RSS flat after warm-up: the first half of the run, at least 2 minutes. RSS rises in steps
    # while styles and instruments are met for the first time (their samples paged in).
    samples = rss_samples(r.lines("rss.txt"))
    if r.expect(len(samples) >= 12, f"too few RSS samples ({len(samples)})"):
        t0 = samples[0][0]
        warm = max(120.0, minutes * 60 / 2)
        after = [s for s in samples if s[0] - t0 >= warm]
        first = [s[1] for s in after if s[0] - after[0][0] < 60]
        last = [s[1] for s in after if after[-1][0] - s[0] < 60]
        if r.expect(first and last, "no samples after the warm-up"):
            growth = (sum(last) / len(last) - sum(first) / len(first)) / 1024
            fds = [s[2] for s in after]
            print(f"  soak: {minutes:g} min; RSS {samples[0][1] / 1024:.1f} MB at start, {sum(first) / len(first) / 1024:.2f} MB "
                  f"after {warm:.0f} s warm-up, {sum(last) / len(last) / 1024:.2f} MB in the last minute "
                  f"(growth {growth * 1024:.0f} kB, peak {max(s[1] for s in samples) / 1024:.1f} MB); open files {min(fds)}–{max(fds)}")
            r.expect(growth < 1.0, f"RSS grew {growth:.2f} MB after the warm-up (bound 1 MB)")
            r.expect(max(fds) - min(fds) <= 2, f"open files went {min(fds)}..{max(fds)} after the warm-up")

    # No stuck notes: on out every note-on has its note-off; in the audio, silence once the
    # band has stopped and its release tails died away.
    dumped = aseqdump_notes(r.lines("out-dump.txt"))
    ons = sum(1 for on, _, _ in dumped if on)
    left, _ = unmatched(dumped)
    r.expect(ons > 100, f"aseqdump saw only {ons} note-ons on Sideman:1")
    r.expect(not left, f"note-ons on out without note-off (channel, note: count): {dict(list(left.items())[:10])}")
    if r.path("capture.wav").exists():
        wav = read_wav(r.path("capture.wav"))
        level = loudest_after(wav.samples, wav.rate, 1.0)
        print(f"  soak: out carried {ons} note-ons, all released; after the stop the loudest 20 ms is {level:.1f} dBFS")
        r.expect(level < -50, f"sound after the band stopped and every key was released: {level:.1f} dBFS (a stuck note?)")
    else:
        r.expect(False, f"no capture.wav: {r.text('arecord.err')}")

    # Reloads applied; late callbacks (likely xruns) counted and reported.
    try:
        status = json.loads(r.text("status-after.json"))
    except ValueError:
        status = {}
    hups = len(r.lines("reloads.txt")) if r.path("reloads.txt").exists() else 0
    r.expect(status.get("reloads") == hups and not status.get("last_reload_error"),
             f"{hups} reloads sent, status says {status.get('reloads')} applied, last error {status.get('last_reload_error')}")
    # The style files do not change: a reload compiles none of them again (nothing rebuilt,
    # nothing for the heap to fragment).
    reloaded = [line for line in journal if line.endswith(" reloaded")]
    compiled = [line.split("compiled=", 1)[1].split()[0] for line in reloaded if "compiled=" in line]
    r.expect(len(compiled) == len(reloaded) and all(c == "0" for c in compiled),
             f"reloads compiled styles again though no file changed: {compiled or reloaded[:2]}")
    late, heap = [], []
    for line in r.lines("status-minutes.txt"):
        try:
            minute = json.loads(line.split(" ", 1)[1])
        except (ValueError, IndexError):
            continue
        late.append(minute.get("late_callbacks"))
        heap.append(heap_figures(minute))
    heap = [h for h in heap if h]
    if r.expect(len(heap) >= 4, f"the status gave heap figures {len(heap)} times (memory missing?)"):
        print("  soak: heap in use / free per minute (MB): "
              + ", ".join(f"{h[1] / 1024:.1f}/{h[2] / 1024:.1f}" for h in heap))
        # A leak grows the heap in use; fragments the allocator keeps do not. A reload may hold
        # a second style for a moment: the lowest reading of each stretch is compared.
        later = heap[len(heap) // 2:]
        growth = min(h[1] for h in later[-2:]) - min(h[1] for h in later[:-2] or later)
        r.expect(growth < 512, f"heap in use grew {growth} kB in the second half of the run (bound 512 kB): a leak")
    if r.path("smaps-warm.txt").exists() and r.path("smaps-end.txt").exists():
        grown = grown_mappings(smaps_resident(r.text("smaps-warm.txt")), smaps_resident(r.text("smaps-end.txt")))
        print(f"  soak: resident set from the warm-up to the end, by mapping: {', '.join(grown) or 'unchanged'}")
    print(f"  soak: {hups} reloads; late callbacks (likely xruns) per minute, cumulative: {late}; at the end {status.get('late_callbacks')}; "
          f"blocks {status.get('blocks')}")
