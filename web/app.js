// Sideman web remote: one page, no build step. State arrives on the /api/events WebSocket
// (the full state on connect, then every change); taps go to the JSON API with X-Sideman: 1.
"use strict";
const $ = (id) => document.getElementById(id);
let state = null;
let styles = [];
let genre = "";

async function api(path, body, method) {
  const init = { method: method || (body === undefined ? "GET" : "POST"), headers: { "X-Sideman": "1" } };
  if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  try {
    const r = await fetch("/api/" + path, init);
    if (r.status === 401) { location.href = "/login"; return null; }
    const data = await r.json();
    if (!r.ok) { toast(data.error || ("error " + r.status)); return null; }
    if (data && data.sequence !== undefined) show(data);
    return data;
  } catch (e) { toast("No answer from the box: " + e.message); return null; }
}

function toast(text) {
  const t = $("toast"); t.textContent = text; t.classList.add("show");
  clearTimeout(toast.timer); toast.timer = setTimeout(() => t.classList.remove("show"), 3500);
}

function show(s) {
  if (state && s.sequence < state.sequence && s.sequence > 1) return; // an older answer
  const before = state;
  state = s;
  const p = s.practice || {};
  const chart = p.mode === "chart" && p.song;
  $("chord").textContent = (chart ? p.chord : s.chord) || s.chord || "–";
  $("next-chord").textContent = s.next_chord || "–";
  $("section").textContent = s.playing ? (s.section || p.section || "playing") : (chart ? p.phase : "stopped");
  const bars = chart && p.bars ? "/" + p.bars : "";
  $("bar").textContent = s.bar != null ? s.bar + bars : "–";
  $("beat").textContent = s.beat != null ? s.beat : "–";
  showBeats(s.beats_per_bar || 4, s.beat);
  const bits = [];
  if (p.song) bits.push(p.title || p.song);
  if (p.key) bits.push("key " + p.key);
  if (p.loop) bits.push("loop " + p.loop + (p.chorus ? " · pass " + p.chorus : ""));
  if (p.display && p.display !== "concert") bits.push("for " + p.display + " (concert " + (p.concert_chord || "–") + ")");
  if (p.setlist) bits.push(p.setlist + " " + p.setlist_position + "/" + p.setlist_count);
  $("song-line").textContent = bits.join(" · ");
  $("bpm").textContent = Math.round((p.tempo || s.tempo) * 10) / 10;
  $("style-name").textContent = s.style;
  $("mode").textContent = p.mode || "arranger";
  const start = $("start");
  start.textContent = s.playing ? "Stop" : "Start";
  start.classList.toggle("playing", s.playing);
  document.querySelectorAll("#sections button").forEach((b) => {
    b.classList.toggle("on", !!s.section && b.dataset.section === s.section);
  });
  document.querySelectorAll("#style-list button").forEach((b) => b.classList.toggle("on", b.dataset.name === s.style));
  showParts(s.parts || []);
  showRecorder(s.record, before && before.record);
}

function showBeats(n, beat) {
  const beats = $("beats");
  if (beats.children.length !== n) { beats.innerHTML = ""; for (let i = 0; i < n; i++) beats.appendChild(document.createElement("span")); }
  [...beats.children].forEach((b, i) => { b.className = (beat === i + 1 ? "on" : "") + (i === 0 ? " first" : ""); });
}

// The mixer: a slider being dragged is not moved under the finger by the state.
let dragging = null;
function showParts(parts) {
  parts.forEach((part) => {
    const mute = $("mute-" + part.part), slider = $("volume-" + part.part), out = $("volume-" + part.part + "-value");
    if (!mute) return;
    mute.classList.toggle("muted", part.muted);
    mute.setAttribute("aria-pressed", part.muted ? "true" : "false");
    if (part.volume != null) {
      if (dragging !== part.part) slider.value = part.volume;
      out.textContent = part.volume;
    }
  });
}

let volumeTimer = null;
function sendVolume(key, value) {
  clearTimeout(volumeTimer);
  volumeTimer = setTimeout(() => api("parts/" + key, { volume: Number(value) }), 120);
}

