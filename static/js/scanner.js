// The one scanner input layer: camera, keyboard-wedge scanners and typed entry all end in one
// `scan` event on document, detail {code, symbology, source: "camera" | "wedge" | "keyboard"}.
export const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "qr_code", "data_matrix"];
const GS = "\x1d";
// Wedge scanners send a character every 1-20 ms (Bluetooth ones up to ~40); people type 80 ms or
// more apart. A few slow gaps are forgiven (a busy main thread, a scanner's first character), a
// pause this long is not.
const WEDGE_MAX_GAP_MS = 50;
const WEDGE_PAUSE_MS = 300;
const WEDGE_MIN_LENGTH = 4;
const NOWHERE_PAUSE_MS = 1500;
// A code must leave the view this long before the same code scans again.
const GONE_MS = 1000;
// Formats without a check character: wait for a second identical read before trusting one.
const CONFIRM = { code_39: 2, itf: 2, codabar: 2 };

function emit(code, symbology, source) {
  document.dispatchEvent(new CustomEvent("scan", { detail: { code, symbology, source } }));
}

/* ---- keyboard wedge ---- */

function isTextField(el) {
  return el && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(el.type)));
}

function keyChar(event) {
  // Scanners send the GS1 separator as Ctrl+] (or as the character itself).
  if (event.ctrlKey && (event.key === "]" || event.code === "BracketRight")) return GS;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return event.key.length === 1 ? event.key : null;
}

function isBurst(times) {
  if (times.length < WEDGE_MIN_LENGTH) return false;
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((x, y) => x - y);
  const slow = gaps.filter((g) => g > WEDGE_MAX_GAP_MS).length;
  return slow <= Math.max(1, Math.floor(gaps.length / 6)) && gaps[Math.floor(gaps.length / 2)] <= WEDGE_MAX_GAP_MS;
}

/**
 * Tell scanner bursts from typing; a burst into a focused field is taken back out of it. A line ending in Enter
 * that is not a burst is never dropped: typed into the entry form it submits there; typed where no field takes
 * it (or into a field outside a form, like the quantity) it becomes typed entry. Keys pressed before this ran
 * (a burst as the page opens) were kept by base.html and are replayed first.
 */
export function listenForWedge(root = document) {
  let buffer = "";
  let times = [];
  let field = null;
  let before = "";
  const reset = () => { buffer = ""; times = []; field = null; };
  const takeBack = () => {
    if (!field) return;
    field.value = before;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const onKey = (event) => {
    if (event.isComposing) return;
    const now = event.timeStamp;
    // Keys that reach no field are kept across a busy main thread's stalls; typing into a field is not.
    if (times.length && now - times[times.length - 1] > (field ? WEDGE_PAUSE_MS : NOWHERE_PAUSE_MS)) reset();
    if (event.key === "Enter") {
      const code = buffer;
      const burst = isBurst(times.concat(now));
      const stray = !burst && code.trim() && (!field || (!field.form && looksLikeCode(field, code)));
      if (burst || stray) {
        event.preventDefault();
        event.stopPropagation();
        takeBack();
      }
      reset();
      if (burst) emit(code, null, "wedge");
      else if (stray) emit(code.trim(), null, "keyboard");
      return;
    }
    const ch = keyChar(event);
    if (ch === null) return;
    if (!buffer) {
      field = isTextField(event.target) ? event.target : null;
      before = field ? (event.value ?? field.value) : "";  // a replayed key knows the value it found
    }
    if (ch === GS) event.preventDefault();
    buffer += ch;
    times.push(now);
  };
  const early = window.earlyKeys;
  if (early) {
    document.removeEventListener("keydown", early.listen, true);
    window.earlyKeys = null;
    for (const key of early.keys) onKey(key);
  }
  root.addEventListener("keydown", onKey, true);
}

// A field outside a form (quantity, lot) holding what can only be a code: more digits than a quantity has.
function looksLikeCode(field, code) {
  return code.length >= WEDGE_MIN_LENGTH && (field.type !== "number" || code.length > 7);
}

/** Typed entry: submitting the form scans what was typed. */
export function listenForTyping(form, input) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = input.value.trim();
    input.value = "";
    if (code) emit(code, null, "keyboard");
  });
}

/* ---- camera ---- */

let detectorPromise = null;

/** The native BarcodeDetector when it reads every format we need, else the zxing-wasm ponyfill. */
export function getDetector(ponyfillUrl) {
  if (!detectorPromise) {
    detectorPromise = (async () => {
      if ("BarcodeDetector" in window) {
        try {
          const supported = await window.BarcodeDetector.getSupportedFormats();
          if (FORMATS.every((f) => supported.includes(f))) {
            return { detector: new window.BarcodeDetector({ formats: FORMATS }), kind: "native" };
          }
        } catch (err) { /* fall through to the ponyfill */ }
      }
      const started = performance.now();
      const module = await import(ponyfillUrl);
      const folder = new URL(".", new URL(ponyfillUrl, location.href)).href;
      await module.prepareZXingModule({
        overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? folder + path : prefix + path) },
        fireImmediately: true,
      });
      performance.measure("decoder-load", { start: started, end: performance.now() });
      return { detector: new module.BarcodeDetector({ formats: FORMATS }), kind: "zxing" };
    })();
    detectorPromise.catch(() => { detectorPromise = null; });
  }
  return detectorPromise;
}

