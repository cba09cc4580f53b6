import re


def check(r):
    out = re.sub(r"\x1b\[[0-9;]*m", "", r.text("tests.txt"))
    r.expect(r.text("tests.rc").strip() == "0", "the tests failed:\n" + "\n".join(
        l for l in out.splitlines() if "✘" in l or "recorded an issue" in l))
    r.expect("skipped" not in out, "tests were skipped in the VM: " + "; ".join(l for l in out.splitlines() if "skipped" in l))
    for name in ("opensTheClientWithItsPorts", "aSecondClientHearsWhatTheFirstSends", "stopsCleanlyTwiceAndStartsAgain"):
        r.expect(re.search(rf"✔ Test {name}\(\) passed", out) is not None, f"{name} did not pass in the VM")
    r.expect(re.search(r"✔ Test run with \d+ tests", out) is not None, "no test run summary")
