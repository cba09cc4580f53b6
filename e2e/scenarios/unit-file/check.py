def check(r):
    verify = r.text("verify.txt")
    problems = [l for l in verify.splitlines() if "sideman.service" in l]
    r.expect(r.text("verify.rc").strip() == "0" and not problems,
             "systemd-analyze verify found problems in sideman.service:\n" + verify)
    r.expect("ExecStart=/usr/local/bin/sideman serve" in r.text("cat.txt"), "systemctl cat does not show the unit")