// The recorder: the take running, a refusal (too little free space), the list when a take ends.
function showRecorder(r, old) {
  const badge = $("rec-badge");
  badge.hidden = !r || (r.state !== "recording" && r.state !== "armed");
  if (r) badge.textContent = r.state === "armed" ? "ARMED" : "REC " + (r.seconds != null ? clock(r.seconds) : "");
  badge.classList.toggle("armed", !!r && r.state === "armed");
  const line = $("record-state");
  if (!r) { line.textContent = "The recorder is not running yet."; return; }
  let text = { idle: "Not recording", armed: "Armed: the next note starts a take", recording: "Recording", refused: "Refused" }[r.state] || r.state;
  if (r.take) text += " “" + r.take + "”" + (r.seconds != null ? " " + clock(r.seconds) : "");
  if (r.problem) text += " — " + r.problem;
  if (r.free_mb != null) text += " · " + r.free_mb + " MB free";
  line.textContent = text;
  line.classList.toggle("error", r.state === "refused" || !!r.problem);
  if (old && (old.state !== r.state || old.last_take !== r.last_take) && !$("panel-takes").hidden) loadTakes();
}

function clock(seconds) {
  const s = Math.floor(seconds);
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

async function loadTakes() {
  const takes = await api("recordings");
  if (!takes) return;
  const list = $("recordings"); list.innerHTML = "";
  $("no-takes").hidden = takes.length > 0;
  takes.slice().reverse().forEach((t) => {
    const li = document.createElement("li"); li.className = "take";
    const title = document.createElement("div"); title.className = "take-name";
    title.textContent = t.name + (t.recording ? " (recording)" : "") + (t.incomplete ? " (cut short)" : "");
    const info = document.createElement("small");
    info.textContent = (t.seconds != null ? clock(t.seconds) + " · " : "") + Math.round(t.bytes / 1024) + " KiB";
    title.appendChild(info);
    const row = document.createElement("div"); row.className = "row";
    if (t.audio_url) {
      const play = document.createElement("button"); play.textContent = "▶ Play"; play.className = "take-play";
      play.addEventListener("click", () => {
        const player = $("player");
        player.src = t.audio_url; $("player-title").textContent = t.name; $("player-box").hidden = false;
        player.play().catch((e) => toast("Cannot play: " + e.message));
      });
      row.appendChild(play);
      row.appendChild(link(t.audio_url, "Audio", t.name + "." + (t.audio_type === "audio/wav" ? "wav" : "flac")));
    }
    if (t.midi_url) row.appendChild(link(t.midi_url, "MIDI", t.name + ".mid"));
    const del = document.createElement("button"); del.textContent = "Delete"; del.className = "danger take-delete";
    del.disabled = t.recording;
    del.addEventListener("click", async () => {
      if (!confirm("Delete the take “" + t.name + "” (MIDI and audio)?")) return;
      if (await api("recordings/" + encodeURIComponent(t.name), undefined, "DELETE")) loadTakes();
    });
    row.appendChild(del);
    li.appendChild(title); li.appendChild(row); list.appendChild(li);
  });
}

function link(href, text, filename) {
  const a = document.createElement("a"); a.href = href; a.textContent = "⬇ " + text; a.className = "button";
  a.setAttribute("download", filename);
  return a;
}

// The event stream, reconnecting by itself (the daemon restarts, the phone sleeps).
let socket = null, retry = 500;
function connect() {
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/events");
  socket = ws;
  ws.onopen = () => { $("link").classList.add("up"); retry = 500; };
  ws.onmessage = (m) => { try { show(JSON.parse(m.data)); } catch (e) { /* ignore a bad frame */ } };
  ws.onclose = () => {
    $("link").classList.remove("up");
    if (socket === ws) setTimeout(connect, retry);
    retry = Math.min(retry * 2, 5000);
  };
  ws.onerror = () => ws.close();
}
document.addEventListener("visibilitychange", () => {
  if (!document.hidden && (!socket || socket.readyState > 1)) connect();
});

function bind() {
  document.querySelectorAll("[data-action]").forEach((b) => b.addEventListener("click", () => api("control/" + b.dataset.action, {})));
  document.querySelectorAll("[data-tempo]").forEach((b) => b.addEventListener("click", () => api("tempo", { by: Number(b.dataset.tempo) })));
  // A toggle the box does itself: two phones pressing at once end where two presses should.
  document.querySelectorAll("[data-part]").forEach((b) => b.addEventListener("click", () => api("parts/" + b.dataset.part + "/mute", {})));
  document.querySelectorAll("[data-volume]").forEach((s) => {
    const key = s.dataset.volume;
    s.addEventListener("pointerdown", () => { dragging = key; });
    s.addEventListener("input", () => { $("volume-" + key + "-value").textContent = s.value; sendVolume(key, s.value); });
    s.addEventListener("change", () => { dragging = null; sendVolume(key, s.value); });
  });
  document.querySelectorAll("[data-mode]").forEach((b) => b.addEventListener("click", () => api("mode", { mode: b.dataset.mode })));
  document.querySelectorAll("[data-tab]").forEach((b) => b.addEventListener("click", () => openTab(b.dataset.tab)));
  $("play").addEventListener("click", () => {
    const req = { song: $("song").value };
    const loop = $("loop").value.trim(); if (loop) req.loop = loop;
    const ramp = $("ramp").value.trim(); if (ramp) req.ramp = ramp;
    if ($("keys").value) req.keys = $("keys").value;
    if ($("count-in").value) req.count_in = Number($("count-in").value);
    const breaks = $("breaks").value.trim(); if (breaks) req.breaks = breaks;
    if ($("display").value) req.display = $("display").value;
    if ($("metronome").checked) req.metronome = true;
    api("play", req);
  });
  $("stop-song").addEventListener("click", () => api("stop", {}));
  $("loop-toggle").addEventListener("click", () => api("loop", {}));
  $("next-song").addEventListener("click", () => api("setlist/next", {}));
  $("prev-song").addEventListener("click", () => api("setlist/previous", {}));
  $("setlist-load").addEventListener("click", () => { if ($("setlist").value) api("setlist/load", { name: $("setlist").value }); });
  $("record-start").addEventListener("click", () => api("record/start", {}));
  $("record-stop").addEventListener("click", () => api("record/stop", {}));
  $("record-arm").addEventListener("click", () => api("record/arm", {}));
  $("style-search").addEventListener("input", renderStyles);
}

// A tab by name; the address keeps it (#mixer), so that a reload or a bookmark opens it again.
function openTab(name) {
  if (!$("panel-" + name)) return;
  document.querySelectorAll("[data-tab]").forEach((t) => t.classList.toggle("on", t.dataset.tab === name));
  document.querySelectorAll(".panel").forEach((p) => { p.hidden = p.id !== "panel-" + name; });
  if (location.hash !== "#" + name) history.replaceState(null, "", "#" + name);
  if (name === "takes") loadTakes();
  if (name === "practice") loadSetlists();
}

// The setlists folder's setlists; one that does not parse is shown with its error, not
// loadable. None: the picker gives way to "No setlists".
async function loadSetlists() {
  const setlists = (await api("setlists")) || [];
  const sel = $("setlist"), chosen = sel.value;
  sel.innerHTML = "";
  setlists.forEach((s) => {
    const o = document.createElement("option"); o.value = s.name;
    if (s.error) { o.disabled = true; o.textContent = s.name + " ⚠ " + s.error; o.title = s.error; }
    else o.textContent = (s.title || s.name) + " · " + s.songs + (s.songs === 1 ? " song" : " songs");
    sel.appendChild(o);
  });
  const loadable = setlists.filter((s) => !s.error);
  if (loadable.some((s) => s.name === chosen)) sel.value = chosen;
  else if (loadable.length) sel.value = loadable[0].name;
  $("setlist-row").hidden = setlists.length === 0;
  $("no-setlists").hidden = setlists.length > 0;
  $("setlist-load").disabled = loadable.length === 0;
}

function renderStyles() {
  const q = $("style-search").value.trim().toLowerCase();
  const list = $("style-list"); list.innerHTML = "";
  styles.filter((s) => (!genre || s.genre === genre) && (!q || (s.name + " " + s.title + " " + s.genre).toLowerCase().includes(q)))
    .forEach((s) => {
      const li = document.createElement("li"); const b = document.createElement("button");
      b.dataset.name = s.name; b.textContent = s.title; const g = document.createElement("small"); g.textContent = s.genre; b.appendChild(g);
      b.classList.toggle("on", state && state.style === s.name);
      b.addEventListener("click", () => api("styles/select", { index: s.index }));
      li.appendChild(b); list.appendChild(li);
    });
}

async function load() {
  const st = await api("styles"); if (st) styles = st;
  const genres = [...new Set(styles.map((s) => s.genre))].sort();
  const chips = $("genres"); chips.innerHTML = "";
  ["", ...genres].forEach((g) => {
    const b = document.createElement("button"); b.textContent = g || "All"; b.classList.toggle("on", g === genre);
    b.addEventListener("click", () => { genre = g; [...chips.children].forEach((c) => c.classList.toggle("on", c === b)); renderStyles(); });
    chips.appendChild(b);
  });
  renderStyles();
  const songs = await api("songs");
  const sel = $("song"); sel.innerHTML = "";
  (songs || []).forEach((s) => { const o = document.createElement("option"); o.value = s.name; o.textContent = s.title; sel.appendChild(o); });
}

bind();
connect();
load();
const tab = location.hash.slice(1);
if (tab && $("panel-" + tab)) openTab(tab); else loadSetlists();
