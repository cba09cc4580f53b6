"""The daemon's memory as the guest saw it: its mappings (/proc/PID/smaps) and its heap figures
(`sideman status --json`, "memory")."""


def smaps_resident(text):
    """{mapping: resident kB} from a /proc/PID/smaps dump. An anonymous mapping is named by its
    start address, which stays put while it grows (glibc's thread arenas grow up inside a 64 MB
    reservation), with its size now."""
    out = {}
    name = None
    for line in text.splitlines():
        head = line.split()
        if not head:
            continue
        if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            start, end = (int(x, 16) for x in head[0].split("-"))
            size_mb = (end - start) / (1 << 20)
            name = head[5] if len(head) >= 6 else f"[anon {start:x}, {size_mb:.1f} MB]"
        elif head[0] == "Rss:" and name is not None:
            out[name] = out.get(name, 0) + int(head[1])
    return out


def grown_mappings(before, after, limit=6):
    """The mappings whose resident set changed most, as "name +N kB" strings."""
    def key(name):  # an anonymous mapping's size may have changed: its address names it
        return name.split(",")[0] if name.startswith("[anon ") else name
    before = {key(n): v for n, v in before.items()}
    labels = {key(n): n for n in after}
    after = {key(n): v for n, v in after.items()}
    names = set(before) | set(after)
    deltas = sorted(((after.get(n, 0) - before.get(n, 0), n) for n in names), reverse=True)
    return [f"{labels.get(n, n)} {d:+d} kB" for d, n in deltas[:limit] if d != 0]


def heap_figures(status):
    """(resident, heap in use, heap free) in kB from a status report, or None."""
    memory = (status or {}).get("memory") or {}
    keys = ("resident_kilobytes", "heap_in_use_kilobytes", "heap_free_kilobytes")
    if not all(k in memory for k in keys):
        return None
    return tuple(memory[k] for k in keys)
