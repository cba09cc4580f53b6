#!/usr/bin/env python3
"""Host-side assertions on what the VM wrote. Usage: check.py RESULTS_DIR SCENARIO...

Each scenario folder e2e/scenarios/NAME/ holds guest.sh (runs in the VM, writes files into
the folder it is given) and check.py, which defines `check(r)`; `r` is a Results object:
r.text("file"), r.lines("file"), r.expect(condition, "what was expected, and what was seen").
A guest.sh that cannot run (a feature not built yet) writes the reason to the file `skipped`
in its results folder and exits 0; the run reports "skip NAME: reason".
"""
import importlib.util
import sys
from pathlib import Path

E2E = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(E2E / "host"))  # scenario checks may `from audio import ...`


class Results:
    def __init__(self, folder: Path):
        self.folder = folder
        self.failures: list[str] = []

    def path(self, name: str) -> Path:
        return self.folder / name

    def text(self, name: str) -> str:
        p = self.folder / name
        if not p.exists():
            self.failures.append(f"missing result file {name}")
            return ""
        return p.read_text(errors="replace")

    def lines(self, name: str) -> list[str]:
        return [line.rstrip("\n") for line in self.text(name).splitlines()]

    def expect(self, condition: bool, message: str) -> bool:
        if not condition:
            self.failures.append(message)
        return condition


def run(results_dir: Path, scenario: str) -> bool:
    folder = results_dir / scenario
    r = Results(folder)
    if not folder.is_dir():
        print(f"FAIL {scenario}: no results folder (did the guest run it?)")
        return False
    if (folder / "skipped").exists():
        # A scenario that cannot run yet says why; it is reported, never counted as passed.
        print(f"skip {scenario}: {(folder / 'skipped').read_text().strip()}")
        return True
    rc = (folder / "rc").read_text().strip() if (folder / "rc").exists() else "?"
    r.expect(rc == "0", f"guest.sh exited with status {rc}")
    spec = importlib.util.spec_from_file_location(f"check_{scenario}", E2E / "scenarios" / scenario / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        module.check(r)
    except Exception as error:  # a broken check is a failure, with its reason
        r.failures.append(f"check.py raised {type(error).__name__}: {error}")
    if r.failures:
        print(f"FAIL {scenario}:")
        for f in r.failures:
            print(f"  - {f}")
        log = (folder / "log").read_text(errors="replace").splitlines() if (folder / "log").exists() else []
        if log:
            print("  last lines of the guest log:")
            for line in log[-15:]:
                print(f"    | {line}")
        return False
    print(f"ok   {scenario}")
    return True


def main() -> int:
    results_dir = Path(sys.argv[1])
    ok = all([run(results_dir, s) for s in sys.argv[2:]])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