export class Camera {
  constructor(video, ponyfillUrl) {
    this.video = video;
    this.ponyfillUrl = ponyfillUrl;
    this.running = false;
    this.visible = new Map();
    this.hasTorch = false;
    this.decodedOnce = false;
  }

  /** Open the back camera and scan until stop(); resolves when frames are being decoded. */
  async start() {
    if (this.running) return;
    // Plain HTTP at a LAN address: the browser hides the camera; that is not the same as having none.
    if (!window.isSecureContext) throw new Error("insecure");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) throw new Error("no-camera");
    this.startedAt = performance.now();
    this.decodedOnce = false;
    const detector = getDetector(this.ponyfillUrl);
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    this.video.srcObject = this.stream;
    await this.video.play();
    this.track = this.stream.getVideoTracks()[0];
    const caps = this.track.getCapabilities ? this.track.getCapabilities() : {};
    this.hasTorch = Boolean(caps.torch);
    const found = await detector;
    this.detector = found.detector;
    this.detectorKind = found.kind;
    this.running = true;
    this.loop();
  }

  stop() {
    this.running = false;
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video.srcObject = null;
    this.visible.clear();
  }

  async setTorch(on) {
    if (!this.track || !this.hasTorch) return false;
    await this.track.applyConstraints({ advanced: [{ torch: on }] });
    return on;
  }

  loop() {
    const tick = async () => {
      if (!this.running) return;
      if (this.video.readyState >= 2) {
        try {
          this.seen(await this.detector.detect(this.video), performance.now());
        } catch (err) { /* a frame that cannot be read: try the next */ }
      }
      if (!this.running) return;
      if (this.video.requestVideoFrameCallback) this.video.requestVideoFrameCallback(tick);
      else setTimeout(tick, 60);
    };
    tick();
  }

  /** Turn the codes seen in one frame into scans: a code held in view scans once. */
  seen(codes, now) {
    for (const { rawValue, format } of codes) {
      if (!rawValue) continue;
      const key = `${format}:${rawValue}`;
      let entry = this.visible.get(key);
      if (!entry) { entry = { hits: 0, emitted: false }; this.visible.set(key, entry); }
      entry.last = now;
      entry.hits += 1;
      if (!entry.emitted && entry.hits >= (CONFIRM[format] || 1)) {
        entry.emitted = true;
        if (!this.decodedOnce) {
          this.decodedOnce = true;
          performance.measure("camera-to-first-decode", { start: this.startedAt, end: now });
        }
        emit(rawValue, format, "camera");
      }
    }
    for (const [key, entry] of this.visible) {
      if (now - entry.last > GONE_MS) this.visible.delete(key);
    }
  }
}

/** Wire a start/stop button, a torch button and the page's visibility to a camera. */
export function bindCamera(camera, { toggle, torch, box, onError }) {
  let wanted = false;
  const label = () => { toggle.textContent = camera.running ? toggle.dataset.stop : toggle.dataset.start; };
  const start = async () => {
    box.hidden = false;
    try {
      await camera.start();
      torch.hidden = !camera.hasTorch;
    } catch (err) {
      wanted = false;
      box.hidden = true;
      onError(err);
    }
    label();
  };
  toggle.addEventListener("click", async () => {
    wanted = !camera.running;
    if (wanted) await start();
    else { camera.stop(); box.hidden = true; torch.hidden = true; label(); }
  });
  torch.addEventListener("click", async () => {
    const on = torch.getAttribute("aria-pressed") !== "true";
    try { await camera.setTorch(on); torch.setAttribute("aria-pressed", String(on)); } catch (err) { torch.hidden = true; }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && camera.running) camera.stop();
    else if (document.visibilityState === "visible" && wanted && !camera.running) start();
  });
}

/** Not a secure context: show templates/_camera.html's notice, linking this screen at the secure address. */
export function showInsecureNotice(notice) {
  if (!notice || window.isSecureContext) return false;
  const base = notice.dataset.secureUrl || `https://${location.hostname}:8443`;
  const link = notice.querySelector("#insecure-link");
  link.href = base + location.pathname + location.search;
  link.textContent = link.href;
  notice.hidden = false;
  return true;
}

/**
 * The standard inputs of a scan screen (templates/_scan_controls.html, _camera.html): wedge, typing, camera and
 * the quantity buttons. Returns quantity(): the quantity per scan, a whole number from 1 to 1,000,000.
 */
export function startScreenInputs({ ponyfillUrl, onCameraError }) {
  const $ = (id) => document.getElementById(id);
  const qty = $("qty");
  const quantity = () => {
    const n = Math.trunc(Number(qty ? qty.value : 1));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000000) : 1;
  };
  if (qty) {  // the lookup screen has none
    $("qty-minus").addEventListener("click", () => { qty.value = Math.max(1, quantity() - 1); });
    $("qty-plus").addEventListener("click", () => { qty.value = quantity() + 1; });
  }
  listenForWedge();
  listenForTyping($("typed-form"), $("typed-code"));
  bindCamera(new Camera($("camera"), ponyfillUrl), {
    toggle: $("camera-toggle"), torch: $("torch"), box: $("camera-box"), onError: onCameraError,
  });
  showInsecureNotice($("insecure-notice"));
  document.body.dataset.scanner = "ready";  // tests wait for it (earlier keys are replayed, see listenForWedge)
  return { quantity };
}
