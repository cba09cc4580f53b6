// Sideman web remote: one page, no build step. State arrives on the /api/events WebSocket
// (the full state on connect, then every change); taps go to the JSON API with X-Sideman: 1.
"use strict";
const $ = (id) => document.getElementById(id);
let state = null;
let styles = [];
let genre = "";

async function api(path, body) {
  const init = { method: body === undefined ? "GET" : "POST", headers: { "X-Sideman": "1" } };
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
  state = s;
  const p = s.practice || {};
  const chart = p.mode === "chart" && p.song;
  $("chord").textContent = (chart ? p.chord : s.chord) || s.chord || "–";
  $("next-chord").textContent = (chart && p.next_chord) || "–";
  $("section").textContent = s.playing ? (s.section || p.section || "playing") : (chart ? p.phase : "stopped");
  $("bar").textContent = p.bar != null ? p.bar + (p.bars ? "/" + p.bars : "") : "–";
  $("beat").textContent = p.beat != null ? p.beat : "–";
  const beats = $("beats");
  const n = 4;
  if (beats.children.length !== n) { beats.innerHTML = ""; for (let i = 0; i < n; i++) beats.appendChild(document.createElement("span")); }
  [...beats.children].forEach((b, i) => { b.className = (p.beat === i + 1 ? "on" : "") + (i === 0 ? " first" : ""); });
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
    b.classList.toggle("on", !!s.section && b.textContent.replace(" ", "").toLowerCase() === (s.section || "").replace(/ /g, "").toLowerCase());
  });
  document.querySelectorAll("#style-list button").forEach((b) => b.classList.toggle("on", b.dataset.name === s.style));
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
  document.querySelectorAll("[data-part]").forEach((b) => b.addEventListener("click", async () => {
    if (await api("parts/" + b.dataset.part + "/mute", {})) b.classList.toggle("muted");
  }));
  document.querySelectorAll("[data-mode]").forEach((b) => b.addEventListener("click", () => api("mode", { mode: b.dataset.mode })));
  document.querySelectorAll("[data-tab]").forEach((b) => b.addEventListener("click", () => {
    document.querySelectorAll("[data-tab]").forEach((t) => t.classList.toggle("on", t === b));
    document.querySelectorAll(".panel").forEach((p) => { p.hidden = p.id !== "panel-" + b.dataset.tab; });
  }));
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
  $("style-search").addEventListener("input", renderStyles);
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
