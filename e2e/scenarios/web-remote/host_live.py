"""The host side of the web-remote scenario: a phone's browser, an API fuzzer and a crowd of
clients against the daemon in the VM, through QEMU's forwarded ports.

Runs while the VM runs (e2e/run.sh starts it). It waits for the guest's "web-remote: ready"
on the VM console, then:
  1. the page in Debian's headless chromium (Selenium, chromium-driver), phone-sized (390x844):
     Start, a chord from the virtual keyboard (how soon the page shows it), Main B, tempo up,
     mute bass (and unmute), a song with a loop, a setlist from the picker; screenshots of each
     view;
  2. load: 20 WebSocket clients on /api/events and 200 requests/s to /api/state for 60 s,
     with the daemon's audio figures and memory before and after;
  3. schemathesis against /api/openapi.yaml (no 5xx, responses match the schema), time-bound;
  4. a request from a public source address (inside the guest), refused.
What it sees goes into its results folder (host/ in the scenario's results, for check.py);
the guest's side (status, marks) through its control port (act.sh), keys through keys.pl.
Usage: host_live.py RESULTS_FOLDER PROJECT_ROOT
"""
import asyncio
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from pathlib import Path

OUT = Path(sys.argv[1])
ROOT = Path(sys.argv[2])
WEB = int(os.environ["E2E_PORT_8080"])
CTL = int(os.environ["E2E_PORT_8090"])
KEYS = int(os.environ["E2E_PORT_8091"])
CONSOLE = Path(os.environ["E2E_CONSOLE"])
BASE = f"http://127.0.0.1:{WEB}"
SHOTS = OUT / "screenshots"
SONG, LOOP = "circle-of-fifths", "1-2"
SETLIST, SETLIST_TITLE, SETLIST_FIRST = "e2e.txt", "E2E set", "blues-major-f"  # guest.sh writes it
CHORDS = [("F", [41, 45, 48]), ("G", [43, 47, 50]), ("C", [36, 40, 43])]
LOAD_SECONDS, LOAD_RATE, LOAD_SOCKETS = 60, 200, 20
QUIET_SECONDS = 30
FUZZ_SECONDS = 120

record: dict = {"steps": [], "errors": []}


