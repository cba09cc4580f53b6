import re


def check(r):
    verify = r.text("verify.txt")
    problems = [l for l in verify.splitlines() if "sideman.service" in l]
    r.expect(r.text("verify.rc").strip() == "0" and not problems,
             "systemd-analyze verify found problems in sideman.service:\n" + verify)
    r.expect("ExecStart=/usr/local/bin/sideman serve" in r.text("cat.txt"), "systemctl cat does not show the unit")
    security = r.text("security.txt")
    m = re.search(r"Overall exposure level for sideman.service: (\d+\.\d+)", security)
    print(f"  systemd-analyze security: {m.group(0) if m else 'no score'}")
    r.expect(m is not None and float(m.group(1)) <= 2.0,
             f"systemd-analyze security sideman.service: {m.group(0) if m else security[-400:]} (expected 2.0 or less)")