def log(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", flush=True)


def save() -> None:
    (OUT / "record.json").write_text(json.dumps(record, indent=1))


def act(*args: str, timeout: float = 120) -> str:
    """One action in the guest (act.sh), its output."""
    url = f"http://127.0.0.1:{CTL}/cgi-bin/act?" + "+".join(args)
    with urllib.request.urlopen(url, timeout=timeout) as reply:
        return reply.read().decode(errors="replace")


def status() -> dict:
    text = act("status")
    try:
        return json.loads(text)
    except ValueError:
        return {"unreadable": text}


def state() -> dict:
    """The daemon's state as the page gets it (GET /api/state): cheap to poll, unlike
    `sideman status` in the guest (a process to start)."""
    with urllib.request.urlopen(BASE + "/api/state", timeout=30) as reply:
        return json.loads(reply.read())


def mark(name: str) -> None:
    act("mark", name)


class Keyboard:
    """The guest's key player (keys.pl, port 8091), over one connection that stays open."""

    def __init__(self):
        import socket
        self.sock = socket.create_connection(("127.0.0.1", KEYS), timeout=60)
        self.reader = self.sock.makefile("r")

    def send(self, status_byte: int, notes: list[int], velocity: int) -> None:
        data = " ".join(f"{status_byte:02X} {n:02X} {velocity:02X}" for n in notes)
        self.sock.sendall((data + "\n").encode())
        self.reader.readline()


def wait_until(what: str, condition, seconds: float = 15, every: float = 0.2):
    """Polls condition() until it is true (returns its value) or the time is up (None)."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            value = condition()
        except Exception:  # a slow answer is one more try
            value = None
        if value:
            return value
        time.sleep(every)
    record["errors"].append(f"timed out after {seconds:.0f} s waiting for {what}")
    return None


def step(name: str, **facts) -> None:
    entry = {"step": name, "time": time.time(), **facts}
    record["steps"].append(entry)
    log(f"step {name}: {json.dumps(facts)[:300]}")
    save()


def wait_ready() -> bool:
    """The guest writes "web-remote: ready" on the console once the daemon and its control
    port are up ("skipped" when there is nothing to test)."""
    while True:
        text = CONSOLE.read_text(errors="replace") if CONSOLE.exists() else ""
        if "web-remote: ready" in text:
            return True
        if "web-remote: skipped" in text or "guest: web-remote rc=" in text:
            return False
        time.sleep(0.5)


# ------------------------------------------------------------------------------------ browser
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--lang=en-US"):
        options.add_argument(arg)
    # A phone: 390 x 844 CSS pixels (an iPhone 12-15's screen), touch, at 1 pixel per pixel
    # so that a screenshot is exactly 390 x 844.
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1.0, "touch": True},
        "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                     "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"})
    service = Service(executable_path="/usr/bin/chromedriver", log_output=str(OUT / "chromedriver.log"))
    return webdriver.Chrome(service=service, options=options)


def find(driver, *selectors):
    """The first element that one of the selectors finds: (By, value) pairs, the stable ids
    first, then text or attributes. Records which one it took."""
    from selenium.common.exceptions import NoSuchElementException
    for by, value in selectors:
        try:
            element = driver.find_element(by, value)
            record.setdefault("selectors", {})[selectors[0][1]] = f"{by}={value}"
            return element
        except NoSuchElementException:
            continue
    raise RuntimeError(f"the page has none of {selectors}")


def tap(driver, element) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0);")
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    record.setdefault("screenshots", []).append(name)


def page_state(driver) -> dict:
    return driver.execute_script("""
        const t = (id) => { const e = document.getElementById(id); return e ? e.textContent : null; };
        return {chord: t('chord'), next: t('next-chord'), section: t('section'), bar: t('bar'), beat: t('beat'),
                bpm: t('bpm'), start: t('start'), song: t('song-line'), style: t('style-name'),
                link: document.getElementById('link') && document.getElementById('link').classList.contains('up'),
                width: window.innerWidth, height: window.innerHeight};""")


def guarded(name: str, part) -> None:
    """One part of the run: its failure is recorded, and the next part still runs."""
    try:
        part()
    except Exception as error:
        record["errors"].append(f"{name}: {type(error).__name__}: {error}")
        traceback.print_exc()
    save()


def run_browser() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser()
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(60)

    def tab(name: str, label: str) -> None:
        tap(driver, find(driver, (By.ID, f"tab-{name}"), (By.CSS_SELECTOR, f"[data-tab='{name}']"),
                         (By.XPATH, f"//button[normalize-space()='{label}']")))
        time.sleep(0.5)

    def open_page() -> None:
        driver.get(BASE + "/")
        wait_until("the page's event stream", lambda: page_state(driver)["link"] and page_state(driver)["style"] != "–", 60)
        step("open", page=page_state(driver), status=status())

    def start() -> None:
        mark("tap-start")
        tap(driver, find(driver, (By.ID, "start"), (By.XPATH, "//button[normalize-space()='Start']")))
        wait_until("the band to play", lambda: state().get("playing"), 30)
        wait_until("the page to say Stop", lambda: page_state(driver)["start"] == "Stop", 30)
        mark("started")
        now = status()
        step("start", playing=now.get("playing"), page=page_state(driver), status=now)
        time.sleep(3)

    def chords() -> None:
        # Chords from the virtual keyboard: how soon the page shows each, from just before the
        # host asks the guest's key player for the keys to the page's change, both on the
        # host's clock (time.time(), and Date.now() in the page's observer). An upper bound:
        # it includes the way into the guest, which a real keyboard does not take.
        driver.execute_script("""
            window.__chords = [];
            new MutationObserver(() => window.__chords.push([Date.now(), document.getElementById('chord').textContent]))
              .observe(document.getElementById('chord'), {childList: true, characterData: true, subtree: true});""")
        keyboard = Keyboard()
        for name, notes in CHORDS:
            before = len(driver.execute_script("return window.__chords;"))
            t0 = time.time() * 1000
            keyboard.send(0x90, notes, 100)
            t_sent = time.time() * 1000
            seen = wait_until(f"the page to show {name}", lambda: next(
                (c for c in driver.execute_script("return window.__chords;")[before:] if c[1] == name), None), 30, 0.01)
            step("chord", chord=name, notes=notes, latency_ms=seen[0] - t0 if seen else None,
                 send_ms=t_sent - t0, status_chord=state().get("chord"))
            time.sleep(0.3)
            keyboard.send(0x80, notes, 0)
            if name == "F":
                shot(driver, "1-playing")
            time.sleep(1.0)

    def main_b() -> None:
        mark("tap-main-b")
        tap(driver, find(driver, (By.ID, "section-main-b"), (By.CSS_SELECTOR, "[data-action='main_b']"),
                         (By.XPATH, "//button[normalize-space()='Main B']")))
        wait_until("Main B", lambda: (state().get("section") or "").replace(" ", "").lower() == "mainb", 30)
        now = status()
        step("main-b", page=page_state(driver), status=now)
        time.sleep(2)

    def tempo_up() -> None:
        # The clock on out, counted against the daemon's audio blocks, for 10 s before and
        # after. Tapped until the tempo is 8 BPM up (the arranger moves by its tempo step),
        # so that the change stands well above what the emulated card's jitter does.
        button = find(driver, (By.ID, "tempo-up"), (By.CSS_SELECTOR, "[aria-label='tempo up']"))
        before = status()
        mark("tempo-window-1")
        time.sleep(10)
        mark("tempo-window-1-end")
        status()
        mark("tap-tempo-up")
        taps = 0
        while taps < 6 and state().get("tempo", 0) < before.get("tempo", 0) + 8:
            current = state().get("tempo", 0)
            tap(driver, button)
            taps += 1
            wait_until("a faster tempo", lambda: state().get("tempo", 0) > current, 30)
        status()
        mark("tempo-window-2")
        time.sleep(10)
        mark("tempo-window-2-end")
        after = status()
        step("tempo-up", before=before.get("tempo"), after=after.get("tempo"), taps=taps, page=page_state(driver))

    def mute_bass() -> None:
        tab("mixer", "Mixer")
        bass = find(driver, (By.ID, "mute-bass"), (By.CSS_SELECTOR, "[data-part='bass']"),
                    (By.XPATH, "//button[normalize-space()='Bass']"))
        mark("tap-mute-bass")
        tap(driver, bass)
        wait_until("the Bass button to show muted", lambda: "muted" in (bass.get_attribute("class") or ""), 30)
        time.sleep(1.0)
        mark("bass-muted")
        muted = status()
        time.sleep(5)
        mark("bass-muted-end")
        shot(driver, "3-mixer")
        step("mute-bass", status=muted, classes=bass.get_attribute("class"), page=page_state(driver))
        tap(driver, bass)
        wait_until("the Bass button to show unmuted", lambda: "muted" not in (bass.get_attribute("class") or ""), 30)
        mark("bass-unmuted")
        step("unmute-bass", status=status(), classes=bass.get_attribute("class"))

    def song() -> None:
        # The band stops first (Stop), so that the song starts from its first bar with a MIDI
        # Start on out.
        if state().get("playing"):
            tap(driver, find(driver, (By.ID, "start"), (By.XPATH, "//button[normalize-space()='Stop']")))
            wait_until("the band to stop", lambda: not state().get("playing"), 30)
        tab("practice", "Practice")
        songs = find(driver, (By.ID, "song"), (By.CSS_SELECTOR, "select"))
        wait_until("the song list", lambda: len(Select(songs).options) > 0, 30)
        Select(songs).select_by_value(SONG)
        loop = find(driver, (By.ID, "loop"), (By.CSS_SELECTOR, "input[placeholder='1-4']"))
        loop.clear()
        loop.send_keys(LOOP)
        mark("tap-play")
        tap(driver, find(driver, (By.ID, "play"), (By.XPATH, "//button[normalize-space()='Play song']")))
        wait_until("the song to play", lambda: ((state().get("practice") or {}).get("phase") == "playing"), 60)
        mark("song-playing")
        time.sleep(12)
        mark("song-window-end")
        shot(driver, "2-song")
        step("song", page=page_state(driver), status=status(), status_text=act("status-text"))

    def styles() -> None:
        tab("styles", "Styles")
        time.sleep(1.0)
        shot(driver, "4-styles")
        tab("practice", "Practice")

    def setlist() -> None:
        # The picker lists the setlists folder's files; Load plays the setlist's first song.
        tab("practice", "Practice")
        picker = find(driver, (By.ID, "setlist"))
        listed = lambda: [o.get_attribute("value") for o in Select(picker).options]
        wait_until("the setlist picker", lambda: SETLIST in listed(), 30)
        options = listed()
        Select(picker).select_by_value(SETLIST)
        mark("tap-setlist-load")
        tap(driver, find(driver, (By.ID, "setlist-load")))
        practice = lambda: state().get("practice") or {}
        playing = wait_until("the setlist's first song", lambda: practice().get("song") == SETLIST_FIRST, 60)
        step("setlist", options=options, ok=playing is not None, practice=practice())

    def stop() -> None:
        # The song, and the band if it still plays. Every note must end.
        mark("tap-stop")
        tap(driver, find(driver, (By.ID, "stop-song"), (By.XPATH, "//button[normalize-space()='Stop']")))
        time.sleep(2.0)
        if state().get("playing"):
            tap(driver, find(driver, (By.ID, "start"), (By.XPATH, "//button[normalize-space()='Stop']")))
        stopped = wait_until("the band to stop", lambda: not state().get("playing"), 30)
        time.sleep(2.0)
        mark("quiet")
        step("stop", ok=stopped is not None, status=status())

    try:
        for name, part in (("open", open_page), ("start", start), ("chords", chords), ("main-b", main_b),
                           ("tempo-up", tempo_up), ("mute-bass", mute_bass), ("song", song), ("styles", styles),
                           ("load", run_load), ("setlist", setlist), ("stop", stop)):
            guarded(name, part)
    finally:
        driver.quit()


# --------------------------------------------------------------------------------------- load
def run_load() -> None:
    """20 WebSocket clients listening and 200 GET /api/state a second for 60 s."""
    import websockets

    # The same song without the crowd first: what the emulated sound card does on its own.
    quiet = {"status": status(), "time": time.time()}
    time.sleep(QUIET_SECONDS)
    before = {"status": status(), "proc": act("proc").strip(), "time": time.time()}
    step("quiet", seconds=before["time"] - quiet["time"], before=quiet["status"], after=before["status"])
    mark("load-start")
    stop = threading.Event()
    latencies: list[float] = []
    codes: dict[str, int] = {}
    lock = threading.Lock()

    def requester(rate: float) -> None:
        conn = None
        next_at = time.time()
        while not stop.is_set():
            now = time.time()
            if now < next_at:
                time.sleep(next_at - now)
            next_at += 1 / rate
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", WEB, timeout=10)
                t = time.time()
                conn.request("GET", "/api/state")
                reply = conn.getresponse()
                reply.read()
                key = str(reply.status)
                dt = time.time() - t
            except Exception as error:  # a refused or dropped connection counts, and reconnects
                key, dt = type(error).__name__, None
                conn = None
            with lock:
                codes[key] = codes.get(key, 0) + 1
                if dt is not None:
                    latencies.append(dt)

    workers = 16
    threads = [threading.Thread(target=requester, args=(LOAD_RATE / workers,)) for _ in range(workers)]
    frames = [0] * LOAD_SOCKETS
    opened = [False] * LOAD_SOCKETS
    dropped = [0]

    async def listener(i: int) -> None:
        while not stop.is_set():
            try:
                async with websockets.connect(f"ws://127.0.0.1:{WEB}/api/events", open_timeout=20,
                                              max_size=2 ** 20) as ws:
                    opened[i] = True
                    while not stop.is_set():
                        try:
                            await asyncio.wait_for(ws.recv(), 0.5)
                            frames[i] += 1
                        except asyncio.TimeoutError:
                            continue
            except Exception:
                dropped[0] += 1
                await asyncio.sleep(0.5)

    async def crowd() -> None:
        await asyncio.gather(*(listener(i) for i in range(LOAD_SOCKETS)))

    loop_thread = threading.Thread(target=lambda: asyncio.run(crowd()))
    loop_thread.start()
    wait_until("20 WebSocket clients", lambda: all(opened), 30)
    t_start = time.time()
    for t in threads:
        t.start()
    samples = []
    while time.time() - t_start < LOAD_SECONDS:
        time.sleep(10)
        samples.append({"t": time.time() - t_start, "proc": act("proc").strip()})
    stop.set()
    for t in threads:
        t.join()
    loop_thread.join(timeout=10)
    elapsed = time.time() - t_start
    mark("load-end")
    after = {"status": status(), "proc": act("proc").strip(), "time": time.time()}
    ok = codes.get("200", 0)
    lat = sorted(latencies)
    pct = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else None)
    step("load", seconds=elapsed, requests=sum(codes.values()), ok=ok, codes=codes,
         rate=sum(codes.values()) / elapsed, p50_ms=pct(0.5), p99_ms=pct(0.99), max_ms=pct(1.0),
         sockets_open=sum(opened), socket_frames=frames, socket_reconnects=dropped[0],
         before=before, after=after, samples=samples)


# ------------------------------------------------------------------------------- schemathesis
def tool_error_only(text: str) -> bool:
    """Whether a failed schemathesis run found nothing wrong with the API and stopped on an
    error inside its own Python stack (a generator crash such as CPython's "AST constructor
    recursion depth mismatch"): no failure section, and every error counted is a runtime error
    of the tool, not a network error or a timeout reaching the daemon."""
    if re.search(r"^=+ FAILURES =+$|^Failures:", text, re.M):
        return False
    errors = re.findall(r"^\s*\S+\s+([A-Za-z ]+ Error): \d+$", text, re.M)
    return bool(errors) and all(kind == "Runtime Error" for kind in errors)


def run_schemathesis() -> None:
    """Up to three runs, each with a fresh seed: a run that stopped on the tool's own crash is
    run again (and said so); a run that found a failure in the API is final."""
    st = ROOT / ".build-e2e" / "venv" / "bin" / "st"
    report = OUT / "schemathesis"
    report.mkdir(exist_ok=True)
    command = [str(st), "run", f"{BASE}/api/openapi.yaml", "--url", BASE,
               "--checks", "not_a_server_error,response_schema_conformance",
               "--phases", "examples,coverage,fuzzing", "--max-time", str(FUZZ_SECONDS),
               "--max-examples", "40", "--workers", "2", "--request-timeout", "10",
               "--report", "junit,ndjson", "--report-dir", str(report), "--no-color"]
    t = time.time()
    crashes = []
    for attempt in range(3):
        with open(OUT / "schemathesis.txt", "w") as output:
            rc = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, timeout=FUZZ_SECONDS + 120, cwd=OUT,
                                env={**os.environ, "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"}).returncode
        text = (OUT / "schemathesis.txt").read_text(errors="replace")
        if rc == 0 or not tool_error_only(text):
            break
        crash = [l.strip() for l in text.splitlines() if re.search(r"^\s*\w+Error: ", l)]
        crashes.append(crash[-1] if crash else "runtime error")
        shutil.copy(OUT / "schemathesis.txt", OUT / f"schemathesis-crash-{attempt + 1}.txt")
    step("schemathesis", rc=rc, seconds=time.time() - t, command=" ".join(command[1:]), tool_crashes=crashes)


# ------------------------------------------------------------------------------------ refusal
def run_public() -> None:
    """From 203.0.113.5 (a public address inside the guest): the unit's filter drops it; let
    through the filter, the daemon answers 403 itself. From 10.0.2.15: 200."""
    private = act("private")
    public = act("public", timeout=30)
    allowed = act("allow-public")
    public_app = act("public", timeout=30)
    step("public", private=private[:400], public=public[:400], allow=allowed[:400], public_past_filter=public_app[:600],
         journal=act("journal", "60"))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["SE_OFFLINE"] = "true"  # Selenium must never fetch a browser or a driver
    log(f"waiting for the guest (web {BASE}, control port {CTL})")
    if not wait_ready():
        log("the guest skipped the scenario")
        return 0
    t0 = time.time()
    for part in (run_browser, run_schemathesis, run_public):
        guarded(part.__name__, part)
    record["seconds"] = time.time() - t0
    save()
    if os.environ.get("E2E_SAVE_SCREENSHOTS") == "1" and SHOTS.exists():
        target = ROOT / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        for png in SHOTS.glob("*.png"):
            shutil.copy(png, target / f"web-remote-{png.name}")
        log(f"screenshots copied to {target}")
    try:
        act("finish")
    except Exception:
        traceback.print_exc()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        try:
            act("finish", timeout=5)
        except Exception:
            pass
